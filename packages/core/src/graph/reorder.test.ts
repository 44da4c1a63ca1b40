import { describe, expect, it } from 'vitest';
import { buildCsr } from './builder.js';
import { EdgeType, NodeType } from './csr.js';
import { graphFromPairs, karateClub } from './fixtures.js';
import { pageRank } from './pagerank.js';
import { localityOrder, relabelNodes } from './reorder.js';
import { bfsDistances } from './traverse.js';

describe('localityOrder', () => {
  it('numbers nodes breadth-first, component by component', () => {
    // Two components given scattered ids: 0–3–5–1 (a path) and 2–4.
    const g = graphFromPairs(6, [
      [0, 3],
      [3, 5],
      [5, 1],
      [2, 4],
    ]);
    expect(Array.from(localityOrder(g, 'bfs'))).toEqual([0, 3, 5, 1, 2, 4]);
  });

  it('numbers nodes by descending degree, ties in id order', () => {
    const g = graphFromPairs(5, [
      [4, 0],
      [4, 1],
      [4, 2],
      [1, 2],
    ]);
    expect(Array.from(localityOrder(g, 'degree'))).toEqual([4, 1, 2, 0, 3]);
  });
});

describe('relabelNodes', () => {
  it('gives the same PageRank and BFS answers, mapped back through the permutation', () => {
    const g = karateClub();
    // Scramble first, then restore locality: the answers must not move with the numbering.
    const scrambled = relabelNodes(
      g,
      Int32Array.from({ length: 34 }, (_, i) => (i * 7) % 34),
    );
    const local = relabelNodes(scrambled.graph, localityOrder(scrambled.graph, 'bfs'));
    const reference = pageRank(g, { iterations: 20 }).rank;
    const rank = pageRank(local.graph, { iterations: 20 }).rank;
    const distances = bfsDistances(local.graph, local.rank[scrambled.rank[0] ?? 0] ?? 0);
    const expected = bfsDistances(g, 0);
    for (let v = 0; v < 34; v++) {
      const moved = local.rank[scrambled.rank[v] ?? 0] ?? 0;
      expect(rank[moved]).toBeCloseTo(reference[v] ?? NaN, 14);
      expect(distances[moved]).toBe(expected[v]);
    }
  });

  it('keeps edge ids, kinds, directions, amounts, times and records; moves node kinds', () => {
    const g = buildCsr({
      nodeCount: 3,
      nodeType: Uint8Array.from([NodeType.person, NodeType.account, NodeType.phone]),
      source: Int32Array.from([0, 1]),
      target: Int32Array.from([1, 2]),
      type: Uint8Array.from([EdgeType.hasAccount, EdgeType.payment]),
      directed: Uint8Array.from([0, 1]),
      amount: Float64Array.from([NaN, 250]),
      time: Float64Array.from([NaN, 19_000]),
      record: Int32Array.from([7, 9]),
    });
    const { graph, rank } = relabelNodes(g, Int32Array.from([2, 0, 1]));
    expect(Array.from(rank)).toEqual([1, 2, 0]);
    expect(Array.from(graph.nodeType)).toEqual([NodeType.phone, NodeType.person, NodeType.account]);
    expect(Array.from(graph.edgeSource)).toEqual([1, 2]);
    expect(Array.from(graph.edgeTarget)).toEqual([2, 0]);
    expect(Array.from(graph.edgeRecord ?? [])).toEqual([7, 9]);
    expect(graph.edgeAmount?.[1]).toBe(250);
    expect(graph.edgeTime?.[1]).toBe(19_000);
    expect(Array.from(graph.edgeDirected)).toEqual([0, 1]);
    // The payment still leaves the account (now node 2) towards the phone (now node 0).
    expect(Array.from(graph.outNeighbours.slice(graph.outOffsets[2], graph.outOffsets[3]))).toEqual([1, 0]);
  });

  it('refuses an order that is not a permutation', () => {
    const g = graphFromPairs(3, [[0, 1]]);
    expect(() => relabelNodes(g, Int32Array.from([0, 1]))).toThrow(/3 nodes/);
    expect(() => relabelNodes(g, Int32Array.from([0, 1, 1]))).toThrow(/permutation/);
  });
});

describe('pageRank precision', () => {
  it('single precision stays within 1e-6 of double on the karate club', () => {
    const double = pageRank(karateClub()).rank;
    const single = pageRank(karateClub(), { precision: 'single' }).rank;
    for (let v = 0; v < 34; v++) expect(Math.abs((single[v] ?? 0) - (double[v] ?? 0))).toBeLessThan(1e-6);
  });
});
