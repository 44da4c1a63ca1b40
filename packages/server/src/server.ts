import type { Hub } from '@clew/app';
import { fastify, type FastifyInstance } from 'fastify';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sessionActors, type ActorResolver } from './http/actor.js';
import { installErrorHandling } from './http/errors.js';
import { loggerOptions } from './http/logging.js';
import { mountRoutes } from './http/mount-routes.js';
import { sweepStaleUploads } from './http/upload-spool.js';
import { apiRoutes } from './routes/api.routes.js';
import { registerHubPage } from './web/hub-page.js';

/** How the server is built. */
export interface ServerOptions {
  /** The hub's data directory; uploads are spooled under `<dataDir>/uploads`. */
  dataDir: string;
  /** Fastify/pino logger options; off when omitted. Request bodies, URLs' values and queries are never logged. */
  logger?: boolean | object;
  /** The largest upload accepted, in bytes (default 4 GiB). */
  maxUploadBytes?: number;
  /** Who requests act as (default: sign-in sessions and API tokens; tests of other features use the operator). */
  actors?: (hub: Hub) => ActorResolver;
}

/** How the server is started: ServerOptions plus where to listen. */
export interface StartOptions extends ServerOptions {
  /** Interface to bind; default HOST from the environment, else 127.0.0.1. */
  host?: string | undefined;
  port: number;
}

/** Where the server listens unless told otherwise: loopback only (put TLS in front before opening it up). */
export const DEFAULT_HOST = '127.0.0.1';

const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** The host to bind: HOST when set, else loopback. */
export const hostFromEnv = (env: Record<string, string | undefined>): string =>
  env.HOST?.trim() || DEFAULT_HOST;

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');

const readVersion = async (): Promise<string> => {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
};

/** Build the HTTP server for a hub, ready to `inject` (tests) or `listen`; closing it leaves the hub open. */
export const buildServer = async (hub: Hub, options: ServerOptions): Promise<FastifyInstance> => {
  const uploadsDir = join(resolve(options.dataDir), 'uploads');
  await mkdir(uploadsDir, { recursive: true, mode: 0o700 });
  await sweepStaleUploads(uploadsDir, STALE_UPLOAD_MS);
  const app: FastifyInstance = fastify({ logger: loggerOptions(options.logger) });
  installErrorHandling(app);
  app.addHook('onRequest', (_request, reply, done) => {
    // Responses carry sensitive data: never cached, never sniffed, never sent on as a referrer.
    reply.headers({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    done();
  });
  const version = await readVersion();
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  await mountRoutes(
    app,
    apiRoutes({ hub, uploadsDir, maxUploadBytes, version }).all(),
    (options.actors ?? sessionActors)(hub),
    (route, actor) =>
      hub.audit.record(actor, {
        action: route.method === 'GET' ? 'read' : 'admin',
        outcome: 'denied',
        details: { route: route.operationId },
      }),
  );
  registerHubPage(app);
  await app.ready();
  return app;
};

/** Build the server and listen; the caller closes the server, then the hub. */
export const startServer = async (hub: Hub, options: StartOptions): Promise<FastifyInstance> => {
  const app = await buildServer(hub, { ...options, logger: options.logger ?? true });
  const host = options.host ?? hostFromEnv(process.env);
  if (!isLoopback(host)) {
    app.log.warn(
      { host },
      'listening beyond loopback: serve it behind TLS, since session cookies are Secure',
    );
  }
  await app.listen({ host, port: options.port });
  return app;
};
