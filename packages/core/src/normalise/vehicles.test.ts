import { describe, expect, it } from 'vitest';
import { normalisePlate, normaliseVin, vinCheckCharacter } from './vehicles.js';

describe('normaliseVin', () => {
  it('verifies the check digit of North American VINs', () => {
    expect(normaliseVin('1HGCM82633A004352')).toEqual({
      ok: true,
      value: { vin: '1HGCM82633A004352', wmi: '1HG', checkDigit: 'valid', corrected: false },
    });
    expect(vinCheckCharacter('1M8GDM9AXKP042788')).toBe('X');
    expect(normaliseVin('1M8GDM9AXKP042788').ok).toBe(true);
    expect(normaliseVin('1HGCM82633A004353')).toEqual({
      ok: false,
      reason: 'check digit is 3, expected 5 (a typo?)',
    });
  });

  it('reports that the check digit does not apply elsewhere', () => {
    const r = normaliseVin('WVW ZZZ 1JZ XW000001');
    expect(r.ok && r.value).toEqual({
      vin: 'WVWZZZ1JZXW000001',
      wmi: 'WVW',
      checkDigit: 'not-applicable',
      corrected: false,
    });
  });

  it('reads I, O and Q as 1, 0 and 0 and flags it', () => {
    const r = normaliseVin('1hgcm82633aoo4352');
    expect(r.ok && r.value.vin).toBe('1HGCM82633A004352');
    expect(r.ok && r.value.corrected).toBe(true);
  });

  it('rejects wrong lengths and characters', () => {
    expect(normaliseVin('1HGCM82633A00435')).toEqual({
      ok: false,
      reason: 'a VIN has 17 characters, this has 16',
    });
    expect(normaliseVin('1HGCM82633A00435#')).toEqual({
      ok: false,
      reason: 'a VIN has only letters and digits',
    });
    expect(normaliseVin('')).toEqual({ ok: false, reason: 'empty VIN' });
  });
});

describe('normalisePlate', () => {
  it('upper-cases, strips separators and reads Cyrillic look-alikes as Latin', () => {
    expect(normalisePlate('А 123 ВС 77', { country: 'RUS' })).toEqual({
      ok: true,
      value: { plate: 'A123BC77', confusable: 'A1238C77', country: 'RU' },
    });
    expect(normalisePlate('b-mw 1234')).toEqual({
      ok: true,
      value: { plate: 'BMW1234', confusable: '8MW1234' },
    });
  });

  it('rejects what cannot be a plate', () => {
    expect(normalisePlate('')).toEqual({ ok: false, reason: 'empty plate' });
    expect(normalisePlate('A')).toEqual({ ok: false, reason: 'a plate has 2 to 12 letters and digits' });
    expect(normalisePlate('AB12#')).toEqual({ ok: false, reason: 'a plate has only letters and digits' });
    expect(normalisePlate('AB12', { country: 'ZZZ' })).toEqual({
      ok: false,
      reason: 'unknown country "ZZZ"',
    });
  });
});
