import type { Hub } from '@clew/app';
import { anonymousActor, ClewError, operatorActor, type Actor } from '@clew/core';
import type { FastifyRequest } from 'fastify';

/** How the transport learns who is acting. */
export type ActorResolver = (request: FastifyRequest) => Promise<Actor>;

/** The cookie that carries a web session (HttpOnly, Secure, SameSite=Strict). */
export const SESSION_COOKIE = 'clew_session';
/** The cookie the page reads its CSRF token from (not HttpOnly; SameSite=Strict keeps other sites out). */
export const CSRF_COOKIE = 'clew_csrf';
/** The header a cookie-signed-in client echoes its CSRF token in, on every request that changes state. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie of the request, if sent. */
export const cookieOf = (request: FastifyRequest, name: string): string | undefined => {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
};

const bearerOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
};

/**
 * Who is acting: an API token (`Authorization: Bearer …`), else a session cookie, else nobody.
 * A bad or expired credential is an error rather than anonymity, so a client learns to sign in
 * again; a cookie session must echo its CSRF token on every request that changes state.
 */
export const sessionActors =
  (hub: Hub): ActorResolver =>
  async (request) => {
    const bearer = bearerOf(request);
    if (bearer !== undefined) {
      const resolved = await hub.auth.fromToken(bearer);
      if (!resolved) throw new ClewError('Unauthenticated', 'the API token is unknown, expired or revoked');
      return resolved.actor;
    }
    const session = cookieOf(request, SESSION_COOKIE);
    if (session === undefined) return anonymousActor;
    const resolved = await hub.auth.fromSession(session);
    if (!resolved) return anonymousActor;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || resolved.csrf === undefined || sent !== resolved.csrf)
        throw new ClewError('Forbidden', `missing or wrong ${CSRF_HEADER} header`);
    }
    return resolved.actor;
  };

/** Every request acts as the hub operator: for tests of features other than sign-in, never for serving. */
export const operatorActors: ActorResolver = () => Promise.resolve(operatorActor());
