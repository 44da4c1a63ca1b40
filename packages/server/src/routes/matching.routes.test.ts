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

interface MatchResponse {
  responses: Record<
    string,
    {
      status: number;
      results: {
        id: string;
        caption: string;
        schema: string;
        properties: Record<string, string[]>;
        datasets: string[];
        score: number;
        match: boolean;
        features: Record<string, number>;
        explanation: { feature: string; level: string; weight: number }[];
      }[];
      total: { value: number; relation: string };
      query: { schema: string; properties: Record<string, string[]> };
    }
  >;
  matcher: Record<string, { description: string }>;
  limit: number;
}

interface CandidatePage {
  total: number;
  results: {
    a: { id: string; dataset: string };
    b: { id: string; dataset: string };
    status: string;
    score: number;
  }[];
}

describe('matching routes', () => {
  let s: TestServer;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app);
    await createDataset(s.app);
    await createAgency(s.app, { id: 'agency-b', name: 'Agency B', kind: 'ngo', country: 'gr' });
    await createDataset(s.app, { name: 'ds-b', agency: 'agency-b' });
    const a = ftmBody([
      { id: 'p1', schema: 'Person', properties: { name: ['Mohammed Ali'], birthDate: ['1985-03-02'] } },
      { id: 'p2', schema: 'Person', properties: { name: ['Giulia Rossi'], birthDate: ['1970-01-01'] } },
    ]);
    const b = ftmBody([
      { id: 'g1', schema: 'Person', properties: { name: ['Muhammad Ali'], birthDate: ['1985-03-02'] } },
    ]);
    expect((await importFtm(s.app, 'ds', a)).statusCode).toBe(200);
    expect((await importFtm(s.app, 'ds-b', b)).statusCode).toBe(200);
    const res = await s.app.inject({ method: 'GET', url: '/api/entities?schema=Person' });
    for (const e of res.json<{ results: { id: string; records: { originalId: string }[] }[] }>().results)
      ids.set(e.records[0]?.originalId ?? '', e.id);
  });
  afterAll(() => s.close());

  const id = (original: string): string => ids.get(original) ?? original;

  it('answers /match in yente’s shape, with an explanation per result', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/match/all?limit=2&threshold=0.5',
      payload: {
        queries: {
          q1: { schema: 'Person', properties: { name: 'Mohamed Ali', birthDate: ['1985-03-02'] } },
          q2: { schema: 'Person', properties: { name: ['Nobody'] } },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<MatchResponse>();
    expect(body.limit).toBe(2);
    expect(Object.keys(body.matcher)).toContain('name');
    const q1 = body.responses.q1;
    expect(q1?.status).toBe(200);
    expect(q1?.total.relation).toBe('eq');
    expect(q1?.query).toEqual({
      schema: 'Person',
      properties: { name: ['Mohamed Ali'], birthDate: ['1985-03-02'] },
    });
    expect(q1?.results.map((r) => r.id).sort()).toEqual([id('p1'), id('g1')].sort());
    const top = q1?.results[0];
    expect(top).toMatchObject({ schema: 'Person', match: true, referents: [], target: false });
    expect(top?.features.date).toBeGreaterThan(0);
    expect(top?.explanation.find((e) => e.feature === 'date')).toMatchObject({ level: 'exact' });
    expect(body.responses.q2?.results.every((r) => !r.match)).toBe(true);
    const one = await s.app.inject({
      method: 'POST',
      url: '/api/match/ds-b',
      payload: { queries: { q: { schema: 'Person', properties: { name: ['Mohamed Ali'] } } } },
    });
    expect(one.json<MatchResponse>().responses.q?.results.map((r) => r.datasets)).toEqual([['ds-b']]);
  });

  it('refuses more than 1,000 queries, naming the limit, and unknown datasets and schemata', async () => {
    const queries = Object.fromEntries(
      Array.from({ length: 1001 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: ['A B'] } }]),
    );
    const many = await s.app.inject({ method: 'POST', url: '/api/match/all', payload: { queries } });
    expect(many.statusCode).toBe(400);
    expect(errorOf(many).message).toContain('at most 1,000 queries per call');
    const nope = await s.app.inject({ method: 'POST', url: '/api/match/nope', payload: { queries: {} } });
    expect(nope.statusCode).toBe(404);
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/match/all',
      payload: { queries: { k: { schema: 'Persn', properties: {} } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).where).toMatchObject({ entity: 'k' });
  });

  it('compares two entities given whole or by id', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/compare',
      payload: {
        a: { id: id('p1') },
        b: { schema: 'Person', properties: { name: ['Muhammad Ali'], birthDate: ['1985-03-02'] } },
      },
    });
    expect(res.statusCode).toBe(200);
    const c = res.json<{
      score: number;
      match: boolean;
      explanation: { feature: string }[];
      modelVersion: string;
    }>();
    expect(c.match).toBe(true);
    expect(c.modelVersion).toMatch(/^fs-/);
    expect(c.explanation.map((e) => e.feature)).toContain('name');
    const vessel = await s.app.inject({
      method: 'POST',
      url: '/api/compare',
      payload: { a: { id: id('p1') }, b: { schema: 'Vessel', properties: { name: ['Mohammed Ali'] } } },
    });
    expect(vessel.json()).toMatchObject({ score: 0, logOdds: null, match: false, explanation: [] });
    const missing = await s.app.inject({
      method: 'POST',
      url: '/api/compare',
      payload: { a: { id: 'nope.1' }, b: { id: id('p1') } },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lists candidates found on arrival, takes judgements and serves identities', async () => {
    const list = await s.app.inject({ method: 'GET', url: '/api/matches?status=new' });
    expect(list.statusCode).toBe(200);
    const page = list.json<CandidatePage>();
    expect(page.results.map((c) => [c.a.id, c.b.id].sort())).toEqual([[id('p1'), id('g1')].sort()]);
    const judged = await s.app.inject({
      method: 'POST',
      url: '/api/matches/judgements',
      payload: { a: id('g1'), b: id('p1'), verdict: 'same', reason: 'same passport photo' },
    });
    expect(judged.statusCode).toBe(201);
    expect(judged.json()).toMatchObject({
      verdict: 'same',
      reason: 'same passport photo',
    });
    expect(judged.json<{ actor: string }>().actor).toBe('operator:local-operator');
    const after = await s.app.inject({ method: 'GET', url: '/api/matches?status=new' });
    expect(after.json<CandidatePage>().total).toBe(0);
    const identity = await s.app.inject({ method: 'GET', url: `/api/identities/${id('p1')}` });
    expect(
      identity
        .json<{ members: { id: string }[] }>()
        .members.map((m) => m.id)
        .sort(),
    ).toEqual([id('p1'), id('g1')].sort());
    const pair = await s.app.inject({ method: 'GET', url: `/api/matches/pair?a=${id('p1')}&b=${id('g1')}` });
    expect(pair.json()).toMatchObject({
      candidates: [{ status: 'same' }],
      judgements: [{ verdict: 'same' }],
    });
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/matches/judgements',
      payload: { a: id('g1'), b: id('p1'), verdict: 'maybe', reason: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const noReason = await s.app.inject({
      method: 'POST',
      url: '/api/matches/judgements',
      payload: { a: id('g1'), b: id('p1'), verdict: 'unsure', reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).where).toMatchObject({ field: 'body.reason' });
    const hidden = await s.app.inject({ method: 'GET', url: '/api/identities/nope.1' });
    expect(hidden.statusCode).toBe(404);
  });

  it('re-matches a dataset on demand and reports the index', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/datasets/ds/xref' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dataset: 'ds', records: 2, candidates: 1 });
    const status = await s.app.inject({ method: 'GET', url: '/api/matching/index' });
    // Opened without screening threads (openHub's default; `clew serve` sets them).
    expect(status.json()).toMatchObject({
      ready: true,
      records: 3,
      replicas: { threads: 0, ready: false, failure: null },
    });
    const doc = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths)).toEqual(
      expect.arrayContaining([
        '/api/match/{dataset}',
        '/api/compare',
        '/api/matches',
        '/api/identities/{id}',
      ]),
    );
  });
});
