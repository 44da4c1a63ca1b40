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

describe('datasets routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app, { id: 'police-a' });
    await createAgency(s.app, { id: 'ngo-b', kind: 'ngo', country: 'ro' });
  });
  afterAll(() => s.close());

  it('creates a dataset with marking defaults in FtM form and lists it', async () => {
    const res = await createDataset(s.app, {
      name: 'cases',
      agency: 'police-a',
      label: 'Case files',
      defaults: {
        source: 'case 2024/117',
        collected: '2024-03',
        grading: 'b2',
        handling: 'H2',
        tlp: 'TLP:RED',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'cases',
      agency: 'police-a',
      label: 'Case files',
      defaults: {
        source: 'case 2024/117',
        collected: '2024-03',
        grading: 'B2',
        handling: 'H2',
        conditions: null,
        tlp: 'RED',
      },
    });
    await createDataset(s.app, { name: 'hotline', agency: 'ngo-b' });

    const all = await s.app.inject({ method: 'GET', url: '/api/datasets' });
    expect(all.json<{ results: { name: string }[] }>().results.map((d) => d.name)).toEqual([
      'cases',
      'hotline',
    ]);
    const ngo = await s.app.inject({ method: 'GET', url: '/api/datasets?agency=ngo-b' });
    const hotline = ngo.json<{ results: { name: string; label: string; defaults: unknown }[] }>().results;
    expect(hotline).toEqual([
      expect.objectContaining({
        name: 'hotline',
        label: 'hotline',
        defaults: {
          source: '',
          collected: null,
          grading: 'X4',
          handling: 'H0',
          conditions: null,
          tlp: 'AMBER',
        },
      }),
    ]);
  });

  it('names the marking field that is wrong', async () => {
    const tlp = await createDataset(s.app, {
      name: 'bad-tlp',
      agency: 'police-a',
      defaults: { tlp: 'purple' },
    });
    expect(tlp.statusCode).toBe(400);
    expect(errorOf(tlp)).toMatchObject({ code: 'Invalid', where: { field: 'body.defaults.tlp' } });
    expect(errorOf(tlp).message).toMatch(/^body\.defaults\.tlp: unknown TLP/);

    const extra = await createDataset(s.app, {
      name: 'bad-field',
      agency: 'police-a',
      defaults: { colour: 'red' },
    });
    expect(errorOf(extra).message).toBe('body.defaults: unknown field "colour"');

    const h3 = await createDataset(s.app, {
      name: 'bad-h3',
      agency: 'police-a',
      defaults: { handling: 'H3' },
    });
    expect(errorOf(h3)).toMatchObject({ code: 'Invalid', where: { field: 'handlingConditions' } });
  });

  it('refuses a dataset of an unknown agency (404) or with a taken name (409)', async () => {
    const agency = await createDataset(s.app, { name: 'orphan', agency: 'nobody' });
    expect(agency.statusCode).toBe(404);
    expect(errorOf(agency)).toEqual({
      code: 'NotFound',
      message: 'no agency "nobody"',
      where: { field: 'agency' },
    });
    await createDataset(s.app, { name: 'taken', agency: 'police-a' });
    expect((await createDataset(s.app, { name: 'taken', agency: 'police-a' })).statusCode).toBe(409);
  });

  it('gets a dataset with its counts by schema, and the hub-wide counts', async () => {
    await createDataset(s.app, { name: 'counted', agency: 'police-a' });
    const lines = ftmBody([
      { id: 'p1', schema: 'Person', properties: { name: ['Ana'] } },
      { id: 'p2', schema: 'Person', properties: { name: ['Ion'] } },
      { id: 'c1', schema: 'Company', properties: { name: ['Trans SRL'] } },
    ]);
    expect((await importFtm(s.app, 'counted', lines)).statusCode).toBe(200);

    const one = await s.app.inject({ method: 'GET', url: '/api/datasets/counted' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      name: 'counted',
      stats: { total: 3, bySchema: { Person: 2, Company: 1 } },
    });

    const empty = await s.app.inject({ method: 'GET', url: '/api/datasets/hotline' });
    expect(empty.json()).toMatchObject({ stats: { total: 0, bySchema: {} } });

    const stats = await s.app.inject({ method: 'GET', url: '/api/stats' });
    const body = stats.json<{ total: number; results: { dataset: string; total: number }[] }>();
    expect(body.total).toBe(3);
    expect(body.results).toContainEqual({
      dataset: 'counted',
      total: 3,
      bySchema: { Company: 1, Person: 2 },
    });
    expect(body.results).toContainEqual({ dataset: 'hotline', total: 0, bySchema: {} });
  });

  it('answers an unknown dataset with the 404 envelope', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/datasets/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NotFound', message: 'no dataset "nope"', where: { field: 'dataset' } },
    });
  });
});
