import { z } from 'zod';
import { errorEnvelopeSchema } from './errors.js';
import { defineRoute, isJsonLines, isStreamBody, type Route } from './route.js';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as z.toJSONSchema writes it. */
export type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document Clew writes (a type alias, so it is a plain JSON record). */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> };
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };

// Requests are documented as they are written (before defaults and transforms), responses as sent.
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query'): Record<string, unknown>[] => {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
};

const requestBody = (body: Route['body']): Record<string, unknown> | undefined => {
  if (body === undefined) return undefined;
  if (isStreamBody(body)) {
    const content = Object.fromEntries(body.contentTypes.map((t) => [t, { schema: { type: 'string' } }]));
    return { required: true, description: body.description, content };
  }
  return { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } };
};

const success = (route: Route): Record<string, unknown> => {
  const response = route.response;
  if (isJsonLines(response)) {
    return {
      description: response.description,
      content: { [response.contentType]: { schema: { type: 'string', description: response.description } } },
    };
  }
  return {
    description: route.summary,
    content: { 'application/json': { schema: jsonSchema(response, 'output') } },
  };
};

const operation = (route: Route): Record<string, unknown> => {
  const body = requestBody(route.body);
  const error = (description: string): unknown => ({
    description,
    content: { 'application/json': { schema: ERROR_REF } },
  });
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(route.status)]: success(route),
      '4XX': error('The request was refused: invalid, not found, conflicting or not allowed'),
      '5XX': error('The hub failed or its database is unavailable'),
    },
  };
};

/** `/api/agencies/:id` as OpenAPI writes it: `/api/agencies/{id}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The OpenAPI 3.1 document of these routes. */
export const openApiDocument = (routes: readonly Route[], version: string): OpenApiDocument => {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    (paths[openApiPath(route.url)] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  const tags = [...new Set(routes.flatMap((r) => r.tags))].sort().map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clew hub API',
      version,
      description:
        'Share fragments of trafficking and smuggling networks between agencies, under need-to-share rules.',
    },
    tags,
    paths,
    components: { schemas: { Error: jsonSchema(errorEnvelopeSchema, 'output') } },
  };
};

/** `GET /api/openapi.json`: the document of `routes()` and of itself, built once on first request. */
export const openApiRoute = (routes: () => readonly Route[], version: string): Route => {
  let doc: OpenApiDocument | undefined;
  return defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    operationId: 'getOpenApi',
    auth: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    tags: ['meta'],
    response: z.looseObject({ openapi: z.literal('3.1.0') }),
    handler: () => Promise.resolve((doc ??= openApiDocument(routes(), version))),
  });
};
