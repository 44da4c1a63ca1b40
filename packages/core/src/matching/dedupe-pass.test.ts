import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { dedupeKeys, dedupePairs, joinKeys, logOddsBound, planDedupe } from './dedupe-pass.js';
import { toMatchRecord, type MatchRecord } from './features.js';
import { DEFAULT_PARAMS } from './model.js';

// A small deterministic generator (LCG): people from small name pools, each written up to three times
// with the slips agencies make (typo, swapped day and month, year only, dropped name, another phone).
const people = (n: number, seed = 7): MatchRecord[] => {
  let s = seed;
  const rnd = (k: number): number => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % k;
  };
  const given = ['Mohammed', 'Yohannes', 'Amina', 'Ivan', 'Fatima', 'Tesfaye', 'Olga', 'Arben', 'Blessing'];
  const family = ['Haile', 'Nguyen', 'Petrov', 'Hassan', 'Okafor', 'Berhane', 'Hoxha', 'Diallo', 'Kovac'];
  const typo = (w: string): string =>
    w.length > 4 ? w.slice(0, 2) + w.charAt(3) + w.charAt(2) + w.slice(4) : w;
  const out: MatchRecord[] = [];
  for (let p = 0; out.length < n; p++) {
    const [g, f] = [given[rnd(given.length)] ?? '', family[rnd(family.length)] ?? ''];
    const [y, m, d] = [1950 + rnd(50), 1 + rnd(12), 1 + rnd(28)];
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const phone = `+39 3${String(rnd(1e9)).padStart(9, '0')}`;
    for (let copy = 0, copies = 1 + rnd(3); copy < copies && out.length < n; copy++) {
      const slip = copy === 0 ? -1 : rnd(5);
      const swapped = d <= 12 ? `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}` : date;
      const properties: Record<string, string[]> = {
        name: [slip === 0 ? `${typo(g)} ${f}` : slip === 3 ? g : `${g} ${f}`],
        birthDate: [slip === 1 ? swapped : slip === 2 ? String(y) : date],
        nationality: ['er'],
      };
      if (slip !== 4) properties.phone = [phone];
      out.push(toMatchRecord({ schema: 'Person', properties }, `p${p}-${copy}`));
    }
  }
  return out;
};

const bruteForce = (records: readonly MatchRecord[]): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i < records.length; i++)
    for (let j = i + 1; j < records.length; j++) {
      const [a, b] = [records[i], records[j]];
      if (a && b && compare(a, b, DEFAULT_PARAMS).score >= DEFAULT_PARAMS.threshold) out.add(`${i} ${j}`);
    }
  return out;
};

describe('dedupe pass', () => {
  const records = people(400);
  const truth = bruteForce(records);
  const plan = planDedupe(dedupeKeys(records), 1000);
  const at = (i: number): MatchRecord => {
    const r = records[i];
    if (!r) throw new Error(`no record ${i}`);
    return r;
  };

  it('never bounds a pair below its score', () => {
    for (let i = 0; i < records.length; i += 3)
      for (let j = i + 1; j < records.length; j += 2) {
        const [a, b] = [at(i), at(j)];
        expect(logOddsBound(a, b, DEFAULT_PARAMS)).toBeGreaterThanOrEqual(
          compare(a, b, DEFAULT_PARAMS).logOdds - 1e-9,
        );
      }
  });

  it('finds the pairs a brute-force comparison finds above the threshold, each once, left < right', () => {
    expect(truth.size).toBeGreaterThan(50);
    const found = dedupePairs(plan, at, DEFAULT_PARAMS);
    const keys = found.map((p) => `${p.left} ${p.right}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of found) {
      expect(p.left).toBeLessThan(p.right);
      expect(truth.has(`${p.left} ${p.right}`)).toBe(true);
      expect(p.comparison).toEqual(compare(at(p.left), at(p.right), DEFAULT_PARAMS));
    }
    // Blocking may miss a pair that shares no key; on these slips it misses none.
    expect(keys.length).toBe(truth.size);
  });

  it('splits the work into shares whose union is the whole, and honours accept and the candidate limit', () => {
    const whole = dedupePairs(plan, at, DEFAULT_PARAMS).map((p) => `${p.left} ${p.right}`);
    const shares = [0, 1, 2].flatMap((share) => {
      const lefts = Int32Array.from({ length: records.length }, (_, i) => i).filter((i) => i % 3 === share);
      return dedupePairs(plan, at, DEFAULT_PARAMS, { lefts }).map((p) => `${p.left} ${p.right}`);
    });
    expect(shares.sort()).toEqual([...whole].sort());
    const even = dedupePairs(plan, at, DEFAULT_PARAMS, { accept: (i, j) => (i + j) % 2 === 0 });
    expect(even.length).toBe(
      whole.filter((k) => k.split(' ').reduce((n, x) => n + Number(x), 0) % 2 === 0).length,
    );
    const few = dedupePairs(plan, at, DEFAULT_PARAMS, { candidates: 1 });
    expect(few.length).toBeLessThan(whole.length);
    expect(new Set(few.map((p) => p.left)).size).toBe(few.length);
  });

  it('drops blocks over the cap and blocks of one record, and joins key tables in order', () => {
    const keys = { offsets: Int32Array.from([0, 2, 4, 5]), keys: Int32Array.from([1, 2, 1, 3, 1]) };
    expect(planDedupe(keys, 3)).toMatchObject({
      blockStart: Int32Array.from([0, 3]),
      members: Int32Array.from([0, 1, 2]),
      recordStart: Int32Array.from([0, 1, 2, 3]),
    });
    expect(planDedupe(keys, 2).members.length).toBe(0);
    const halves = joinKeys([dedupeKeys(records.slice(0, 150)), dedupeKeys(records.slice(150))]);
    expect(halves).toEqual(dedupeKeys(records));
  });
});
