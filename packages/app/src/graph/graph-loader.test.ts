import { testDialects } from '@clew/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, linesOf, type HubFixture } from '../testing/hub-fixture.js';
import { type EntityGraph, loadEntityGraph } from './graph-loader.js';
import { GraphService } from './graph.service.js';

const dialects = await testDialects();

const line = (id: string, schema: string, properties: Record<string, string[]>): string =>
  JSON.stringify({ id, schema, properties });

// Three victims share a phone and a workplace; Ann is known twice (r1, r2) with two phones.
const FILE = [
  line('w1', 'Address', { full: ['Via Roma 1, Latina'] }),
  ...['v1', 'v2', 'v3'].map((v) =>
    line(v, 'Person', {
      name: [`Victim ${v}`],
      keywords: ['Victim'],
      phone: ['+39 333 7654321'],
      addressEntity: ['w1'],
    }),
  ),
  line('c1', 'Person', { name: ['Carlo Capo'], phone: ['+39 333 7654321'], addressEntity: ['w1'] }),
  line('r1', 'Person', { name: ['Ann Amato'], phone: ['+39 333 1111111'] }),
  line('r2', 'Person', { name: ['Anna Amato'], phone: ['+39 333 2222222'] }),
  line('k1', 'Associate', { person: ['r2'], associate: ['c1'] }),
];

describe.each(dialects)('entity graph loader on %s', (dialect) => {
  let f: HubFixture;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    f = await buildHub(dialect);
    await f.hub.ftm.importFtm(f.actor, { dataset: 'it-cases', fileName: 'v.jsonl', open: linesOf(FILE) });
    for (const key of (await f.hub.graph.graphFor(f.actor)).key) ids.set(key.split('.')[0] ?? key, key);
  });
  afterAll(async () => {
    await f.close();
  });

  const id = (key: string): string => ids.get(key) ?? `missing ${key}`;
  const person = (g: EntityGraph, key: string): number => g.index.get(id(key)) ?? -1;

  it('marks people whose records carry the victim keyword', async () => {
    const g = await f.hub.graph.graphFor(f.actor);
    expect(['v1', 'v2', 'v3', 'c1', 'r1'].map((k) => g.isVictim[person(g, k)])).toEqual([1, 1, 1, 0, 0]);
  });

  it('finds one phone linked to many victims and many victims at one address', async () => {
    const { matches, nodes } = await f.hub.graph.patterns(f.actor);
    const victims = [id('v1'), id('v2'), id('v3')].sort();
    expect(matches.find((m) => m.indicator === 'phone-linked-to-many-victims')).toMatchObject({
      id: 'phone:+393337654321',
      count: 3,
    });
    const address = matches.find((m) => m.indicator === 'many-victims-at-address');
    expect(address).toMatchObject({ id: id('w1'), count: 3 });
    expect([...(address?.related ?? [])].sort()).toEqual(victims);
    expect(nodes.find((n) => n.id === id('v1'))?.reason).toMatch(/^victim, evidence of /);
  });

  it('makes one node of a resolved identity, its records kept as members, its links all joined', async () => {
    const resolve = (entityId: string): string => (entityId === id('r2') ? id('r1') : entityId);
    const plain = await loadEntityGraph(f.hub.store, ['it-cases']);
    const g = await loadEntityGraph(f.hub.store, ['it-cases'], { resolve });
    expect(g.csr.nodeCount).toBe(plain.csr.nodeCount - 1);
    const ann = person(g, 'r1');
    expect(g.index.get(id('r2'))).toBe(ann);
    expect(g.members.get(ann)).toEqual([id('r1'), id('r2')]);
    expect(plain.members.size).toBe(0);
    // Both phones and the associate hang off the one node.
    const service = new GraphService(f.hub.store, f.hub.access, f.hub.audit, () => resolve);
    const hood = await service.neighbourhood(f.actor, { id: id('r2'), hops: 1, maxNodes: 50 });
    expect(hood.nodes[0]).toMatchObject({
      id: id('r1'),
      members: [id('r1'), id('r2')],
      reason: 'start (one identity: 2 records)',
    });
    expect(hood.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['phone:+393331111111', 'phone:+393332222222', id('c1')]),
    );
    expect(hood.nodes).toHaveLength(4);
  });
});
