import { describe, expect, it } from 'vitest';
import { seedDataset, testDialects } from '../testing/dialects.js';
import { freshStores } from '../testing/fresh-stores.js';
import { SYSTEM_AGENCY, withAgency } from './agency-scope.js';
import type { CandidateWrite } from './matches.repo.js';

const dialects = await testDialects();

const candidate = (
  a: string,
  b: string,
  score: number,
  over: Partial<CandidateWrite> = {},
): CandidateWrite => ({
  entity_a: a,
  dataset_a: 'ds1',
  agency_a: 'ag1',
  open_a: 1,
  entity_b: b,
  dataset_b: 'ds2',
  agency_b: 'ag2',
  open_b: 1,
  score,
  explanation: '[]',
  model_version: 'v1',
  updated_at: '2026-01-01T00:00:00Z',
  ...over,
});

const whole = (...datasets: string[]) => ({ whole: datasets, partial: [] });

const judgement = (a: string, b: string, verdict: string, at: string) => ({
  id: `j-${a}-${b}-${at}`,
  entity_a: a,
  entity_b: b,
  verdict,
  actor: 'operator:test',
  agency_id: null,
  reason: 'checked the passport',
  created_at: at,
});

describe.each(dialects)('matches repo on %s', (dialect) => {
  const stores = freshStores(dialect);
  it('stores candidates, lists them by score within the readable datasets, and updates in place', async () => {
    const s = await stores.open();
    await s.matches.upsertCandidates(
      [candidate('a', 'b', 0.7), candidate('a', 'c', 0.9), candidate('c', 'd', 0.8, { dataset_b: 'ds3' })],
      '2026-01-01T00:00:00Z',
    );
    const all = await s.matches.listCandidates({ scope: whole('ds1', 'ds2', 'ds3'), limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.score)).toEqual([0.9, 0.8, 0.7]);
    expect(all.rows.every((r) => r.status === 'new')).toBe(true);
    // A candidate whose other record is in an unreadable dataset does not exist for the reader.
    const some = await s.matches.listCandidates({ scope: whole('ds1', 'ds2'), limit: 10, offset: 0 });
    expect(some.rows.map((r) => `${r.entity_a}-${r.entity_b}`)).toEqual(['a-c', 'a-b']);
    // Shared with the reader (partial): only candidates whose record there may all leave its agency.
    await s.matches.upsertCandidates([candidate('e', 'f', 0.6, { open_b: 0 })], 't0');
    const shared = await s.matches.listCandidates({
      scope: { whole: ['ds1'], partial: ['ds2'] },
      limit: 10,
      offset: 0,
    });
    expect(shared.rows.map((r) => `${r.entity_a}-${r.entity_b}`)).toEqual(['a-c', 'a-b']);
    expect((await s.matches.listCandidates({ scope: whole('ds1', 'ds2'), limit: 10, offset: 0 })).total).toBe(
      3,
    );
    await s.matches.clearNewCandidates('ds2', ['f']);
    const paged = await s.matches.listCandidates({ scope: whole('ds1', 'ds2'), limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 2, rows: [{ entity_b: 'b' }] });
    const byDataset = await s.matches.listCandidates({
      scope: whole('ds1', 'ds2', 'ds3'),
      dataset: 'ds3',
      limit: 10,
      offset: 0,
    });
    expect(byDataset.rows.map((r) => r.entity_b)).toEqual(['d']);
    await s.matches.upsertCandidates([candidate('a', 'b', 0.95, { updated_at: 'later' })], 'later');
    const again = await s.matches.listCandidates({ scope: whole('ds1', 'ds2'), limit: 10, offset: 0 });
    expect(again.rows[0]).toMatchObject({ entity_b: 'b', score: 0.95, created_at: '2026-01-01T00:00:00Z' });
  });

  it('records judgements with who, when and why; judged candidates keep their verdict when re-scored', async () => {
    const s = await stores.open();
    await s.matches.upsertCandidates([candidate('a', 'b', 0.7)], 't0');
    await s.matches.judge(judgement('a', 'b', 'unsure', 't1'));
    await s.matches.judge(judgement('a', 'b', 'same', 't2'));
    expect((await s.matches.judgementsOf('b', 'a')).map((j) => [j.verdict, j.reason, j.actor])).toEqual([
      ['unsure', 'checked the passport', 'operator:test'],
      ['same', 'checked the passport', 'operator:test'],
    ]);
    await s.matches.upsertCandidates([candidate('a', 'b', 0.6)], 't3');
    await s.matches.clearNewCandidates('ds1');
    const [row] = await s.matches.candidatesOfPair('b', 'a', whole('ds1', 'ds2'));
    expect(row).toMatchObject({ status: 'same', score: 0.6 });
    // A pair judged before it was ever proposed comes in with its verdict, never as new.
    await s.matches.judge(judgement('x', 'y', 'not-same', 't4'));
    await s.matches.upsertCandidates([candidate('x', 'y', 0.99)], 't5');
    const listed = await s.matches.listCandidates({
      scope: whole('ds1', 'ds2'),
      status: 'new',
      limit: 10,
      offset: 0,
    });
    expect(listed.total).toBe(0);
    expect((await s.matches.sameVerdictsOf(['b'])).map((v) => v.entity_a)).toEqual(['a']);
  });

  it('clears only the unjudged candidates of the records matched again', async () => {
    const s = await stores.open();
    await s.matches.upsertCandidates(
      [candidate('a', 'b', 0.7), candidate('a', 'c', 0.7), candidate('p', 'q', 0.7, { dataset_a: 'ds9' })],
      't0',
    );
    await s.matches.judge(judgement('a', 'c', 'same', 't1'));
    await s.matches.clearNewCandidates('ds1', ['a']);
    const rows = await s.matches.listCandidates({ scope: whole('ds1', 'ds2', 'ds9'), limit: 10, offset: 0 });
    expect(rows.rows.map((r) => `${r.entity_a}-${r.entity_b}`).sort()).toEqual(['a-c', 'p-q']);
  });

  it('reads records with the values that may leave their agency', async () => {
    const s = await stores.open();
    await seedDataset(s, 'ds', 'ag');
    const marking = (tlp: string) => ['', null, 'X', '4', 'H0', null, tlp];
    const row = (id: string, seq: number, m: unknown[][], st: unknown[][], schema = 'Person') => ({
      dataset_id: 'ds',
      entity_id: id,
      agency_id: 'ag',
      original_id: id,
      schema,
      caption: id,
      seq,
      import_run: 'run1',
      shareable: 1,
      statements: JSON.stringify({ m, s: st }),
    });
    // Written as the hub (row-level security on PostgreSQL); read back below through the repo's own scope.
    await withAgency(s.db, SYSTEM_AGENCY, (db) =>
      db
        .insertInto('fragments')
        .values([
          row('p1', 0, [marking('AMBER')], [['name', 'Ana Pop', 0]]),
          row(
            'p2',
            1,
            [marking('GREEN'), marking('RED')],
            [
              ['name', 'Ion Pop', 0],
              ['passportNumber', 'X1', 1],
            ],
          ),
          row('v1', 2, [marking('GREEN')], [['name', 'Boat', 0]], 'Vessel'),
        ])
        .execute(),
    );
    const pages = [];
    for await (const page of s.matches.sources('ds', ['Person'], 'run1', 1)) pages.push(page);
    expect(pages.map((p) => p.map((x) => x.entityId))).toEqual([['p1'], ['p2']]);
    const [p1, p2] = pages.flat();
    expect(p1).toMatchObject({ properties: { name: ['Ana Pop'] }, shared: null, agency: 'ag' });
    expect(p2).toMatchObject({
      properties: { name: ['Ion Pop'], passportNumber: ['X1'] },
      shared: { name: ['Ion Pop'] },
    });
    expect(await s.matches.sourcesOf(['p2'], ['other'])).toEqual([]);
  });

  it('keeps resolved identities and replaces them', async () => {
    const s = await stores.open();
    await s.matches.setClusters(
      ['a', 'b', 'c'],
      new Map([
        ['a', 'k1'],
        ['b', 'k1'],
        ['c', 'k1'],
      ]),
    );
    expect(await s.matches.clusterMembers('k1')).toEqual(['a', 'b', 'c']);
    await s.matches.setClusters(
      ['a', 'b', 'c'],
      new Map([
        ['b', 'k2'],
        ['c', 'k2'],
      ]),
    );
    expect(await s.matches.clusterOf('a')).toBeUndefined();
    expect(await s.matches.clusterMembers('k2')).toEqual(['b', 'c']);
  });
});
