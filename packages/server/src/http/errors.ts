import { isClewError, type ErrorCode, type ErrorLocation } from '@clew/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The codes an error envelope carries: the domain's, three the HTTP edge adds, and Internal. */
export const HTTP_ERROR_CODES = [
  'NotFound',
  'Invalid',
  'Conflict',
  'Forbidden',
  'Unauthenticated',
  'Unavailable',
  'TooLarge',
  'UnsupportedMediaType',
  'Internal',
] as const;

/** One of HTTP_ERROR_CODES. */
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

// Compile-time check that a new domain code is added to the list above (and so to the OpenAPI enum).
type MissingCode = Exclude<ErrorCode, HttpErrorCode>;
const _everyDomainCode: [MissingCode] extends [never] ? true : MissingCode = true;

/** The body of every error response. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(HTTP_ERROR_CODES),
      message: z.string(),
      where: z
        .object({
          file: z.string().optional(),
          line: z.number().int().optional(),
          entity: z.string().optional(),
          property: z.string().optional(),
          field: z.string().optional(),
        })
        .optional(),
    }),
  })
  .meta({ description: 'An error: a code to branch on, a message for people, and where it happened.' });

/** An error envelope as sent. */
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** An error response: status and envelope. */
export interface ErrorResponse {
  status: number;
  body: ErrorEnvelope;
}

/** The HTTP status of each domain error code. */
export const statusOf = (code: ErrorCode): number => {
  switch (code) {
    case 'NotFound':
      return 404;
    case 'Invalid':
      return 400;
    case 'Conflict':
      return 409;
    case 'Forbidden':
      return 403;
    case 'Unauthenticated':
      return 401;
    case 'Unavailable':
      return 503;
  }
};

const envelope = (code: HttpErrorCode, message: string, where?: ErrorLocation): ErrorEnvelope => {
  const defined = where && Object.entries(where).filter((e) => e[1] !== undefined);
  return {
    error: {
      code,
      message,
      ...(defined && defined.length > 0 ? { where: Object.fromEntries(defined) } : {}),
    },
  };
};

/** The 500 every unexpected failure becomes: its text could carry victims' data, so none of it is sent. */
export const INTERNAL_ERROR: ErrorResponse = {
  status: 500,
  body: envelope('Internal', 'internal error'),
};

// Fastify's own messages are fixed texts except for a malformed JSON body, whose parser message quotes
// the body; each code gets a message of ours so nothing from the request comes back or reaches a log.
const FASTIFY_MESSAGES: Record<string, { code: HttpErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'Invalid', message: 'request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'Invalid', message: 'request body is empty but its type is JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'Invalid',
    message: 'request body length does not match Content-Length',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'TooLarge', message: 'request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UnsupportedMediaType',
    message: 'unsupported content type for this route',
  },
};

const codeOfStatus = (status: number): HttpErrorCode => {
  if (status === 401) return 'Unauthenticated';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 409) return 'Conflict';
  if (status === 413) return 'TooLarge';
  if (status === 415) return 'UnsupportedMediaType';
  return 'Invalid';
};

const fastifyClientError = (e: unknown): ErrorResponse | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  const { statusCode, code } = e as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  const known = typeof code === 'string' ? FASTIFY_MESSAGES[code] : undefined;
  const mapped = known ?? { code: codeOfStatus(statusCode), message: 'the request could not be processed' };
  return { status: statusCode, body: envelope(mapped.code, mapped.message, { field: 'body' }) };
};

/** Turn anything thrown into a response; undefined for an unexpected error, which the caller logs. */
export const toErrorResponse = (e: unknown): ErrorResponse | undefined => {
  if (isClewError(e)) return { status: statusOf(e.code), body: envelope(e.code, e.message, e.where) };
  return fastifyClientError(e);
};

const routeOf = (request: FastifyRequest): string => `${request.method} ${request.url.split('?')[0] ?? ''}`;

/** Install the one error handler and the not-found handler; both answer with the error envelope. */
export const installErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error: unknown, request, reply) => {
    const response = toErrorResponse(error);
    if (response) {
      request.log.info({ code: response.body.error.code, status: response.status }, 'request refused');
      return reply.code(response.status).send(response.body);
    }
    // The logger's `err` serializer (logging.ts) keeps the kind, message and stack only.
    const err = error instanceof Error ? error : new Error(`a non-error was thrown (${typeof error})`);
    request.log.error({ err }, 'unexpected error');
    return reply.code(INTERNAL_ERROR.status).send(INTERNAL_ERROR.body);
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.code(404).send(envelope('NotFound', `no route ${routeOf(request)}`));
  });
};
