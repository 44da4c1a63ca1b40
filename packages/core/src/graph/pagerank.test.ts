import { describe, expect, it } from 'vitest';
import { graphFromPairs, karateClub } from './fixtures.js';
import { pageRank } from './pagerank.js';

const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);

describe('pageRank', () => {
  it('matches the hand-computed 3-node case with a dangling node', () => {
    // 0→1, 0→2, 1→2; node 2 has no out-edge, so its rank is spread over all three.
    // r1 = r0 (1 + d/2), r2 = 1 − r0 − r1, r0 = (1−d)/3 + d·r2/3  ⇒  r0 = (1/3) / (1 + d(2 + d/2)/3).
    const d = 0.85;
    const r0 = 1 / 3 / (1 + (d * (2 + d / 2)) / 3);
    const r1 = r0 * (1 + d / 2);
    const g = graphFromPairs(
      3,
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
      true,
    );
    const { rank, iterations } = pageRank(g, { iterations: 500, tolerance: 1e-14 });
    expect(iterations).toBeLessThan(500);
    expect(rank[0]).toBeCloseTo(r0, 10);
    expect(rank[1]).toBeCloseTo(r1, 10);
    expect(rank[2]).toBeCloseTo(1 - r0 - r1, 10);
    expect(r0).toBeCloseTo(0.1975796493, 9); // igraph's PRPACK on the same graph
  });

  it('runs a fixed 20 iterations by default and sums to 1', () => {
    const { rank, iterations } = pageRank(karateClub());
    expect(iterations).toBe(20);
    expect(sum(rank)).toBeCloseTo(1, 12);
  });

  it('converges to igraph’s karate club scores', () => {
    const { rank } = pageRank(karateClub(), { iterations: 1000, tolerance: 1e-15 });
    expect(rank[0]).toBeCloseTo(0.09699728538829475, 9);
    expect(rank[33]).toBeCloseTo(0.1009191823326258, 9);
    expect(rank[11]).toBeCloseTo(0.009564745492135509, 9);
  });

  it('treats directed edges as undirected when asked, and handles edge-less graphs', () => {
    const g = graphFromPairs(2, [[0, 1]], true);
    const both = pageRank(g, { direction: 'both' }).rank;
    expect(both[0]).toBeCloseTo(0.5, 12);
    expect(sum(pageRank(graphFromPairs(3, [])).rank)).toBeCloseTo(1, 12);
  });
});
