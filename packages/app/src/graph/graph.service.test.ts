import type { Actor } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, linesOf, type HubFixture } from '../testing/hub-fixture.js';

const dialects = await testDialects();

const line = (id: string, schema: string, properties: Record<string, string[]>): string =>
  JSON.stringify({ id, schema, properties });

const IT_FILE = [
  line('p1', 'Person', { name: ['Ann Amato'], phone: ['333 1234567'] }),
  line('p2', 'Person', { name: ['Bea Bruno'], phone: ['+39 333 1234567'] }),
  line('p3', 'Person', { name: ['Cid Conti'] }),
  line('a1', 'Associate', { person: ['p1'], associate: ['p3'], relationship: ['cousin'] }),
  line('pp1', 'Passport', { holder: ['p1'], number: ['YA1234567'] }),
  line('pay1', 'Payment', { payer: ['p1'], beneficiary: ['p2'], amount: ['100'], date: ['2024-01-10'] }),
  line('pay2', 'Payment', { payer: ['p2'], beneficiary: ['p3'], amount: ['80'], date: ['2024-01-05'] }),
  line('pay3', 'Payment', { payer: ['p2'], beneficiary: ['p3'], amount: ['50'], date: ['2024-02-01'] }),
];

const DE_FILE = [line('p9', 'Person', { name: ['Dora Dietrich'], phone: ['+393331234567'] })];

const itUser: Actor = { kind: 'user', userId: 'u1', agencyId: 'police-it', roles: ['analyst'] };
const otherUser: Actor = { kind: 'user', userId: 'u', agencyId: 'other', roles: ['analyst'] };

