import { describe, expect, it } from 'vitest';
import { betweenness, degreeCentrality } from './centrality.js';
import { graphFromPairs, karateClub } from './fixtures.js';

/** igraph 0.10 `betweenness()` on Zachary's club, normalised by (n−1)(n−2)/2. */
// prettier-ignore
const KARATE_BETWEENNESS = [
  0.437635281385, 0.053936688312, 0.143656806157, 0.011909271284, 0.000631313131, 0.029987373737,
  0.029987373737, 0.0, 0.055926827802, 0.000847763348, 0.000631313131, 0.0, 0.0, 0.045863395863, 0.0, 0.0,
  0.0, 0.0, 0.0, 0.0324750481, 0.0, 0.0, 0.0, 0.017613636364, 0.00220959596, 0.003840488215, 0.0,
  0.022333453583, 0.001794733045, 0.002922077922, 0.014411976912, 0.138275613276, 0.145247113997,
  0.30407497595,
];

describe('betweenness', () => {
  it('is exact on the karate club', () => {
    const bc = betweenness(karateClub());
    KARATE_BETWEENNESS.forEach((expected, v) => {
      expect(bc[v]).toBeCloseTo(expected, 10);
    });
  });

  it('counts a path graph by hand, raw and directed', () => {
    const path = graphFromPairs(4, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    // Node 1 lies on 0–2 and 0–3; node 2 on 0–3 and 1–3.
    expect(Array.from(betweenness(path, { normalised: false }))).toEqual([0, 2, 2, 0]);
    const directed = graphFromPairs(
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      true,
    );
    expect(Array.from(betweenness(directed, { direction: 'out', normalised: false }))).toEqual([0, 2, 2, 0]);
    expect(Array.from(betweenness(directed, { direction: 'out' }))).toEqual([0, 1 / 3, 1 / 3, 0]);
  });

  it('samples sources with a seed: reproducible and close to exact', () => {
    const g = karateClub();
    const a = betweenness(g, { samples: 20, seed: 7 });
    expect(Array.from(betweenness(g, { samples: 20, seed: 7 }))).toEqual(Array.from(a));
    expect(Array.from(betweenness(g, { samples: 34 }))).toEqual(Array.from(betweenness(g)));
    const top = Array.from(a.keys()).sort((x, y) => (a[y] ?? 0) - (a[x] ?? 0));
    expect(top.slice(0, 2).sort((x, y) => x - y)).toEqual([0, 33]);
  });

  it('samples by default above 2,000 nodes', () => {
    // A path of 3,001 nodes: the middle lies on half of all pairs' paths, exactly 0.5 normalised.
    const path = graphFromPairs(
      3001,
      Array.from({ length: 3000 }, (_, i) => [i, i + 1] as const),
    );
    const bc = betweenness(path, { seed: 3 });
    expect(bc[1500]).toBeGreaterThan(0.4);
    expect(bc[1500]).toBeLessThan(0.6);
    expect(bc[0]).toBe(0);
  });
});

describe('degreeCentrality', () => {
  it('divides degree by n − 1 unless told not to', () => {
    const g = karateClub();
    expect(degreeCentrality(g)[33]).toBeCloseTo(17 / 33, 12);
    expect(degreeCentrality(g, { normalised: false })[0]).toBe(16);
  });
});
