import { ClewError, may, type Actor, type Permission } from '@clew/core';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { compileExactCheck, type ExactCheck } from './exact-check.js';
import { invalidRequest, PARSE_CONTEXT, type RequestPart } from './request-validation.js';

/** The HTTP methods routes use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body taken as a raw byte stream (uploads): passed through, never buffered in memory. */
export interface StreamBody {
  readonly kind: 'stream';
  readonly contentTypes: readonly string[];
  readonly description: string;
}

/** A request body of raw bytes in one of these content types. */
export const streamBody = (contentTypes: readonly string[], description: string): StreamBody => ({
  kind: 'stream',
  contentTypes,
  description,
});

/** A response streamed as JSON lines; `item` documents one line. */
export interface JsonLinesResponse {
  readonly kind: 'json-lines';
  readonly contentType: 'application/x-ndjson';
  readonly item: z.ZodType;
  readonly description: string;
}

/** A response of JSON lines, each line an `item`. */
export const jsonLines = (item: z.ZodType, description: string): JsonLinesResponse => ({
  kind: 'json-lines',
  contentType: 'application/x-ndjson',
  item,
  description,
});

type PartSchema = z.ZodType | undefined;
type BodySpec = z.ZodType | StreamBody | undefined;
type ResponseSpec = z.ZodType | JsonLinesResponse;

type In<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyIn<B> = B extends StreamBody ? Readable : In<B>;
type Out<R> = R extends JsonLinesResponse ? AsyncIterable<string> : R extends z.ZodType ? z.input<R> : never;

/** What a handler receives: the validated, typed parts of the request. */
export interface RouteInput<P extends PartSchema, Q extends PartSchema, B extends BodySpec> {
  params: In<P>;
  query: In<Q>;
  body: BodyIn<B>;
}

/**
 * Who may call a route: anyone (`public`: health, sign-in, the OpenAPI document), anyone signed in
 * (`signed-in`: the service then decides by agency and sharing), or holders of one permission.
 * Data visibility is never decided here: services ask the policy for every item.
 */
export type RouteAuth = 'public' | 'signed-in' | Permission;

/** Refuse an actor the route's auth does not admit: 401 when nobody is signed in, else 403. */
export const admit = (auth: RouteAuth, actor: Actor): void => {
  if (auth === 'public') return;
  if (actor.kind === 'anonymous') throw new ClewError('Unauthenticated', 'sign in first');
  if (auth !== 'signed-in' && !may(actor, auth))
    throw new ClewError('Forbidden', `your roles do not allow ${auth}`);
};

/** Whether the gate refuses a signed-in user for want of a permission (what the audit log records). */
export const refusedAtGate = (auth: RouteAuth, actor: Actor): boolean =>
  actor.kind === 'user' && auth !== 'public' && auth !== 'signed-in' && !may(actor, auth);

/** A route as a feature declares it. */
export interface RouteSpec<
  P extends PartSchema,
  Q extends PartSchema,
  B extends BodySpec,
  R extends ResponseSpec,
> {
  method: HttpMethod;
  /** Fastify form, e.g. `/api/agencies/:id`. */
  url: string;
  operationId: string;
  summary: string;
  tags: readonly string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status of a success (default 200). */
  status?: number;
  /** Who may call it (default `signed-in`). */
  auth?: RouteAuth;
  /**
   * Headers to send with a success, from the handler's raw output — which may hold fields the
   * response schema strips from the body, such as a session secret for Set-Cookie.
   */
  headers?: (out: unknown) => Record<string, string | string[]>;
  handler: (input: RouteInput<P, Q, B>, actor: Actor) => Promise<Out<R>>;
}

/** What running a route produced, for the transport to send. */
export type RouteResult =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string | string[]> }
  | { kind: 'json-lines'; status: number; contentType: string; lines: AsyncIterable<string> };

