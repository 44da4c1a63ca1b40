import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgency,
  createDataset,
  errorOf,
  ftmBody,
  importFtm,
  startTestServer,
  type TestServer,
} from '../testing/test-server.js';

interface Report {
  lines: number;
  accepted: number;
  rejected: number;
  statements: number;
  rejections: { line: number; entity?: string; property?: string; reason: string }[];
}

const GOOD = [
  {
    id: 'p1',
    schema: 'Person',
    properties: { name: ['Ana Popescu'], nationality: ['ro'], birthDate: ['1990-04-02'] },
  },
  { id: 'c1', schema: 'Company', properties: { name: ['Trans Logistic SRL'], jurisdiction: ['ro'] } },
  {
    id: 'd1',
    schema: 'Directorship',
    properties: { director: ['p1'], organization: ['c1'], role: ['director'] },
    clew: { marking: { grading: 'C3', tlp: 'RED' } },
  },
];
const BAD = { id: 'p2', schema: 'Person', properties: { name: ['Ion'], favouriteColour: ['blue'] } };

describe('FtM import and export routes', () => {
  let s: TestServer;
  const uploads = (): string[] => readdirSync(join(s.dataDir, 'uploads'));
  const total = async (dataset: string): Promise<number> =>
    (await s.app.inject({ method: 'GET', url: `/api/datasets/${dataset}` })).json<{
      stats: { total: number };
    }>().stats.total;

  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app);
  });
  afterAll(() => s.close());

  it('imports the good lines and reports the bad one with its line number and property', async () => {
    await createDataset(s.app, { name: 'lenient' });
    const res = await importFtm(s.app, 'lenient', ftmBody([GOOD[0], BAD, GOOD[1], GOOD[2]]));
    expect(res.statusCode).toBe(200);
    const report = res.json<Report>();
    expect(report).toMatchObject({ lines: 4, accepted: 3, rejected: 1 });
    expect(report.statements).toBeGreaterThanOrEqual(8);
    expect(report.rejections).toEqual([
      {
        line: 2,
        entity: 'p2',
        property: 'favouriteColour',
        reason: 'schema Person has no property "favouriteColour"',
      },
    ]);
    expect(await total('lenient')).toBe(3);
    expect(uploads()).toEqual([]);
  });

  it('refuses a whole file in strict mode, storing nothing', async () => {
    await createDataset(s.app, { name: 'strict' });
    const res = await importFtm(s.app, 'strict', ftmBody([GOOD[0], GOOD[1], BAD]), { strict: true });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('Invalid');
    expect(error.message).toContain('line 3');
    expect(error.where).toMatchObject({ line: 3, entity: 'p2', property: 'favouriteColour' });
    expect(await total('strict')).toBe(0);
    expect(uploads()).toEqual([]);

    const ok = await importFtm(s.app, 'strict', ftmBody(GOOD), { strict: true });
    expect(ok.json<Report>()).toMatchObject({ accepted: 3, rejected: 0 });
  });

  it('exports what was imported, line for line', async () => {
    await createDataset(s.app, {
      name: 'round-trip',
      defaults: { grading: 'B2', handling: 'H2', tlp: 'AMBER' },
    });
    await importFtm(s.app, 'round-trip', ftmBody(GOOD));
    const res = await s.app.inject({ method: 'GET', url: '/api/datasets/round-trip/export.ftm.jsonl' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    expect(res.body.endsWith('\n')).toBe(true);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(GOOD);
  });

  it('accepts application/jsonl and text/plain with CRLF line ends', async () => {
    await createDataset(s.app, { name: 'types' });
    const jsonl = await importFtm(s.app, 'types', ftmBody([GOOD[0]]), { contentType: 'application/jsonl' });
    expect(jsonl.json<Report>().accepted).toBe(1);
    const crlf = ftmBody([GOOD[1]]).replace(/\n/g, '\r\n');
    const text = await importFtm(s.app, 'types', crlf, { contentType: 'text/plain; charset=utf-8' });
    expect(text.json<Report>()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('answers 415 for a content type it does not take', async () => {
    const res = await importFtm(s.app, 'types', '{}', { contentType: 'application/json' });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('UnsupportedMediaType');
  });

  it('answers an unknown dataset with 404, on import (writing nothing to disk) and on export', async () => {
    const imp = await importFtm(s.app, 'nope', ftmBody(GOOD));
    expect(imp.statusCode).toBe(404);
    expect(errorOf(imp)).toEqual({
      code: 'NotFound',
      message: 'no dataset "nope"',
      where: { field: 'dataset' },
    });
    expect(uploads()).toEqual([]);
    const exp = await s.app.inject({ method: 'GET', url: '/api/datasets/nope/export.ftm.jsonl' });
    expect(exp.statusCode).toBe(404);
    expect(exp.headers['content-type']).toMatch(/^application\/json/);
    expect(errorOf(exp).code).toBe('NotFound');
  });

  it('names a bad strict flag', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/datasets/types/imports/ftm?strict=maybe',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: ftmBody(GOOD),
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toBe('query.strict: expected one of "true", "false"');
  });
});

describe('FtM upload limit', () => {
  it('answers 413 for an upload over the limit and leaves no file behind', async () => {
    const s = await startTestServer({ maxUploadBytes: 1024 });
    try {
      await createAgency(s.app);
      await createDataset(s.app);
      const many = Array.from({ length: 50 }, (_, i) => ({
        id: `p${i}`,
        schema: 'Person',
        properties: { name: ['x'] },
      }));
      const res = await importFtm(s.app, 'ds', ftmBody(many));
      expect(res.statusCode).toBe(413);
      expect(errorOf(res)).toMatchObject({ code: 'TooLarge', message: 'request body is too large' });
      expect(readdirSync(join(s.dataDir, 'uploads'))).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
