import { describe, expect, it } from 'vitest';
import { isClewError } from '../errors.js';
import { buildCsr, GraphBuilder } from './builder.js';
import {
  degreeOf,
  EdgeType,
  edgeTypeName,
  edgeTypeOf,
  graphBytes,
  NodeType,
  nodeTypeName,
  recordOf,
} from './csr.js';
import { graphFromPairs } from './fixtures.js';

const entries = (offsets: Int32Array, values: Int32Array, node: number): number[] =>
  Array.from(values.subarray(offsets[node], offsets[node + 1]));

describe('buildCsr', () => {
  it('lists an undirected edge at both ends, in edge order, and shares in- and out-adjacency', () => {
    const g = graphFromPairs(4, [
      [0, 1],
      [1, 2],
      [0, 2],
    ]);
    expect(g.hasDirected).toBe(false);
    expect(entries(g.outOffsets, g.outNeighbours, 0)).toEqual([1, 2]);
    expect(entries(g.outOffsets, g.outEdges, 2)).toEqual([1, 2]);
    expect(entries(g.outOffsets, g.outNeighbours, 3)).toEqual([]);
    expect(g.inNeighbours).toBe(g.outNeighbours);
    expect(degreeOf(g, 0)).toBe(2);
  });

  it('keeps directed edges in the out-list of the source and the in-list of the target', () => {
    const g = buildCsr({
      nodeCount: 3,
      source: Int32Array.from([0, 1, 2]),
      target: Int32Array.from([1, 2, 0]),
      directed: Uint8Array.from([1, 1, 0]),
    });
    expect(g.hasDirected).toBe(true);
    expect(entries(g.outOffsets, g.outNeighbours, 0)).toEqual([1, 2]); // 0→1, and undirected 2–0
    expect(entries(g.inOffsets, g.inNeighbours, 0)).toEqual([2]); // only the undirected one
    expect(entries(g.inOffsets, g.inNeighbours, 1)).toEqual([0]);
    expect([degreeOf(g, 0, 'out'), degreeOf(g, 0, 'in'), degreeOf(g, 0, 'both')]).toEqual([2, 1, 2]);
  });

  it('rejects an endpoint outside the nodes with an Invalid error', () => {
    const attempt = (): unknown =>
      buildCsr({ nodeCount: 2, source: Int32Array.from([0]), target: Int32Array.from([2]) });
    expect(attempt).toThrow(/outside 0..1/);
    try {
      attempt();
    } catch (e) {
      expect(isClewError(e) && e.code).toBe('Invalid');
    }
  });

  it('handles empty graphs and self-loops', () => {
    expect(buildCsr({ nodeCount: 0, source: new Int32Array(0), target: new Int32Array(0) }).nodeCount).toBe(
      0,
    );
    const g = graphFromPairs(1, [[0, 0]]);
    expect(entries(g.outOffsets, g.outEdges, 0)).toEqual([0, 0]);
  });
});

describe('GraphBuilder', () => {
  it('stores kinds, amounts, times and records only where given', () => {
    const b = new GraphBuilder();
    const alice = b.addNode(NodeType.person);
    const phone = b.addNode(NodeType.phone);
    const first = b.addNodes(3, NodeType.account);
    b.addEdge(alice, phone, EdgeType.hasPhone);
    b.addEdge(first, first + 1, EdgeType.payment, { directed: true, amount: 500, time: 19000, record: 42 });
    const g = b.build();
    expect([g.nodeCount, g.edgeCount, first]).toEqual([5, 2, 2]);
    expect(nodeTypeName(g.nodeType[phone] ?? 0)).toBe('phone');
    expect(edgeTypeName(g.edgeType[1] ?? 0)).toBe('payment');
    expect(edgeTypeOf('shares-phone')).toBe(EdgeType.sharesPhone);
    expect(g.edgeAmount && Array.from(g.edgeAmount)).toEqual([NaN, 500]);
    expect(g.edgeTime?.[1]).toBe(19000);
    expect([recordOf(g, 0), recordOf(g, 1)]).toEqual([0, 42]);
    expect(graphBytes(g)).toBeGreaterThan(0);
  });

  it('grows past its initial capacity', () => {
    const b = new GraphBuilder();
    b.addNodes(1000);
    for (let i = 0; i < 999; i++) b.addEdge(i, i + 1, EdgeType.call, { time: i });
    const g = b.build();
    expect(g.edgeCount).toBe(999);
    expect(g.edgeTime?.[998]).toBe(998);
    expect(g.edgeRecord).toBeNull();
  });
});
