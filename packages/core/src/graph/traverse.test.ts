import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { EdgeType, NodeType } from './csr.js';
import { graphFromPairs } from './fixtures.js';
import { GraphScratch } from './scratch.js';
import { bfsDistances, inducedEdges, neighbourhood } from './traverse.js';

/** person 0 –has-phone– phone 1 –has-phone– person 2 –associate(t=10)– person 3 –family– person 4. */
const smallWorld = () => {
  const b = new GraphBuilder();
  b.addNode(NodeType.person);
  b.addNode(NodeType.phone);
  b.addNodes(3, NodeType.person);
  b.addEdge(0, 1, EdgeType.hasPhone);
  b.addEdge(2, 1, EdgeType.hasPhone);
  b.addEdge(2, 3, EdgeType.associate, { time: 10 });
  b.addEdge(3, 4, EdgeType.family);
  return b.build();
};

describe('bfsDistances', () => {
  it('measures hops, with -1 for the unreachable', () => {
    const g = graphFromPairs(5, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(Array.from(bfsDistances(g, 0))).toEqual([0, 1, 2, 3, -1]);
    expect(Array.from(bfsDistances(g, [0, 3]))).toEqual([0, 1, 1, 0, -1]);
    expect(Array.from(bfsDistances(g, 0, { maxDepth: 1 }))).toEqual([0, 1, -1, -1, -1]);
  });

  it('follows or reverses edge direction', () => {
    const g = graphFromPairs(
      3,
      [
        [0, 1],
        [1, 2],
      ],
      true,
    );
    expect(Array.from(bfsDistances(g, 1, { direction: 'out' }))).toEqual([-1, 0, 1]);
    expect(Array.from(bfsDistances(g, 1, { direction: 'in' }))).toEqual([1, 0, -1]);
    expect(Array.from(bfsDistances(g, 1))).toEqual([1, 0, 1]);
  });

  it('applies edge kinds and the policy bitmap', () => {
    const g = smallWorld();
    expect(Array.from(bfsDistances(g, 0, { edgeTypes: [EdgeType.hasPhone] }))).toEqual([0, 1, 2, -1, -1]);
    const visible = Uint8Array.from([1, 1, 1, 0, 1]);
    expect(Array.from(bfsDistances(g, 0, { allowedNodes: visible }))).toEqual([0, 1, 2, -1, -1]);
  });
});

describe('neighbourhood', () => {
  it('returns each node with its hop, the edge that reached it and where from', () => {
    const g = smallWorld();
    const n = neighbourhood(g, 0, { hops: 2 });
    expect(Array.from(n.nodes)).toEqual([0, 1, 2]);
    expect(Array.from(n.hop)).toEqual([0, 1, 2]);
    expect(Array.from(n.via)).toEqual([-1, 0, 1]);
    expect(Array.from(n.from)).toEqual([-1, 0, 1]);
    expect(n.truncated).toBe(false);
  });

  it('filters node kinds (seeds exempt), edge kinds and time windows', () => {
    const g = smallWorld();
    expect(Array.from(neighbourhood(g, 0, { hops: 4, nodeTypes: [NodeType.phone] }).nodes)).toEqual([0, 1]);
    expect(
      Array.from(neighbourhood(g, 2, { hops: 4, edgeTypes: [EdgeType.associate, EdgeType.family] }).nodes),
    ).toEqual([2, 3, 4]);
    // The dated associate edge (t=10) is outside [20, 30]; undated edges pass unless excluded.
    expect(Array.from(neighbourhood(g, 2, { hops: 4, timeWindow: { from: 20, to: 30 } }).nodes)).toEqual([
      2, 1, 0,
    ]);
    expect(Array.from(neighbourhood(g, 2, { hops: 4, timeWindow: { from: 5, to: 30 } }).nodes)).toEqual([
      2, 1, 3, 0, 4,
    ]);
    expect(Array.from(neighbourhood(g, 2, { hops: 4, timeWindow: { undated: 'exclude' } }).nodes)).toEqual([
      2, 3,
    ]);
  });

  it('stops at the node cap and says so', () => {
    const star = graphFromPairs(
      101,
      Array.from({ length: 100 }, (_, i) => [0, i + 1] as const),
    );
    const n = neighbourhood(star, 0, { hops: 2, maxNodes: 10 });
    expect(n.nodes.length).toBe(10);
    expect(n.truncated).toBe(true);
    expect(neighbourhood(star, 0, { maxNodes: 101 }).truncated).toBe(false);
  });

  it('never returns nor walks through a node the policy hides', () => {
    const g = smallWorld();
    const hidePhone = Uint8Array.from([1, 0, 1, 1, 1]);
    const n = neighbourhood(g, 0, { hops: 4, allowedNodes: hidePhone });
    expect(Array.from(n.nodes)).toEqual([0]);
    const byPredicate = neighbourhood(g, 2, { hops: 4, allowedNodes: (v) => v !== 3 });
    expect(Array.from(byPredicate.nodes).sort()).toEqual([0, 1, 2]);
    expect(neighbourhood(g, 1, { allowedNodes: hidePhone }).nodes.length).toBe(0);
    // Hidden edges are as absent as hidden nodes.
    const hideAssociate = Uint8Array.from([1, 1, 0, 1]);
    expect(Array.from(neighbourhood(g, 2, { hops: 4, allowedEdges: hideAssociate }).nodes)).toEqual([
      2, 1, 0,
    ]);
  });

  it('gives the same answers with a reused scratch', () => {
    const g = smallWorld();
    const scratch = new GraphScratch(g.nodeCount);
    for (let i = 0; i < 3; i++) {
      expect(Array.from(neighbourhood(g, 4, { hops: 3, scratch }).nodes)).toEqual([4, 3, 2, 1]);
    }
  });
});

describe('inducedEdges', () => {
  it('returns the edges among a node set once each, filtered', () => {
    const g = smallWorld();
    expect(Array.from(inducedEdges(g, [0, 1, 2, 3]))).toEqual([0, 1, 2]);
    expect(Array.from(inducedEdges(g, [0, 1, 2, 3], { edgeTypes: [EdgeType.associate] }))).toEqual([2]);
    expect(Array.from(inducedEdges(graphFromPairs(1, [[0, 0]]), [0]))).toEqual([0]);
  });
});
