import { testDialects } from '@clew/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportEvents } from '../ingest/import-events.js';
import { buildTwoAgencyHub, personLine, type HubFixture } from '../testing/hub-fixture.js';
import { GR_PEOPLE, IT_PEOPLE } from '../testing/matching-people.js';
import { dedupeRun } from './dedupe-run.js';
import { importRuns } from './index-snapshot.js';
import { MatchingService } from './matching.service.js';

const dialects = await testDialects();

const IT = [
  ...IT_PEOPLE,
  personLine('p5', { name: ['Olga Petrova'], birthDate: ['1979-05-06'], phone: ['+39 333 111 2222'] }),
];
const GR = [
  ...GR_PEOPLE,
  personLine('g3', { name: ['Olga Petrov'], birthDate: ['1979-06-05'], phone: ['+39 333 111 2222'] }),
];
const GR2 = [personLine('g4', { name: ['Giulia Rosi'], birthDate: ['1970-01-01'] })];

describe.each(dialects)('dedupe pass over the hub on %s', (dialect) => {
  let f: HubFixture;
  const load = (dataset: string, lines: readonly string[]): Promise<void> => f.load(dataset, lines);
  const stored = async (dataset: string) =>
    (await f.hub.matching.candidates(f.actor, { dataset, limit: 100, offset: 0 })).results
      .map((c) => `${c.a.id}/${c.a.dataset} ${c.b.id}/${c.b.dataset} ${c.score.toFixed(6)}`)
      .sort();
  const info = async (d: string) => {
    const ds = await f.hub.store.datasets.list();
    return { agency: ds.find((x) => x.id === d)?.agency_id ?? '', region: undefined };
  };

  beforeEach(async () => {
    f = await buildTwoAgencyHub(dialect);
  });
  afterEach(async () => {
    await f.close();
  });

  it('finds the pairs that matching on arrival stored, with the same scores and explanations', async () => {
    await load('it-cases', IT);
    await load('gr-ngo', GR);
    const onArrival = await stored('gr-ngo');
    expect(onArrival.length).toBeGreaterThanOrEqual(3);
    const datasets = ['it-cases', 'gr-ngo'];
    const pass = await dedupeRun(f.hub.store, info, { dataset: 'gr-ngo' }, datasets, {
      cap: 1000,
      candidates: 16,
    });
    expect(pass.records).toBe(GR.length);
    expect(new Set(pass.rows.map((r) => r.entity_a < r.entity_b)).size).toBe(1);
    const keyed = pass.rows.map((r) => `${r.entity_a}/${r.dataset_a} ${r.entity_b}/${r.dataset_b}`);
    expect(new Set(keyed).size).toBe(keyed.length);
    expect(pass.rows.every((r) => r.dataset_a === 'gr-ngo' || r.dataset_b === 'gr-ngo')).toBe(true);
    // xref stores exactly these rows, replacing the unjudged candidates of the dataset.
    const x = await f.hub.matching.xref(f.actor, 'gr-ngo');
    expect(x.records).toBe(GR.length);
    expect(await stored('gr-ngo')).toEqual(onArrival);
    expect(onArrival.map((k) => k.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      pass.rows.map((r) => `${r.entity_a}/${r.dataset_a} ${r.entity_b}/${r.dataset_b}`).sort(),
    );
  });

  it('matches one import run against the rest of the hub, its own dataset included', async () => {
    await load('it-cases', IT);
    await load('gr-ngo', GR);
    await load('gr-ngo', GR2);
    const runs = (await importRuns(f.hub.store)).filter((r) => r.dataset === 'gr-ngo');
    const last = runs[runs.length - 1];
    if (!last) throw new Error('no run');
    const datasets = ['it-cases', 'gr-ngo'];
    const focus = { dataset: 'gr-ngo', importRun: last.id };
    const pass = await dedupeRun(f.hub.store, info, focus, datasets, { cap: 1000, candidates: 16 });
    expect(pass.entities).toHaveLength(1);
    const [g4] = pass.entities;
    expect(pass.rows.length).toBeGreaterThan(0);
    expect(pass.rows.every((r) => r.entity_a === g4 || r.entity_b === g4)).toBe(true);
  });
});

describe.each(dialects)('matching a large run on arrival in one pass on %s', (dialect) => {
  let f: HubFixture;
  beforeEach(async () => {
    f = await buildTwoAgencyHub(dialect);
  });
  afterEach(async () => {
    await f.close();
  });

  it('stores the rows that matching each record against the index stores', async () => {
    await f.load('it-cases', IT);
    await f.load('gr-ngo', GR);
    const all = async () =>
      (await f.hub.matching.candidates(f.actor, { limit: 100, offset: 0 })).results
        .map((c) => `${c.a.id}/${c.a.dataset} ${c.b.id}/${c.b.dataset} ${c.score.toFixed(6)} ${c.status}`)
        .sort();
    const perRecord = await all();
    expect(perRecord.length).toBeGreaterThanOrEqual(3);
    for (const d of ['it-cases', 'gr-ngo']) await f.hub.store.matches.clearNewCandidates(d);
    expect(await all()).toEqual([]);
    // A second service on the same hub, told of the same runs, with every run large enough for one pass.
    const events = new ImportEvents();
    const bulk = new MatchingService(f.hub.store, f.hub.access, events, f.hub.audit, undefined, 1);
    for (const run of await importRuns(f.hub.store))
      await events.finished({ actor: f.actor, dataset: run.dataset, importId: run.id });
    expect(await all()).toEqual(perRecord);
    // The pass never built the index (matching per record would have).
    expect(bulk.status(f.actor).ready).toBe(false);
  });
});
