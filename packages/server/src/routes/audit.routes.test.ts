import { verifyExport } from '@clew/app';
import type { Actor } from '@clew/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgency,
  createDataset,
  errorOf,
  startTestServer,
  type TestServer,
} from '../testing/test-server.js';

interface Page {
  results: {
    seq: number;
    action: string;
    targets: string[];
    outcome: string;
    details: Record<string, unknown>;
  }[];
  next: number | null;
}

async function* linesOf(body: string): AsyncGenerator<string> {
  await Promise.resolve();
  yield* body.split('\n');
}

describe('audit routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app);
    await createDataset(s.app);
    await s.app.inject({ method: 'GET', url: '/api/entities/nope' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('lists entries newest first, filtered and paged', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/audit?action=admin&limit=1' });
    expect(res.statusCode).toBe(200);
    const page = res.json<Page>();
    expect(page.results).toMatchObject([{ action: 'admin', targets: ['ds'], outcome: 'ok' }]);
    const older = await s.app.inject({
      method: 'GET',
      url: `/api/audit?action=admin&before=${page.next ?? 0}`,
    });
    expect(older.json<Page>().results).toMatchObject([{ targets: ['agency-a'] }]);
    const read = await s.app.inject({ method: 'GET', url: '/api/audit?target=nope' });
    expect(read.json<Page>().results).toMatchObject([{ action: 'read', outcome: 'not-found' }]);
    const bad = await s.app.inject({ method: 'GET', url: '/api/audit?action=shred' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports JSON lines that verify offline', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/audit/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const r = await verifyExport(linesOf(res.body), s.hub.audit.keyId);
    expect(r).toMatchObject({ ok: true });
    expect(r.entries).toBeGreaterThanOrEqual(4);
  });

  it('refuses readers without the auditor role', async () => {
    const analyst: Actor = { kind: 'user', userId: 'u7', agencyId: 'agency-a', roles: ['analyst'] };
    const other = await startTestServer({ actors: () => () => Promise.resolve(analyst) });
    try {
      for (const url of ['/api/audit', '/api/audit/export']) {
        const res = await other.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(403);
        expect(errorOf(res).code).toBe('Forbidden');
      }
    } finally {
      await other.close();
    }
  });
});
