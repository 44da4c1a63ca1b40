import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** What a request log line holds: no query string, no path values (entity ids), no body, no headers. */
export interface LoggedRequest {
  method: string | undefined;
  url: string;
  remoteAddress: string | undefined;
  [key: string]: unknown;
}

/**
 * Fastify passes its own request to the `req` serializer although its types name the raw one. The
 * route pattern (`/api/entities/:id`) is logged instead of the URL, because paths and query strings
 * carry entity ids and search terms, which may identify people.
 */
const req = (raw: IncomingMessage): LoggedRequest => {
  const request = raw as unknown as Partial<Pick<FastifyRequest, 'routeOptions' | 'ip'>>;
  return {
    method: raw.method,
    url: request.routeOptions?.url ?? '(no route)',
    remoteAddress: request.ip,
  };
};

// Only the kind, message and stack of an error: drivers attach fields (PostgreSQL's `detail`) that
// quote row values.
const err = (e: Error): { type: string; message: string; stack: string; code?: string } => {
  const code = (e as { code?: unknown }).code;
  return {
    type: e.name,
    message: e.message,
    stack: e.stack ?? '',
    ...(typeof code === 'string' ? { code } : {}),
  };
};

/** Serializers that keep personal data out of the logs; they override any the caller passes. */
export const SAFE_SERIALIZERS = { req, err };

/** The Fastify logger option for `logger`: off by default, and always with the safe serializers. */
export const loggerOptions = (logger: boolean | object | undefined): false | Record<string, unknown> => {
  if (logger === undefined || logger === false) return false;
  const base: Record<string, unknown> = logger === true ? { level: 'info' } : { ...logger };
  const theirs = typeof base.serializers === 'object' && base.serializers !== null ? base.serializers : {};
  return { ...base, serializers: { ...theirs, ...SAFE_SERIALIZERS } };
};
