import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgency,
  createDataset,
  errorOf,
  startTestServer,
  type TestServer,
} from '../testing/test-server.js';

const MAPPING = `version: 1
source: { format: csv }
provenance: { source: crossing log }
entities:
  - key: person
    schema: Person
    id: { columns: [Ref], prefix: p- }
    properties:
      name: { column: Name }
      birthDate: { column: DOB, transform: [{ date: DD/MM/YYYY }] }
`;

const CSV = 'Ref,Name,DOB\np1,Ana Popescu,02/04/1990\np2,Ion Rusu,31/02/1990\np3,Sara Kidane,01/01/2000\n';

interface JobOut {
  id: string;
  status: string;
  rows: number;
  accepted: number;
  rejected: number;
  importId?: string;
  rowsPerSecond: number;
  rejections: { row: number; column?: string; field?: string; reason: string }[];
  error?: { code: string; message: string };
}

describe('table upload routes', () => {
  let s: TestServer;
  const upload = (dataset: string, query: string, body = CSV) =>
    s.app.inject({
      method: 'POST',
      url: `/api/datasets/${dataset}/imports/table?${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
  const poll = async (id: string): Promise<JobOut> => {
    await s.hub.tables.jobs.idle();
    const res = await s.app.inject({ method: 'GET', url: `/api/jobs/${id}` });
    expect(res.statusCode).toBe(200);
    return res.json<JobOut>();
  };

  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app);
    await createDataset(s.app, { name: 'log' });
    mkdirSync(join(s.dataDir, 'mappings'));
    writeFileSync(join(s.dataDir, 'mappings', 'crossings.yaml'), MAPPING);
  });
  afterAll(() => s.close());

  it('accepts an upload as a job, imports it, and reports the rejected row', async () => {
    const res = await upload('log', 'mapping=crossings&fileName=log.csv');
    expect(res.statusCode).toBe(202);
    const queued = res.json<JobOut>();
    expect(['queued', 'running']).toContain(queued.status);
    const job = await poll(queued.id);
    expect(job).toMatchObject({ status: 'done', rows: 3, accepted: 2, rejected: 1 });
    expect(job.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(job.rejections).toEqual([
      {
        row: 3,
        column: 'DOB',
        field: 'person.birthDate',
        reason: '"31/02/1990" is not a real date (format DD/MM/YYYY)',
      },
    ]);
    const stats = await s.app.inject({ method: 'GET', url: '/api/datasets/log' });
    expect(stats.json<{ stats: { total: number } }>().stats.total).toBe(2);
    // The spooled upload is gone once the job ends.
    expect(readdirSync(join(s.dataDir, 'uploads'))).toEqual([]);
  });

  it('reports a failed job with its reason', async () => {
    const res = await upload('log', 'mapping=crossings', 'Ref,Name\np1,x\n');
    const job = await poll(res.json<JobOut>().id);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({
      code: 'Invalid',
      message: 'the mapping reads columns the file does not have: DOB',
    });
  });

  it('refuses an unknown mapping, a path for a name, and an unknown dataset before reading the body', async () => {
    const missing = await upload('log', 'mapping=nope');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toBe(`no mapping "nope" in the hub's mappings directory`);
    const path = await upload('log', `mapping=${encodeURIComponent('../secret')}`);
    expect(path.statusCode).toBe(400);
    const ds = await upload('nope', 'mapping=crossings');
    expect(ds.statusCode).toBe(404);
    expect(readdirSync(join(s.dataDir, 'uploads'))).toEqual([]);
  });

  it('answers "not found" for a job that does not exist', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/jobs/00000000-0000-0000-0000-000000000000' });
    expect(res.statusCode).toBe(404);
  });
});
