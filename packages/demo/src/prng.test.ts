import { describe, expect, it } from 'vitest';
import { Rng, seedFrom } from './prng.js';

const draw = (seed: number, n: number): number[] => {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => r.u32());
};

describe('Rng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('is pinned: a change of algorithm would change every world', () => {
    expect(draw(1, 3)).toEqual([813387329, 1693331366, 3865924968]);
    expect(seedFrom('seed', 1)).toBe(3213949287);
    expect(seedFrom('seed', 1)).not.toBe(seedFrom('seed', '1 '));
    expect(seedFrom('a', 'bc')).not.toBe(seedFrom('ab', 'c'));
  });

  it('keeps ints in range and chance near its probability', () => {
    const r = new Rng(9);
    let hits = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      seen.add(r.int(3, 7));
      if (r.chance(0.3)) hits++;
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(hits / 20_000).toBeGreaterThan(0.28);
    expect(hits / 20_000).toBeLessThan(0.32);
    expect(r.chance(0)).toBe(false);
  });

  it('samples distinct items and picks by weight', () => {
    const r = new Rng(5);
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted(['a', 'b'], [9, 1]) === 'a') a++;
    expect(a / 10_000).toBeGreaterThan(0.87);
    expect(a / 10_000).toBeLessThan(0.93);
    expect(() => r.pick([])).toThrow();
  });
});
