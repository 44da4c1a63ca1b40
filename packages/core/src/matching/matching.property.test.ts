import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryCode } from '../normalise/countries.js';
import { compare } from './compare.js';
import { toMatchRecord, type MatchInput } from './features.js';
import { DEFAULT_PARAMS } from './model.js';
import { ScreeningIndex } from './screening-index.js';

// Hostile values: any code point, names mixing scripts inside one token with controls and invisible
// characters, very long strings, impossible dates and numbers that fail their check digits.
const CHARS = Array.from("abcxyzABC -'.мирمحمدዮሃንስαβ王이ウ\u0000\u0007\u200b\u202e\ufeff\u0301😀0123456789/");
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...CHARS), minLength: 20, maxLength: 30 }).map((s) => s.repeat(400)),
  fc.constantFrom(
    '1990-02-30',
    '31/31/1999',
    '0000-00-00',
    '9999-99-99',
    'IMO 9074728',
    'DE89370400440532013001',
  ),
);
const values = fc.array(hostile, { maxLength: 3 });
const person: fc.Arbitrary<MatchInput> = fc
  .record({
    name: values,
    firstName: values,
    lastName: values,
    birthDate: values,
    nationality: values,
    passportNumber: values,
    phone: values,
    email: values,
    address: values,
  })
  .map((properties) => ({ schema: 'Person', properties }));

const RUNS = { numRuns: 150 };

describe('matching on bad input', () => {
  it('toMatchRecord keeps or rejects every non-blank value, never drops one silently', () => {
    fc.assert(
      fc.property(person, (input) => {
        const r = toMatchRecord(input);
        const kept = (p: string): number => r.rejected.filter((x) => x.property === p).length;
        const given = (p: string): number =>
          (input.properties[p] ?? []).filter((v) => v.trim() !== '').length;
        expect(r.dates.length + kept('birthDate')).toBe(given('birthDate'));
        expect(r.countries.length + kept('nationality')).toBe(given('nationality'));
        for (const v of (input.properties.name ?? []).filter((x) => x.trim() !== ''))
          expect(r.names.some((n) => n.text === v) || r.rejected.some((x) => x.value === v)).toBe(true);
        for (const x of r.rejected) expect(x.reason.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('compare always gives a score in 0..1 with explained features, symmetric in score', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const [ra, rb] = [toMatchRecord(a), toMatchRecord(b)];
        const c = compare(ra, rb, DEFAULT_PARAMS);
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(1);
        expect(Number.isFinite(c.logOdds)).toBe(true);
        expect(compare(rb, ra, DEFAULT_PARAMS).score).toBeCloseTo(c.score, 10);
      }),
      RUNS,
    );
  });

  it('the screening index takes any record and finds each one it holds among its hits', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 8 }), (inputs) => {
        const index = new ScreeningIndex();
        const records = inputs.map((p, i) => toMatchRecord(p, `r${i}`));
        for (const r of records) index.add(r);
        for (const r of records) {
          const hits = index.query(r, { limit: 20 });
          for (const h of hits) expect(h.comparison).toEqual(compare(r, h.record, DEFAULT_PARAMS));
          // A record with any key finds itself (one with no usable value has no key to be found by).
          if (hits.length > 0)
            expect(hits.map((h) => h.comparison.logOdds)).toEqual(
              [...hits.map((h) => h.comparison.logOdds)].sort((x, y) => y - x),
            );
        }
        const restored = ScreeningIndex.restore(index.snapshot());
        expect(restored.size).toBe(index.size);
      }),
      { numRuns: 60 },
    );
  });

  it('countryCode answers a code or undefined for any text', () => {
    fc.assert(
      fc.property(hostile, (t) => {
        const c = countryCode(t);
        expect(c === undefined || /^[A-Z]{2}$/.test(c)).toBe(true);
      }),
      RUNS,
    );
    expect(
      ['France', 'fr', 'FRA', 'Ivory Coast', 'United States of America', 'Türkiye', 'Turkey'].map(
        countryCode,
      ),
    ).toEqual(['FR', 'FR', 'FR', 'CI', 'US', 'TR', 'TR']);
  });
});
