import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { type CsrGraph, EdgeType, NodeType, otherEnd } from './csr.js';
import { graphFromPairs } from './fixtures.js';
import { GraphScratch } from './scratch.js';
import { type GraphPath, shortestPaths } from './paths.js';

/** Each edge of the path joins the nodes either side of it. */
const expectWellFormed = (g: CsrGraph, p: GraphPath): void => {
  expect(p.nodes.length).toBe(p.edges.length + 1);
  p.edges.forEach((e, i) => {
    expect(otherEnd(g, e, p.nodes[i] ?? -1)).toBe(p.nodes[i + 1]);
  });
};

describe('shortestPaths', () => {
  const ladder = graphFromPairs(7, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [0, 5],
    [5, 6],
    [6, 4],
  ]);

  it('finds the shortest path with its edges', () => {
    const r = shortestPaths(ladder, 0, 4);
    expect(r.length).toBe(3);
    expect(r.paths).toEqual([{ nodes: [0, 5, 6, 4], edges: [4, 5, 6] }]);
  });

  it('honours the maximum length', () => {
    expect(shortestPaths(ladder, 0, 4, { maxLength: 2 })).toEqual({ length: -1, paths: [] });
    expect(shortestPaths(ladder, 0, 4, { maxLength: 3 }).length).toBe(3);
    expect(shortestPaths(ladder, 0, 0).length).toBe(0);
  });

  it('returns every shortest path up to maxPaths', () => {
    const square = graphFromPairs(6, [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
      [3, 5],
      [4, 5],
    ]);
    const r = shortestPaths(square, 0, 3, { maxPaths: 10 });
    expect(r.length).toBe(2);
    expect(r.paths.map((p) => p.nodes)).toEqual(
      expect.arrayContaining([
        [0, 1, 3],
        [0, 2, 3],
      ]),
    );
    expect(r.paths).toHaveLength(2);
    r.paths.forEach((p) => {
      expectWellFormed(square, p);
    });
    expect(shortestPaths(square, 0, 3, { maxPaths: 1 }).paths).toHaveLength(1);
  });

  it('joins node sets: nearest pair wins', () => {
    const r = shortestPaths(ladder, [1, 5], [3, 6]);
    expect(r.length).toBe(1);
    expect(r.paths[0]?.nodes).toEqual([5, 6]);
  });

  it('respects edge direction', () => {
    const chain = graphFromPairs(
      3,
      [
        [0, 1],
        [1, 2],
      ],
      true,
    );
    expect(shortestPaths(chain, 0, 2, { direction: 'out' }).length).toBe(2);
    expect(shortestPaths(chain, 2, 0, { direction: 'out' }).length).toBe(-1);
    expect(shortestPaths(chain, 2, 0, { direction: 'in' }).paths[0]?.nodes).toEqual([2, 1, 0]);
  });

  /** Two people share a phone; also a long associate chain between them through 3 others. */
  const phoneWorld = () => {
    const b = new GraphBuilder();
    b.addNodes(2, NodeType.person); // 0, 1
    b.addNode(NodeType.phone); // 2
    b.addNodes(2, NodeType.person); // 3, 4
    b.addNode(NodeType.account); // 5
    b.addEdge(0, 2, EdgeType.hasPhone);
    b.addEdge(2, 1, EdgeType.hasPhone);
    b.addEdge(0, 5, EdgeType.hasAccount);
    b.addEdge(5, 1, EdgeType.hasAccount);
    b.addEdge(0, 3, EdgeType.associate);
    b.addEdge(3, 4, EdgeType.associate);
    b.addEdge(4, 1, EdgeType.associate);
    return b.build();
  };

  it('keeps to the edge kinds asked for', () => {
    const g = phoneWorld();
    expect(shortestPaths(g, 0, 1, { edgeTypes: [EdgeType.associate] }).paths[0]?.nodes).toEqual([0, 3, 4, 1]);
    expect(shortestPaths(g, 0, 1, { edgeTypes: [EdgeType.hasPhone] }).paths[0]?.nodes).toEqual([0, 2, 1]);
    expect(shortestPaths(g, 0, 1, { edgeTypes: [EdgeType.associate], maxLength: 2 }).length).toBe(-1);
  });

  it('follows a node-kind pattern such as person–phone–person', () => {
    const g = phoneWorld();
    const r = shortestPaths(g, 0, 1, { nodeTypePattern: [NodeType.person, NodeType.phone] });
    expect(r).toEqual({ length: 2, paths: [{ nodes: [0, 2, 1], edges: [0, 1] }] });
    const viaAccount = shortestPaths(g, 0, 1, { nodeTypePattern: [NodeType.person, NodeType.account] });
    expect(viaAccount.paths[0]?.nodes).toEqual([0, 5, 1]);
    expect(shortestPaths(g, 0, 1, { nodeTypePattern: [NodeType.person] }).length).toBe(3);
    expect(shortestPaths(g, 0, 1, { nodeTypePattern: [NodeType.person], maxLength: 2 }).length).toBe(-1);
    // Intermediate nodes may be restricted by kind too; the endpoints are exempt.
    expect(shortestPaths(g, 0, 1, { nodeTypes: [NodeType.account] }).paths[0]?.nodes).toEqual([0, 5, 1]);
  });

  it('never routes through a node the policy hides, and hides hidden endpoints', () => {
    const g = phoneWorld();
    const hide = (...nodes: number[]) =>
      Uint8Array.from({ length: 6 }, (_, v) => (nodes.includes(v) ? 0 : 1));
    expect(shortestPaths(g, 0, 1, { allowedNodes: hide(2, 5) }).paths[0]?.nodes).toEqual([0, 3, 4, 1]);
    expect(shortestPaths(g, 0, 1, { allowedNodes: hide(2, 5, 4) }).length).toBe(-1);
    expect(shortestPaths(g, 0, 1, { allowedNodes: hide(1) }).length).toBe(-1);
  });

  it('reuses a scratch across queries', () => {
    const scratch = new GraphScratch(ladder.nodeCount);
    for (const [s, t, len] of [
      [0, 4, 3],
      [1, 6, 3],
      [2, 2, 0],
      [3, 5, 3],
    ] as const) {
      expect(shortestPaths(ladder, s, t, { scratch }).length).toBe(len);
    }
  });
});
