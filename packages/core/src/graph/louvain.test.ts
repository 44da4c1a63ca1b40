import { describe, expect, it } from 'vitest';
import { graphFromPairs, karateClub } from './fixtures.js';
import { louvain, modularity } from './louvain.js';

/** `cliques` complete graphs of `size` nodes, clique i joined to clique i+1 by one edge. */
const ringOfCliques = (cliques: number, size: number) => {
  const pairs: [number, number][] = [];
  for (let c = 0; c < cliques; c++) {
    const base = c * size;
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) pairs.push([base + i, base + j]);
    pairs.push([base, ((c + 1) % cliques) * size + 1]);
  }
  return graphFromPairs(cliques * size, pairs);
};

describe('modularity', () => {
  it('scores the karate club’s real split as igraph does', () => {
    const mrHi = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21]);
    const split = Int32Array.from({ length: 34 }, (_, v) => (mrHi.has(v) ? 0 : 1));
    expect(modularity(karateClub(), split)).toBeCloseTo(0.3582347140039448, 12);
    expect(modularity(karateClub(), new Int32Array(34))).toBeCloseTo(0, 12);
  });
});

describe('louvain', () => {
  it('finds the karate club’s communities (modularity 0.41–0.42)', () => {
    const g = karateClub();
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = louvain(g, { seed });
      expect(r.modularity).toBeGreaterThan(0.41);
      expect(r.modularity).toBeLessThan(0.42);
      expect(r.count).toBeGreaterThanOrEqual(3);
      expect(r.modularity).toBeCloseTo(modularity(g, r.community), 12);
    }
  });

  it('is deterministic for a seed', () => {
    const g = karateClub();
    expect(Array.from(louvain(g, { seed: 9 }).community)).toEqual(
      Array.from(louvain(g, { seed: 9 }).community),
    );
  });

  it('recovers planted cliques exactly', () => {
    const r = louvain(ringOfCliques(12, 8));
    expect(r.count).toBe(12);
    for (let c = 0; c < 12; c++) {
      const ids = new Set(Array.from(r.community.subarray(c * 8, c * 8 + 8)));
      expect(ids.size).toBe(1);
    }
  });

  it('uses weights and leaves an edge-less graph as singletons', () => {
    // A 4-cycle: which opposite pair of edges is heavy decides the two communities.
    const g = graphFromPairs(4, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ]);
    const a = louvain(g, { weight: Float64Array.from([10, 1, 10, 1]) }).community;
    expect([a[0] === a[1], a[2] === a[3], a[1] === a[2]]).toEqual([true, true, false]);
    const b = louvain(g, { weight: Float64Array.from([1, 10, 1, 10]) }).community;
    expect([b[1] === b[2], b[3] === b[0], b[0] === b[1]]).toEqual([true, true, false]);
    expect(() => louvain(g, { weight: Float64Array.from([1, -1, 1, 1]) })).toThrow(/≥ 0/);
    const empty = louvain(graphFromPairs(3, []));
    expect([empty.count, empty.modularity]).toEqual([3, 0]);
  });
});