describe.each(dialects)('graph service on %s', (dialect) => {
  let f: HubFixture;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    f = await buildHub(dialect);
    await f.hub.agencies.create(f.actor, { id: 'police-de', name: 'BKA', kind: 'police', country: 'de' });
    await f.hub.datasets.create(f.actor, {
      name: 'de-cases',
      agency: 'police-de',
      defaults: { sourceReliability: 'B', infoAssessment: '2', tlp: 'AMBER' },
    });
    await f.hub.ftm.importFtm(f.actor, { dataset: 'it-cases', fileName: 'it.jsonl', open: linesOf(IT_FILE) });
    await f.hub.ftm.importFtm(f.actor, { dataset: 'de-cases', fileName: 'de.jsonl', open: linesOf(DE_FILE) });
    const g = await f.hub.graph.graphFor(f.actor);
    for (const key of g.key) ids.set(key.split('.')[0] ?? key, key);
    for (const key of ['a1', 'pay1', 'pay2', 'pay3']) {
      const via = g.via.find((v) => v.startsWith(`${key}.`));
      if (via) ids.set(key, via);
    }
  });
  afterAll(async () => {
    await f.close();
  });

  const id = (key: string): string => ids.get(key) ?? `missing ${key}`;

  it('links two people with the same phone, written two ways, through the phone node', async () => {
    const hood = await f.hub.graph.neighbourhood(f.actor, { id: id('p1'), hops: 2, maxNodes: 100 });
    const phone = hood.nodes.find((n) => n.id === 'phone:+393331234567');
    expect(phone).toMatchObject({ type: 'phone', reason: 'hop 1: has-phone with Ann Amato' });
    expect(hood.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([id('p2'), id('p9')]));
    expect(hood.edges).toContainEqual(
      expect.objectContaining({ source: id('p2'), target: 'phone:+393331234567', type: 'has-phone' }),
    );
  });

  it('turns relationship entities and entity properties into edges with provenance', async () => {
    const hood = await f.hub.graph.neighbourhood(f.actor, { id: id('p1'), hops: 1, maxNodes: 100 });
    expect(hood.nodes[0]).toMatchObject({ id: id('p1'), reason: 'start', type: 'person' });
    expect(hood.edges).toContainEqual({
      source: id('p1'),
      target: id('p3'),
      type: 'associate',
      directed: false,
      via: id('a1'),
      dataset: 'it-cases',
    });
    expect(hood.edges).toContainEqual(
      expect.objectContaining({ source: id('pp1'), target: id('p1'), type: 'has-document', via: id('pp1') }),
    );
    const onlyPeople = await f.hub.graph.neighbourhood(f.actor, {
      id: id('p1'),
      hops: 1,
      maxNodes: 100,
      edgeTypes: ['associate'],
    });
    expect(onlyPeople.nodes.map((n) => n.id)).toEqual([id('p1'), id('p3')]);
  });

  it('follows money in time order: a payment before the money arrived is not part of the flow', async () => {
    const flow = await f.hub.graph.flows(f.actor, { id: id('p1'), direction: 'forward', maxDepth: 3 });
    expect(flow.total).toBe(100);
    expect(flow.edges.map((e) => [e.via, e.amount, e.date])).toEqual(
      expect.arrayContaining([
        [id('pay1'), 100, '2024-01-10'],
        [id('pay3'), 50, '2024-02-01'],
      ]),
    );
    expect(flow.edges.map((e) => e.via)).not.toContain(id('pay2'));
    expect(flow.nodes.find((n) => n.id === id('p3'))?.reason).toBe('received 50 within 2 payments');
  });

  it('finds shortest paths and ranks by centrality', async () => {
    const paths = await f.hub.graph.paths(f.actor, {
      from: id('p3'),
      to: id('p9'),
      maxLength: 4,
      maxPaths: 5,
    });
    expect(paths.length).toBe(3); // p3 ← payment ← p2 — phone — p9
    expect(paths.paths[0]?.[0]).toBe(id('p3'));
    const central = await f.hub.graph.centrality(f.actor, { measure: 'degree', limit: 3 });
    expect(central.ranking).toHaveLength(3);
    expect(central.ranking[0]?.id).toBe(id('p1'));
    const communities = await f.hub.graph.communities(f.actor, { limit: 10 });
    expect(communities.communities.reduce((s, c) => s + c.size, 0)).toBe(6);
    expect((await f.hub.graph.patterns(f.actor)).matches).toEqual([]);
  });

  it('leaves out what the actor may not read, and answers NotFound for hidden and missing ids alike', async () => {
    const hood = await f.hub.graph.neighbourhood(itUser, { id: id('p2'), hops: 2, maxNodes: 100 });
    expect(hood.nodes.map((n) => n.id)).not.toContain(id('p9'));
    expect(hood.nodes.map((n) => n.id)).toContain(id('p1'));
    const notFound = { code: 'NotFound', message: 'entity not found' };
    await expect(
      f.hub.graph.neighbourhood(itUser, { id: id('p9'), hops: 1, maxNodes: 10 }),
    ).rejects.toMatchObject(notFound);
    await expect(
      f.hub.graph.flows(otherUser, { id: id('p1'), direction: 'forward', maxDepth: 2 }),
    ).rejects.toMatchObject(notFound);
    await expect(
      f.hub.graph.paths(f.actor, { from: id('p1'), to: 'nobody', maxLength: 3, maxPaths: 1 }),
    ).rejects.toMatchObject(notFound);
  });

  it('filters neighbourhood, paths and flows by edge dates and by the agencies that stated the edges', async () => {
    const january = await f.hub.graph.flows(f.actor, {
      id: id('p1'),
      direction: 'forward',
      maxDepth: 3,
      until: '2024-01-31',
    });
    expect(january.edges.map((e) => e.via)).toEqual([id('pay1')]);
    // Payments are the only dated edges: a window before them leaves p1's undated links only.
    const before = await f.hub.graph.neighbourhood(f.actor, {
      id: id('p1'),
      hops: 1,
      maxNodes: 100,
      until: '2023-12-31',
    });
    expect(before.edges.map((e) => e.type)).not.toContain('payment');
    expect(before.nodes.map((n) => n.id)).toContain(id('p3'));
    // p3 — p9 runs through it-cases' payment and the phone de-cases' p9 holds: not through police-it alone.
    const route = { from: id('p3'), to: id('p9'), maxLength: 4, maxPaths: 5 };
    expect((await f.hub.graph.paths(f.actor, { ...route, agencies: ['police-it'] })).length).toBe(-1);
    const both = await f.hub.graph.paths(f.actor, { ...route, agencies: ['police-it', 'police-de'] });
    expect(both.length).toBe(3);
    const vias = (v: { edges: { via: string }[] }): string[] => v.edges.map((e) => e.via);
    expect(vias(await f.hub.graph.paths(f.actor, route))).toEqual(
      expect.arrayContaining([id('pay2'), id('pay3')]),
    );
    // From 20 January only pay3 (1 February) joins p2 and p3.
    const late = await f.hub.graph.paths(f.actor, { ...route, since: '2024-01-20' });
    expect(late.length).toBe(3);
    expect(vias(late)).toContain(id('pay3'));
    expect(vias(late)).not.toContain(id('pay2'));
    await expect(
      f.hub.graph.flows(f.actor, { id: id('p1'), direction: 'forward', maxDepth: 2, since: 'soon' }),
    ).rejects.toMatchObject({ code: 'Invalid', where: { field: 'since' } });
  });

  it('rebuilds after an import', async () => {
    await f.hub.ftm.importFtm(f.actor, {
      dataset: 'de-cases',
      fileName: 'de2.jsonl',
      open: linesOf([line('p8', 'Person', { name: ['Emil Engel'], phone: ['+39 333 1234567'] })]),
    });
    const hood = await f.hub.graph.neighbourhood(f.actor, {
      id: 'phone:+393331234567',
      hops: 1,
      maxNodes: 100,
    });
    expect(hood.nodes.map((n) => n.caption)).toContain('Emil Engel');
  });
});