/** The raw parts of a request, before validation. */
export interface RawRequest {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** A route with its types erased: what the registry, the transport and the OpenAPI document see. */
export interface Route {
  readonly method: HttpMethod;
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly status: number;
  readonly auth: RouteAuth;
  readonly params: z.ZodType | undefined;
  readonly query: z.ZodType | undefined;
  readonly body: z.ZodType | StreamBody | undefined;
  readonly response: z.ZodType | JsonLinesResponse;
  /** Validate the request, call the handler, and check the response against its schema. */
  readonly run: (raw: RawRequest, actor: Actor) => Promise<RouteResult>;
}

/** True when the body spec is a raw stream. */
export const isStreamBody = (b: Route['body']): b is StreamBody => b !== undefined && 'kind' in b;

/** True when the response spec is JSON lines. */
export const isJsonLines = (r: Route['response']): r is JsonLinesResponse => 'kind' in r;

/**
 * A request part as its schema parses it; one that is already exactly what the parse would give is
 * taken as it is (see exact-check.ts), without zod's copy.
 */
const parsePart = (
  part: RequestPart,
  schema: z.ZodType | undefined,
  value: unknown,
  exact?: ExactCheck,
): unknown => {
  if (schema === undefined) return undefined;
  const raw = value ?? {};
  if (exact?.(raw) === true) return raw;
  const result = schema.safeParse(raw, PARSE_CONTEXT);
  if (!result.success) throw invalidRequest(part, result.error.issues);
  return result.data;
};

const parseBody = (spec: BodySpec, value: unknown, exact?: ExactCheck): unknown => {
  if (!isStreamBody(spec)) return parsePart('body', spec, value, exact);
  // The stream parser is the only one registered for such a route, so anything else means no body.
  if (!isReadable(value)) {
    throw invalidRequest('body', [
      { code: 'custom', path: [], message: `expected a body of type ${spec.contentTypes.join(', ')}` },
    ]);
  }
  return value;
};

const isReadable = (v: unknown): v is Readable =>
  typeof v === 'object' && v !== null && typeof (v as Partial<Readable>).pipe === 'function';

/** Declare a route: typed input from its zod schemas, output checked against its response schema. */
export const defineRoute = <
  P extends PartSchema = undefined,
  Q extends PartSchema = undefined,
  B extends BodySpec = undefined,
  R extends ResponseSpec = z.ZodType,
>(
  spec: RouteSpec<P, Q, B, R>,
): Route => {
  const status = spec.status ?? 200;
  const auth = spec.auth ?? 'signed-in';
  const response: ResponseSpec = spec.response;
  const exactOf = (s: z.ZodType | undefined) => (s === undefined ? undefined : compileExactCheck(s));
  const exact = {
    params: exactOf(spec.params),
    query: exactOf(spec.query),
    body: isStreamBody(spec.body) ? undefined : exactOf(spec.body),
    response: isJsonLines(response) ? undefined : exactOf(response),
  };
  const run = async (raw: RawRequest, actor: Actor): Promise<RouteResult> => {
    // Who may call comes before what was sent: nobody learns an endpoint's rules without access.
    admit(auth, actor);
    // The one place the erased types are restored: each part was just parsed by its own schema.
    const input = {
      params: parsePart('params', spec.params, raw.params, exact.params),
      query: parsePart('query', spec.query, raw.query, exact.query),
      body: parseBody(spec.body, raw.body, exact.body),
    } as RouteInput<P, Q, B>;
    const out: unknown = await spec.handler(input, actor);
    if (isJsonLines(response)) {
      return {
        kind: 'json-lines',
        status,
        contentType: response.contentType,
        lines: out as AsyncIterable<string>,
      };
    }
    // Parsing the output strips any field the schema does not name: presenters decide, this enforces.
    // An output already exactly what the parse would give is sent as it is (see exact-check.ts).
    const body: unknown = exact.response?.(out) === true ? out : response.parse(out);
    const headers = spec.headers?.(out);
    return { kind: 'json', status, body, ...(headers ? { headers } : {}) };
  };
  return {
    method: spec.method,
    url: spec.url,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    status,
    auth,
    params: spec.params,
    query: spec.query,
    body: spec.body,
    response,
    run,
  };
};

/** The routes of the API, checked for clashes as they are added; OpenAPI and Fastify read it. */
export class RouteRegistry {
  private readonly byKey = new Map<string, Route>();
  private readonly operationIds = new Set<string>();

  /** Add routes; a second route with the same method and URL, or the same operationId, is a bug. */
  add(...routes: readonly Route[]): this {
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (this.byKey.has(key)) throw new Error(`route ${key} is defined twice`);
      if (this.operationIds.has(r.operationId)) throw new Error(`operationId ${r.operationId} is used twice`);
      this.byKey.set(key, r);
      this.operationIds.add(r.operationId);
    }
    return this;
  }

  /** All routes, in the order they were added. */
  all(): readonly Route[] {
    return [...this.byKey.values()];
  }
}
