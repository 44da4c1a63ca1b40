import { isValidDate } from '@clew/core';
import { describe, expect, it } from 'vitest';
import { namePool } from '../data/names.js';
import { Rng } from '../prng.js';
import { formatDocNumber, formatPhone, noisyDate, renderName, typo, type Noise } from './noise.js';
import type { PersonName } from '../world/types.js';

const noise = (level: number, seed = 1): Noise => ({ rng: new Rng(seed), level });

const eritrean = (): PersonName => {
  const pool = namePool('er');
  const [given, middle, family] = [pool.male[0], pool.male[1], pool.male[2]];
  if (!given || !middle || !family) throw new Error('pool too small');
  return { system: 'patronymic', script: 'ethiopic', given, middle, family, nick: undefined };
};

describe('noise', () => {
  it('changes nothing at level 0', () => {
    const n = noise(0);
    for (let i = 0; i < 200; i++) {
      expect(noisyDate(n, '1990-03-07')).toBe('1990-03-07');
      expect(formatPhone(n, '+2348031234567')).toBe('+2348031234567');
      expect(formatDocNumber(n, 'A12345678', 'ng')).toBe('A12345678');
      const r = renderName(n, eritrean(), { order: 'given-first', script: 1 }, 'er');
      expect(r.name).toBe('Yohannes Tesfaye Mehari');
      expect(r.original).toBe('ዮሃንስ ተስፋየ መሓሪ');
    }
  });

  it('makes partial or swapped dates that are still valid, at about the asked rate', () => {
    const n = noise(1);
    let yearOnly = 0;
    let swapped = 0;
    for (let i = 0; i < 10_000; i++) {
      const d = noisyDate(n, '1990-03-07');
      expect(isValidDate(d)).toBe(true);
      if (d === '1990') yearOnly++;
      if (d === '1990-07-03') swapped++;
    }
    expect(yearOnly / 10_000).toBeCloseTo(0.25, 1);
    expect(swapped / 10_000).toBeCloseTo(0.75 * 0.15, 1);
  });

  it('writes phones in national and international forms', () => {
    const n = noise(1);
    const forms = new Set(Array.from({ length: 300 }, () => formatPhone(n, '+2348031234567')));
    expect(forms).toContain('08031234567');
    expect(forms).toContain('0803 123 4567');
    expect(forms).toContain('+234 803 123 4567');
    expect(forms).toContain('002348031234567');
  });

  it('writes document numbers with spaces and country prefixes', () => {
    const n = noise(1);
    const forms = new Set(Array.from({ length: 300 }, () => formatDocNumber(n, 'A12345678', 'ng')));
    expect(forms).toContain('A 1234 5678');
    expect([...forms].some((f) => f.startsWith('NGA'))).toBe(true);
  });

  it('romanises, swaps and writes names in their original script', () => {
    const n = noise(1);
    const names = Array.from({ length: 500 }, () =>
      renderName(n, eritrean(), { order: 'family-upper', script: 1 }, 'er'),
    );
    expect(names.some((r) => r.firstName === 'Johannes')).toBe(true);
    expect(names.some((r) => r.firstName === 'ዮሃንስ')).toBe(true);
    expect(names.some((r) => r.lastName === 'Yohannes')).toBe(true);
    expect(names.some((r) => r.fatherName === undefined)).toBe(true);
  });

  it('makes typos only in Latin text, one edit at a time', () => {
    const rng = new Rng(2);
    expect(typo(rng, 'محمد أحمد')).toBe('محمد أحمد');
    for (let i = 0; i < 100; i++) expect(Math.abs(typo(rng, 'Mohammed').length - 8)).toBeLessThanOrEqual(1);
  });
});
