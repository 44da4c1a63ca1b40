import type { Actor } from '@clew/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { isStreamBody, refusedAtGate, type Route, type RouteResult } from './route.js';

/** How the transport learns who is acting (see actor.ts). */
export type ActorResolver = (request: FastifyRequest) => Promise<Actor>;

/** Told when a signed-in user is refused at a route's gate, before the route runs (for the audit log). */
export type GateRefusal = (route: Route, actor: Actor) => Promise<void>;

async function* linesOf(
  first: IteratorResult<string>,
  rest: AsyncIterator<string>,
): AsyncGenerator<string, void, undefined> {
  let next = first;
  try {
    while (next.done !== true) {
      yield `${next.value}\n`;
      next = await rest.next();
    }
  } finally {
    // A client that hangs up ends the stream early: let the source close its cursor.
    if (next.done !== true) await rest.return?.();
  }
}

const send = async (reply: FastifyReply, result: RouteResult): Promise<FastifyReply> => {
  switch (result.kind) {
    case 'json':
      if (result.headers) void reply.headers(result.headers);
      return reply.code(result.status).send(result.body);
    case 'json-lines': {
      // Pull the first line before any header is sent, so a missing or hidden dataset is still a 404.
      const iterator = result.lines[Symbol.asyncIterator]();
      const first = await iterator.next();
      return reply
        .code(result.status)
        .type(result.contentType)
        .send(Readable.from(linesOf(first, iterator), { objectMode: false }));
    }
  }
};

const mount = (
  scope: FastifyInstance,
  route: Route,
  actorOf: ActorResolver,
  onRefused?: GateRefusal,
): void => {
  scope.route({
    method: route.method,
    url: route.url,
    handler: async (request, reply) => {
      const actor = await actorOf(request);
      if (onRefused && refusedAtGate(route.auth, actor)) await onRefused(route, actor);
      const result = await route.run(
        { params: request.params, query: request.query, body: request.body },
        actor,
      );
      return send(reply, result);
    },
  });
};

/**
 * Register the routes on Fastify. A route with a stream body gets its own scope whose only
 * content-type parsers pass the request stream through untouched, so uploads are never buffered and
 * JSON routes never see a stream.
 */
export const mountRoutes = async (
  app: FastifyInstance,
  routes: readonly Route[],
  actorOf: ActorResolver,
  onRefused?: GateRefusal,
): Promise<void> => {
  for (const route of routes) {
    const body = route.body;
    if (!isStreamBody(body)) {
      mount(app, route, actorOf, onRefused);
      continue;
    }
    await app.register((scope, _opts, done) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser([...body.contentTypes], (_request, payload, parsed) => {
        parsed(null, payload);
      });
      mount(scope, route, actorOf, onRefused);
      done();
    });
  }
};
