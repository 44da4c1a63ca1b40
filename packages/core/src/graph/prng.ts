/**
 * A small seeded pseudo-random generator (mulberry32), so that every randomised algorithm of the
 * engine — Louvain's node order, betweenness sampling, the benchmark's generator — gives the same
 * answer for the same seed, in Node and in the browser alike.
 */

/** A seeded source of pseudo-random numbers; each call advances the state. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound), for bound ≤ 2^32. */
  int(bound: number): number;
}

/** A mulberry32 generator seeded with `seed` (any number; only its low 32 bits matter). */
export const createPrng = (seed: number): Prng => {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next: () => nextUint32() / 4294967296,
    int: (bound) => Math.floor((nextUint32() / 4294967296) * bound),
  };
};

/** Shuffle `values` in place (Fisher–Yates) with `prng`; returns the same array. O(length). */
export const shuffleInPlace = <T extends Int32Array | Uint32Array | number[]>(values: T, prng: Prng): T => {
  for (let i = values.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    const tmp = values[i] ?? 0;
    values[i] = values[j] ?? 0;
    values[j] = tmp;
  }
  return values;
};

/** The identity permutation 0..n-1 shuffled with a generator seeded by `seed`. O(n). */
export const randomPermutation = (n: number, seed: number): Int32Array => {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, createPrng(seed));
};
