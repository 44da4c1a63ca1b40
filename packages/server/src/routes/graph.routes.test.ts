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

interface Subgraph {
  nodes: { id: string; type: string; caption: string; reason: string }[];
  edges: { source: string; target: string; type: string; via: string; dataset: string; amount?: number }[];
}

describe('graph routes', () => {
  let s: TestServer;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app);
    await createDataset(s.app);
    const body = ftmBody([
      { id: 'p1', schema: 'Person', properties: { name: ['Ann'], phone: ['+44 7911 123456'] } },
      { id: 'p2', schema: 'Person', properties: { name: ['Bob'], phone: ['07911 123456'] } },
      { id: 'p3', schema: 'Person', properties: { name: ['Cat'] } },
      { id: 'f1', schema: 'Family', properties: { person: ['p2'], relative: ['p3'] } },
      {
        id: 'm1',
        schema: 'Payment',
        properties: { payer: ['p1'], beneficiary: ['p3'], amount: ['900'], date: ['2024-05-01'] },
      },
    ]);
    expect((await importFtm(s.app, 'ds', body)).statusCode).toBe(200);
    const res = await s.app.inject({ method: 'GET', url: '/api/entities?schema=Person' });
    for (const e of res.json<{ results: { id: string; caption: string }[] }>().results)
      ids.set(e.caption, e.id);
  });
  afterAll(() => s.close());

  const get = async <T>(url: string): Promise<T> => {
    const res = await s.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const ann = (): string => encodeURIComponent(ids.get('Ann') ?? '');

  it('draws a neighbourhood, with the shared phone as a node and filters as lists', async () => {
    const hood = await get<Subgraph>(`/api/graph/neighbourhood?id=${ann()}&hops=2`);
    expect(hood.nodes.map((n) => n.caption)).toEqual(
      expect.arrayContaining(['Ann', '+447911123456', 'Bob', 'Cat']),
    );
    expect(hood.nodes[0]?.reason).toBe('start');
    const phones = await get<Subgraph>(`/api/graph/neighbourhood?id=${ann()}&hops=2&edgeTypes=has-phone`);
    expect(phones.nodes.map((n) => n.caption)).toEqual(['Ann', '+447911123456', 'Bob']);
  });

  it('finds paths, flows, communities, centrality and patterns', async () => {
    const cat = encodeURIComponent(ids.get('Cat') ?? '');
    const paths = await get<{ length: number; paths: string[][] }>(
      `/api/graph/paths?from=${ann()}&to=${cat}`,
    );
    expect(paths.length).toBe(1);
    const flows = await get<Subgraph & { total: number }>(`/api/graph/flows?id=${ann()}`);
    expect(flows.total).toBe(900);
    expect(flows.edges[0]).toMatchObject({ type: 'payment', amount: 900, dataset: 'ds' });
    const communities = await get<{ count: number; modularity: number }>('/api/graph/communities');
    expect(communities.count).toBeGreaterThan(0);
    const central = await get<{ ranking: { id: string }[] }>(
      '/api/graph/centrality?measure=betweenness&limit=2',
    );
    expect(central.ranking).toHaveLength(2);
    const patterns = await get<{ matches: unknown[] }>('/api/graph/patterns');
    expect(patterns.matches).toEqual([]);
  });

  it('filters by edge dates and by the agencies that stated the edges', async () => {
    const may = await get<Subgraph & { total: number }>(`/api/graph/flows?id=${ann()}&since=2024-05-01`);
    expect(may.total).toBe(900);
    const april = await get<Subgraph & { total: number }>(`/api/graph/flows?id=${ann()}&until=2024-04-30`);
    expect([april.total, april.edges]).toEqual([0, []]);
    const agency = await s.app.inject({ method: 'GET', url: '/api/datasets/ds' });
    const owner = agency.json<{ agency: string }>().agency;
    const own = await get<Subgraph>(`/api/graph/neighbourhood?id=${ann()}&hops=1&agencies=${owner}`);
    expect(own.nodes.map((n) => n.caption)).toEqual(expect.arrayContaining(['Ann', 'Cat']));
    const other = await get<Subgraph>(`/api/graph/neighbourhood?id=${ann()}&hops=1&agencies=nobody,else`);
    expect(other.nodes.map((n) => n.caption)).toEqual(['Ann']);
    const cat = encodeURIComponent(ids.get('Cat') ?? '');
    const early = await get<{ length: number }>(`/api/graph/paths?from=${ann()}&to=${cat}&until=2024-01-01`);
    expect(early.length).toBe(3); // not the May payment: Ann — phone — Bob — family — Cat
    const bad = await s.app.inject({
      method: 'GET',
      url: `/api/graph/paths?from=${ann()}&to=${cat}&since=May`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for an unknown entity and 400 for a bad query', async () => {
    const missing = await s.app.inject({ method: 'GET', url: '/api/graph/neighbourhood?id=nobody' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'NotFound', message: 'entity not found' });
    const bad = await s.app.inject({ method: 'GET', url: `/api/graph/neighbourhood?id=${ann()}&hops=9` });
    expect(bad.statusCode).toBe(400);
    const unknownType = await s.app.inject({
      method: 'GET',
      url: `/api/graph/neighbourhood?id=${ann()}&edgeTypes=hug`,
    });
    expect(unknownType.statusCode).toBe(400);
    expect(errorOf(unknownType).message).toMatch(/^unknown edge type "hug"/);
  });
});
