import { openHub, type Hub } from '@clew/app';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatorActors } from '../http/actor.js';
import { buildServer, type ServerOptions } from '../server.js';

/** A server on a fresh hub in a temporary SQLite data directory, for in-process tests. */
export interface TestServer {
  app: FastifyInstance;
  hub: Hub;
  dataDir: string;
  close: () => Promise<void>;
}

// Unexpected errors (500s) show in the test output; nothing else is logged.
const TEST_LOGGER = {
  level: 'error',
  stream: {
    write: (line: string): void => {
      console.error(line);
    },
  },
};

/**
 * Open a hub in a new temporary directory and build a server on it (no port). Requests act as the
 * operator unless `actors` says otherwise: sign-in and the sharing policy have their own tests,
 * which pass `actors: sessionActors`.
 */
export const startTestServer = async (options: Partial<ServerOptions> = {}): Promise<TestServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-server-'));
  const hub = await openHub({ dataDir, databaseUrl: undefined });
  try {
    const app = await buildServer(hub, {
      dataDir,
      logger: TEST_LOGGER,
      actors: () => operatorActors,
      ...options,
    });
    const close = async (): Promise<void> => {
      await app.close();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    return { app, hub, dataDir, close };
  } catch (e) {
    await hub.close();
    throw e;
  }
};

/** The error envelope of a response, typed for assertions. */
export const errorOf = (
  res: LightMyRequestResponse,
): { code: string; message: string; where?: Record<string, unknown> } =>
  res.json<{ error: { code: string; message: string; where?: Record<string, unknown> } }>().error;

/** Create an agency through the API: `agency-a`, a police force in Great Britain, unless told otherwise. */
export const createAgency = (
  app: FastifyInstance,
  overrides: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url: '/api/agencies',
    payload: { id: 'agency-a', name: 'Agency A', kind: 'police', country: 'gb', ...overrides },
  });

/** Create a dataset through the API: `ds` of `agency-a`, unless told otherwise. */
export const createDataset = (
  app: FastifyInstance,
  overrides: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url: '/api/datasets',
    payload: { name: 'ds', agency: 'agency-a', ...overrides },
  });

/** FtM JSON lines from objects, one per line. */
export const ftmBody = (entities: readonly unknown[]): string =>
  entities.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** Import FtM JSON lines into a dataset through the API. */
export const importFtm = (
  app: FastifyInstance,
  dataset: string,
  body: string,
  options: { strict?: boolean; contentType?: string } = {},
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url: `/api/datasets/${dataset}/imports/ftm${options.strict === undefined ? '' : `?strict=${String(options.strict)}`}`,
    headers: { 'content-type': options.contentType ?? 'application/x-ndjson' },
    payload: body,
  });
