import type { Actor } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTwoAgencyHub, type HubFixture } from '../testing/hub-fixture.js';
import { GR_PEOPLE, IT_PEOPLE } from '../testing/matching-people.js';

const dialects = await testDialects();

const IT = IT_PEOPLE;
const GR = GR_PEOPLE;

const itUser: Actor = { kind: 'user', userId: 'u-it', agencyId: 'police-it', roles: ['analyst'] };

describe.each(dialects)('matching service on %s', (dialect) => {
  let f: HubFixture;
  const load = (dataset: string, lines: readonly string[]): Promise<void> => f.load(dataset, lines);
  const idOf = async (dataset: string, original: string): Promise<string> => {
    const page = await f.hub.entities.list(f.actor, { dataset, limit: 100, offset: 0 });
    const e = page.results.find((r) => r.records.some((x) => x.originalId === original));
    if (!e) throw new Error(`no ${original} in ${dataset}`);
    return e.id;
  };
  beforeEach(async () => {
    f = await buildTwoAgencyHub(dialect);
  });
  afterEach(async () => {
    await f.close();
  });

  it('matches each import against the hub on arrival, across agencies and within a dataset', async () => {
    await load('it-cases', IT);
    const own = await f.hub.matching.candidates(f.actor, { limit: 50, offset: 0 });
    const [p1, p3] = [await idOf('it-cases', 'p1'), await idOf('it-cases', 'p3')];
    // Duplicates within one dataset are found; unrelated people are not.
    expect(own.results.map((c) => [c.a.id, c.b.id].sort())).toEqual([[p1, p3].sort()]);
    await load('gr-ngo', GR);
    const all = await f.hub.matching.candidates(f.actor, { limit: 50, offset: 0 });
    const g1 = await idOf('gr-ngo', 'g1');
    const g2 = await idOf('gr-ngo', 'g2');
    const p2 = await idOf('it-cases', 'p2');
    const pairs = all.results.map((c) => [c.a.id, c.b.id].sort().join(' '));
    expect(pairs).toEqual(
      expect.arrayContaining([
        [p1, g1].sort().join(' '),
        [p3, g1].sort().join(' '),
        [p2, g2].sort().join(' '),
      ]),
    );
    expect(all.results.map((c) => c.score)).toEqual(
      [...all.results.map((c) => c.score)].sort((a, b) => b - a),
    );
    const cross = all.results.find((c) => [c.a.id, c.b.id].includes(g1) && [c.a.id, c.b.id].includes(p1));
    expect(cross).toMatchObject({ status: 'new', match: true });
    expect(cross?.explanation.find((e) => e.feature === 'date')).toMatchObject({ level: 'exact' });
    expect(new Set([cross?.a.agency, cross?.b.agency])).toEqual(new Set(['police-it', 'ngo-gr']));
    const byDataset = await f.hub.matching.candidates(f.actor, { dataset: 'gr-ngo', limit: 50, offset: 0 });
    expect(byDataset.total).toBe(3);
  });

  it('never shows another agency’s records it does not share, and only what may leave when it does', async () => {
    await load('it-cases', IT);
    await load('gr-ngo', GR);
    const g1 = await idOf('gr-ngo', 'g1');
    const p1 = await idOf('it-cases', 'p1');
    const query = {
      q: { schema: 'Person', properties: { name: ['Mohamed Ali'], birthDate: ['1985-03-02'] } },
    };
    const passport = { q: { schema: 'Person', properties: { passportNumber: ['ER1234567'] } } };
    // Not shared: the NGO's people do not exist for the Italian police.
    const before = await f.hub.matching.candidates(itUser, { limit: 50, offset: 0 });
    expect(before.results.every((c) => c.a.dataset === 'it-cases' && c.b.dataset === 'it-cases')).toBe(true);
    const screened = await f.hub.matching.screen(itUser, 'all', query, {
      limit: 10,
      purpose: 'case 2024/117',
    });
    expect(screened.responses.q?.results.map((r) => r.id)).not.toContain(g1);
    await expect(
      f.hub.matching.screen(itUser, 'gr-ngo', query, { limit: 10, purpose: 'case 2024/117' }),
    ).rejects.toMatchObject({
      code: 'NotFound',
    });
    await expect(f.hub.matching.judge(itUser, p1, g1, 'same', 'x')).rejects.toMatchObject({
      code: 'NotFound',
    });
    await expect(f.hub.matching.judge(f.actor, p1, g1, 'same', ' ')).rejects.toMatchObject({
      code: 'Invalid',
      where: { field: 'reason' },
    });
    await expect(f.hub.matching.compare(itUser, { id: g1 }, { id: p1 })).rejects.toMatchObject({
      code: 'NotFound',
    });
    // Shared: g1 (all AMBER) appears; g2's RED passport number never scores or shows.
    await f.hub.sharing.share(f.actor, { dataset: 'gr-ngo', granteeKind: 'agency', granteeId: 'police-it' });
    const after = await f.hub.matching.candidates(itUser, { limit: 50, offset: 0 });
    const g2 = await idOf('gr-ngo', 'g2');
    const seen = after.results.flatMap((c) => [c.a.id, c.b.id]);
    expect(seen).toContain(g1);
    expect(seen).not.toContain(g2);
    const shared = await f.hub.matching.screen(itUser, 'all', query, { limit: 10, purpose: 'case 2024/117' });
    expect(shared.responses.q?.results.map((r) => r.id)).toContain(g1);
    const byPassport = await f.hub.matching.screen(itUser, 'gr-ngo', passport, {
      limit: 10,
      purpose: 'case 2024/117',
    });
    expect(byPassport.responses.q?.results ?? []).toEqual([]);
    const operator = await f.hub.matching.screen(f.actor, 'gr-ngo', passport, { limit: 10 });
    expect(operator.responses.q?.results.map((r) => r.id)).toEqual([g2]);
    const asUser = await f.hub.matching.compare(itUser, { id: g2 }, passport.q);
    expect(asUser.explanation.find((e) => e.feature === 'document')?.left ?? null).toBeNull();
  });

  it('screens queries in yente’s shape, rejects bad ones by key, and explains each result', async () => {
    await load('it-cases', IT);
    const p1 = await idOf('it-cases', 'p1');
    const batch = await f.hub.matching.screen(
      f.actor,
      'it-cases',
      {
        a: { schema: 'Person', properties: { name: ['محمد علي'], birthDate: ['1985-03-02'] } },
        b: { schema: 'Person', properties: { name: ['Nobody Known'] } },
      },
      { limit: 1, threshold: 0.5 },
    );
    expect(batch.responses.a?.results[0]).toMatchObject({ id: p1, schema: 'Person', match: true });
    expect(batch.responses.a?.results).toHaveLength(1);
    expect(batch.responses.a?.total).toBe(1);
    expect(batch.responses.b?.results.every((r) => !r.match)).toBe(true);
    await expect(
      f.hub.matching.screen(f.actor, 'all', { k9: { schema: 'Persn', properties: {} } }, { limit: 5 }),
    ).rejects.toMatchObject({ code: 'Invalid', where: { entity: 'k9' } });
    await expect(
      f.hub.matching.screen(
        f.actor,
        'all',
        { k9: { schema: 'Person', properties: { colour: ['x'] } } },
        { limit: 5 },
      ),
    ).rejects.toMatchObject({ code: 'Invalid', where: { entity: 'k9', property: 'colour' } });
    await expect(f.hub.matching.screen(f.actor, 'nope', {}, { limit: 5 })).rejects.toMatchObject({
      code: 'NotFound',
    });
  });

  it('keeps judged pairs out of what is new, forms identities from "same" and splits them', async () => {
    await load('it-cases', IT);
    await load('gr-ngo', GR);
    const [p1, p3, g1] = [
      await idOf('it-cases', 'p1'),
      await idOf('it-cases', 'p3'),
      await idOf('gr-ngo', 'g1'),
    ];
    await f.hub.matching.judge(f.actor, p1, g1, 'same', 'same passport photo');
    await f.hub.matching.judge(f.actor, g1, p3, 'same', 'same phone');
    const identity = await f.hub.matching.identity(f.actor, p3);
    expect(identity.members.map((m) => m.id).sort()).toEqual([p1, p3, g1].sort());
    expect(identity.links.map((l) => l.reason).sort()).toEqual(['same passport photo', 'same phone']);
    // The Italian police do not see g1: their identity of p1 holds p1 alone (g1 joined p1 and p3).
    expect((await f.hub.matching.identity(itUser, p1)).members.map((m) => m.id)).toEqual([p1]);
    // Re-matching leaves judged pairs judged.
    const x = await f.hub.matching.xref(f.actor, 'gr-ngo');
    expect(x).toMatchObject({ dataset: 'gr-ngo', records: 2 });
    const fresh = await f.hub.matching.candidates(f.actor, { status: 'new', limit: 50, offset: 0 });
    const freshPairs = fresh.results.map((c) => [c.a.id, c.b.id].sort().join(' '));
    expect(freshPairs).not.toContain([p1, g1].sort().join(' '));
    const judged = await f.hub.matching.pair(f.actor, g1, p1);
    expect(judged.map((c) => c.status)).toEqual(['same']);
    await f.hub.matching.split(f.actor, g1, p3, 'different fathers');
    expect((await f.hub.matching.identity(f.actor, p1)).members.map((m) => m.id).sort()).toEqual(
      [p1, g1].sort(),
    );
    expect((await f.hub.matching.identity(f.actor, p3)).members.map((m) => m.id)).toEqual([p3]);
    const history = await f.hub.matching.judgements(f.actor, p3, g1);
    expect(history.map((j) => [j.verdict, j.reason])).toEqual([
      ['same', 'same phone'],
      ['not-same', 'different fathers'],
    ]);
    expect(history[0]?.actor).toBe('operator:local-operator');
  });

  it('re-matches a dataset on demand with progress, for those who may write it', async () => {
    await load('it-cases', IT);
    const seen: [number, number][] = [];
    const r = await f.hub.matching.xref(f.actor, 'it-cases', (done, total) => seen.push([done, total]));
    expect(r).toMatchObject({ records: 4, candidates: 1 });
    expect(seen.at(-1)).toEqual([4, 4]);
    await expect(f.hub.matching.xref(itUser, 'gr-ngo')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(f.hub.matching.xref(itUser, 'it-cases')).rejects.toMatchObject({ code: 'Forbidden' });
    expect(f.hub.matching.status(f.actor)).toMatchObject({ ready: true, records: 4 });
    expect(() => f.hub.matching.status(itUser)).toThrow(/hub:manage/);
  });

  it('records searches, judgements and refusals in the audit log, without the analyst’s reason', async () => {
    await load('it-cases', IT);
    const [p1, p3] = [await idOf('it-cases', 'p1'), await idOf('it-cases', 'p3')];
    const query = { q: { schema: 'Person', properties: { name: ['Mohamed Ali'] } } };
    await f.hub.matching.screen(f.actor, 'all', query, { limit: 5, purpose: 'case 2024/117' });
    await f.hub.matching.judge(f.actor, p1, p3, 'same', 'Maria Ionescu confirmed it');
    await expect(f.hub.matching.judge(itUser, p1, 'nope.1', 'same', 'x')).rejects.toMatchObject({
      code: 'NotFound',
    });
    const log = await f.hub.audit.list(f.actor, { limit: 100 });
    const search = log.results.find((e) => e.action === 'search');
    expect(search).toMatchObject({ purpose: 'case 2024/117', outcome: 'ok', details: { queries: 1 } });
    expect(search?.targets).toContain(p1);
    const judged = log.results.filter((e) => e.action === 'judgement');
    expect(judged.map((e) => e.outcome).sort()).toEqual(['not-found', 'ok']);
    expect(JSON.stringify(log.results)).not.toContain('Maria');
  });
});
