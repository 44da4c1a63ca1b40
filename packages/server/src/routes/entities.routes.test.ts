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

interface Page {
  total: number;
  limit: number;
  offset: number;
  results: { id: string; schema: string; caption: string; records: { originalId: string }[] }[];
}

describe('entities routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app);
    await createDataset(s.app, { defaults: { source: 'report 7', grading: 'B2', tlp: 'AMBER' } });
    const people = Array.from({ length: 7 }, (_, i) => ({
      id: `p${i}`,
      schema: 'Person',
      properties: { name: [`Person ${i}`] },
    }));
    const lines = ftmBody([
      ...people,
      {
        id: 'v1',
        schema: 'Vessel',
        properties: { name: ['Sea Star'], flag: ['mt'] },
        clew: {
          properties: { flag: { grading: 'C3', handling: 'H3', conditions: 'not for court', tlp: 'RED' } },
        },
      },
    ]);
    expect((await importFtm(s.app, 'ds', lines)).statusCode).toBe(200);
  });
  afterAll(() => s.close());

  const page = async (query: string): Promise<Page> => {
    const res = await s.app.inject({ method: 'GET', url: `/api/entities${query}` });
    expect(res.statusCode).toBe(200);
    return res.json<Page>();
  };

  it('lists entities in pages, with total, limit and offset', async () => {
    const first = await page('');
    expect(first).toMatchObject({ total: 8, limit: 50, offset: 0 });
    expect(first.results).toHaveLength(8);

    const second = await page('?limit=3&offset=3');
    expect(second).toMatchObject({ total: 8, limit: 3, offset: 3 });
    expect(second.results.map((e) => e.records[0]?.originalId)).toEqual(['p3', 'p4', 'p5']);

    const vessels = await page('?schema=Vessel&dataset=ds');
    expect(vessels.total).toBe(1);
    expect(vessels.results[0]).toMatchObject({ schema: 'Vessel', caption: 'Sea Star' });
  });

  it('names the query field that is out of range', async () => {
    const big = await s.app.inject({ method: 'GET', url: '/api/entities?limit=5000' });
    expect(big.statusCode).toBe(400);
    expect(errorOf(big)).toEqual({
      code: 'Invalid',
      message: 'query.limit: expected a number ≤ 1000',
      where: { field: 'query.limit' },
    });
    expect(errorOf(await s.app.inject({ method: 'GET', url: '/api/entities?limit=0' })).message).toBe(
      'query.limit: expected a number ≥ 1',
    );
    expect(errorOf(await s.app.inject({ method: 'GET', url: '/api/entities?offset=ten' })).message).toBe(
      'query.offset: expected a number',
    );
  });

  it('answers a list of an unknown dataset with 404', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/entities?dataset=nope' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NotFound');
  });

  it('gets one entity by the id the hub gave it', async () => {
    const [vessel] = (await page('?schema=Vessel')).results;
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/entities/${encodeURIComponent(vessel?.id ?? '')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: vessel?.id,
      schema: 'Vessel',
      caption: 'Sea Star',
      datasets: ['ds'],
      properties: { name: ['Sea Star'], flag: ['mt'] },
      records: [{ dataset: 'ds', originalId: 'v1' }],
    });
  });

  it('lists an entity’s statements, each with its provenance', async () => {
    const [vessel] = (await page('?schema=Vessel')).results;
    const res = await s.app.inject({ method: 'GET', url: `/api/entities/${vessel?.id ?? ''}/statements` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      entityId: string;
      results: { prop: string; value: string; provenance: unknown }[];
    }>();
    expect(body.entityId).toBe(vessel?.id);
    const byProp = Object.fromEntries(body.results.map((r) => [r.prop, r]));
    expect(byProp.name).toMatchObject({
      value: 'Sea Star',
      provenance: {
        dataset: 'ds',
        agency: 'agency-a',
        source: 'report 7',
        collected: null,
        grading: 'B2',
        handling: 'H0',
        conditions: null,
        tlp: 'AMBER',
      },
    });
    expect(byProp.flag).toMatchObject({
      value: 'mt',
      provenance: { grading: 'C3', handling: 'H3', conditions: 'not for court', tlp: 'RED' },
    });
    expect(Object.keys(body.results[0] ?? {}).sort()).toEqual([
      'id',
      'prop',
      'propType',
      'provenance',
      'schema',
      'value',
    ]);
  });

  it('answers an entity that does not exist with 404, for the entity and its statements', async () => {
    for (const url of ['/api/entities/ghost.0000', '/api/entities/ghost.0000/statements']) {
      const res = await s.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res)).toEqual({ code: 'NotFound', message: 'entity not found', where: { field: 'id' } });
    }
  });
});
