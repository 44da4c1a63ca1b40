import { describe, expect, it } from 'vitest';
import { toAlpha2, toAlpha3 } from './countries.js';
import { normaliseDocumentNumber } from './documents.js';
import { confusableKey, identifierText } from './identifier-text.js';

describe('normaliseDocumentNumber', () => {
  it('upper-cases and strips spaces and dashes', () => {
    expect(normaliseDocumentNumber(' c01x 00t-47 ')).toEqual({
      ok: true,
      value: { number: 'C01X00T47', confusable: 'C01X00T47' },
    });
  });

  it('strips the given country code when a digit follows it', () => {
    const r = normaliseDocumentNumber('DEU123456789', { country: 'DE' });
    expect(r).toEqual({ ok: true, value: { number: '123456789', confusable: '123456789', country: 'DE' } });
    const two = normaliseDocumentNumber('FR12AB34567', { country: 'FRA' });
    expect(two.ok && two.value.number).toBe('12AB34567');
    // Letters after the code may be the document series: kept.
    const series = normaliseDocumentNumber('DEC01X00T47', { country: 'DE' });
    expect(series.ok && series.value.number).toBe('DEC01X00T47');
  });

  it('detects a country code written apart', () => {
    const r = normaliseDocumentNumber('DEU C01X00T47');
    expect(r.ok && r.value).toEqual({ number: 'C01X00T47', confusable: 'C01X00T47', country: 'DE' });
    const other = normaliseDocumentNumber('FR-12AB34567', { country: 'DE' });
    expect(other.ok && other.value.number).toBe('FR12AB34567');
  });

  it('reads Cyrillic and Greek look-alikes as Latin and keeps a confusable key', () => {
    const r = normaliseDocumentNumber('АВ 1234О5');
    expect(r.ok && r.value).toEqual({ number: 'AB1234O5', confusable: 'A8123405' });
    const a = normaliseDocumentNumber('SO1234IL');
    const b = normaliseDocumentNumber('501234 11');
    expect(a.ok && b.ok && a.value.confusable === b.value.confusable).toBe(true);
    expect(a.ok && b.ok && a.value.number === b.value.number).toBe(false);
  });

  it('rejects what cannot be a document number', () => {
    expect(normaliseDocumentNumber('')).toEqual({ ok: false, reason: 'empty document number' });
    expect(normaliseDocumentNumber('12')).toEqual({ ok: false, reason: 'too short for a document number' });
    expect(normaliseDocumentNumber('1'.repeat(30))).toEqual({
      ok: false,
      reason: 'too long for a document number',
    });
    expect(normaliseDocumentNumber('AB#123456')).toEqual({
      ok: false,
      reason: 'document numbers have only letters and digits',
    });
    expect(normaliseDocumentNumber('123456', { country: 'Narnia' })).toEqual({
      ok: false,
      reason: 'unknown country "Narnia"',
    });
  });
});

describe('identifier text', () => {
  it('maps confusable characters', () => {
    expect(confusableKey('OQILZSGB')).toBe('00112568');
    expect(identifierText('ａｂ-12 ３').text).toBe('AB123');
  });

  it('converts country codes', () => {
    expect(toAlpha2('deu')).toBe('DE');
    expect(toAlpha2('de')).toBe('DE');
    expect(toAlpha2('XX')).toBeUndefined();
    expect(toAlpha3('gb')).toBe('GBR');
    expect(toAlpha2('ERI')).toBe('ER');
  });
});
