import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler, jaroWinklerAtLeast, jaroWinklerCeiling, oneEditApart } from './similarity.js';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
      }),
    );
  });
});

describe('oneEditApart', () => {
  it('accepts one substitution, neighbour swap, insertion or deletion, and nothing more', () => {
    expect(oneEditApart('4137877', '4137787')).toBe(true);
    expect(oneEditApart('4137877', '4137878')).toBe(true);
    expect(oneEditApart('4137877', '413787')).toBe(true);
    expect(oneEditApart('413787', '4137877')).toBe(true);
    expect(oneEditApart('4137877', '4137700')).toBe(false);
    expect(oneEditApart('1234', '4321')).toBe(false);
  });
});

describe('jaroWinklerAtLeast', () => {
  it('agrees with jaroWinkler compared with the threshold', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, t) => {
          expect(jaroWinklerAtLeast(a, b, t)).toBe(a === b || jaroWinkler(a, b) >= t);
        },
      ),
    );
    expect(jaroWinklerAtLeast('12 plant road findon', '12 plant raod findon', 0.9)).toBe(true);
    expect(jaroWinklerAtLeast('12 plant road findon', '7 harbour street manly', 0.9)).toBe(false);
  });
});

describe('jaroWinklerCeiling', () => {
  // Alike strings from a small alphabet (shared prefixes, transpositions): similarities near 1, where
  // a ceiling is tight and a wrong one would show.
  const alike = fc
    .tuple(
      fc.string({ unit: fc.constantFrom('a', 'b', 'h', 'm', 'o'), minLength: 1, maxLength: 12 }),
      fc.nat(),
    )
    .map(([s, k]): [string, string] => {
      const i = k % s.length;
      const swapped = s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
      return [s, k % 3 === 0 ? swapped : k % 3 === 1 ? s.slice(0, i) + s.slice(i + 1) : swapped + 'a'];
    });

  it('is never below jaroWinkler, and jaroWinklerAtLeast agrees with jaroWinkler at thresholds near it', () => {
    fc.assert(
      fc.property(alike, fc.double({ min: -0.01, max: 0.01, noNaN: true }), ([a, b], d) => {
        const s = jaroWinkler(a, b);
        expect(jaroWinklerCeiling(a, b)).toBeGreaterThanOrEqual(s - 1e-12);
        const t = Math.min(1, Math.max(0, s + d));
        expect(jaroWinklerAtLeast(a, b, t)).toBe(a === b || s >= t);
        expect(jaroWinklerAtLeast(a, b, s)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(jaroWinklerCeiling('abc', 'abc')).toBe(1);
    expect(jaroWinklerCeiling('', 'abc')).toBe(0);
    expect(jaroWinklerCeiling('hassan', 'xyz')).toBeLessThan(0.5);
  });
});
