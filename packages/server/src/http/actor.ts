import { operatorActor, type Actor } from '@clew/core';
import type { FastifyRequest } from 'fastify';

/**
 * Who is acting for this request: the one place sign-in will slot in (sessions, users, agencies).
 * Until then every request acts as the local operator, which is why the server binds to loopback by
 * default. Asynchronous already, since a session lookup will be.
 */
export const actorOf = (_request: FastifyRequest): Promise<Actor> => Promise.resolve(operatorActor());
