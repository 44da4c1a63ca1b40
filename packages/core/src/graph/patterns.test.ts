import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { EdgeType, NodeType } from './csr.js';
import { brokers, findPatterns, vehiclesOnManyTrips, victimHubs } from './patterns.js';

/** Victims 0–3; recruiter 4; phone 5 used by victims 0,1,2 and 4; address 6 of victims 0,1,2,3; van 7 on 5 trips. */
const world = () => {
  const b = new GraphBuilder();
  b.addNodes(5, NodeType.person);
  const phone = b.addNode(NodeType.phone);
  const address = b.addNode(NodeType.address);
  const van = b.addNode(NodeType.vehicle);
  for (const v of [0, 1, 2, 4]) b.addEdge(v, phone, EdgeType.hasPhone);
  b.addEdge(0, phone, EdgeType.hasPhone); // a duplicate link counts once
  for (const v of [0, 1, 2, 3]) b.addEdge(v, address, EdgeType.hasAddress, { directed: true });
  for (let t = 0; t < 5; t++) b.addEdge(van, t % 2 === 0 ? 4 : 3, EdgeType.trip, { time: 100 + t });
  return { g: b.build(), isVictim: Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0]) };
};

describe('victimHubs', () => {
  it('names a phone linked to many victims and many victims at one address', () => {
    const { g, isVictim } = world();
    const matches = victimHubs(g, isVictim);
    expect(matches.map((m) => [m.indicator, m.node, m.count])).toEqual([
      ['many-victims-at-address', 6, 4],
      ['phone-linked-to-many-victims', 5, 3],
    ]);
    expect(Array.from(matches[1]?.related ?? [])).toEqual([0, 1, 2]);
    expect(victimHubs(g, isVictim, { minVictims: 4 })).toHaveLength(1);
  });
});

describe('vehiclesOnManyTrips', () => {
  it('counts trips per vehicle, within a window when given', () => {
    const { g } = world();
    const [m] = vehiclesOnManyTrips(g);
    expect([m?.indicator, m?.node, m?.count]).toEqual(['vehicle-on-many-trips', 7, 5]);
    expect(vehiclesOnManyTrips(g, { from: 101 })).toHaveLength(0);
  });
});

describe('brokers', () => {
  it('finds the person linked to two communities', () => {
    // Two triangles {0,1,2} and {4,5,6}; person 3 knows 2 and 4.
    const b = new GraphBuilder();
    b.addNodes(7, NodeType.person);
    for (const [s, t] of [
      [0, 1],
      [1, 2],
      [2, 0],
      [4, 5],
      [5, 6],
      [6, 4],
      [3, 2],
      [3, 4],
    ] as const)
      b.addEdge(s, t, EdgeType.associate);
    const g = b.build();
    const communities = Int32Array.from([0, 0, 0, 0, 1, 1, 1]);
    const found = brokers(g, communities);
    // 3 splits its links evenly (participation 0.5); 4, at the edge of its own group, less so (4/9).
    expect(found.map((m) => [m.indicator, m.node, Array.from(m.related)])).toEqual([
      ['broker-between-communities', 3, [0, 1]],
      ['broker-between-communities', 4, [1, 0]],
    ]);
    expect(found.map((m) => m.score)).toEqual([0.5, expect.closeTo(4 / 9, 12)]);
    expect(Array.from(found[0]?.edges ?? [])).toEqual([6, 7]);
    expect(brokers(g, communities, { minLinks: 2 })).toHaveLength(0);
    expect(findPatterns(g, { communities }).map((m) => m.node)).toEqual([3, 4]);
  });
});

describe('findPatterns', () => {
  it('runs every indicator its inputs allow', () => {
    const { g, isVictim } = world();
    expect(findPatterns(g, { isVictim }).map((m) => m.indicator)).toEqual([
      'many-victims-at-address',
      'phone-linked-to-many-victims',
      'vehicle-on-many-trips',
    ]);
  });
});
