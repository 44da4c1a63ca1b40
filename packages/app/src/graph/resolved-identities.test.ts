import { operatorActor } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHub, linesOf, type HubFixture } from '../testing/hub-fixture.js';

const dialects = await testDialects();

// Two records of one man (different phones), judged the same by an analyst.
const FILE = [
  JSON.stringify({
    id: 'a',
    schema: 'Person',
    properties: { name: ['Ivan Petrov'], phone: ['+39 333 111 2222'] },
  }),
  JSON.stringify({
    id: 'b',
    schema: 'Person',
    properties: { name: ['Ivan Petrov'], phone: ['+39 333 999 8888'] },
  }),
];

describe.each(dialects)('resolved identities in the graph on %s', (dialect) => {
  let f: HubFixture;
  afterEach(() => f.close());

  it('draws a cluster of judged-same records as one node, and two again once split', async () => {
    f = await buildHub(dialect);
    const op = operatorActor();
    await f.hub.ftm.importFtm(op, { dataset: 'it-cases', fileName: 'it.jsonl', open: linesOf(FILE) });
    const ids = (await f.hub.entities.list(op, { limit: 10, offset: 0 })).results.map((e) => e.id);
    const [a = '', b = ''] = ids;
    const people = async (): Promise<{ id: string; members?: string[] }[]> =>
      (await f.hub.graph.neighbourhood(op, { id: a, hops: 3, maxNodes: 100 })).nodes.filter(
        (n) => n.schema === 'Person',
      );
    expect((await people()).map((n) => n.id).sort()).toEqual([a]);
    await f.hub.matching.judge(op, a, b, 'same', 'same passport seen by both officers');
    const merged = await people();
    expect(merged).toHaveLength(1);
    expect(merged[0]?.id).toMatch(/^identity:[0-9a-f]{20}$/);
    expect(merged[0]?.members?.sort()).toEqual([a, b].sort());
    // Both phones now hang off the one person.
    const phones = (await f.hub.graph.neighbourhood(op, { id: b, hops: 1, maxNodes: 100 })).nodes.filter(
      (n) => n.schema !== 'Person',
    );
    expect(phones).toHaveLength(2);
    await f.hub.matching.split(op, a, b, 'different fathers’ names on closer look');
    expect((await people()).map((n) => n.id)).toEqual([a]);
  });
});
