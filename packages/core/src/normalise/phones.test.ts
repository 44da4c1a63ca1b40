import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phones.js';

const e164 = (raw: string, defaultRegion?: string): string => {
  const r = normalisePhone(raw, defaultRegion === undefined ? {} : { defaultRegion });
  if (!r.ok) throw new Error(`expected a phone number, got: ${r.reason}`);
  return r.value.e164;
};

describe('normalisePhone', () => {
  it('gives national and international forms of one number the same E.164', () => {
    const forms = ['+49 30 1234567', '+49 (0)30 1234567', '0049 30 1234567', '+49-30-123-4567'];
    for (const f of forms) expect(e164(f), f).toBe('+49301234567');
    expect(e164('030 1234567', 'DE')).toBe('+49301234567');
    expect(e164('0049 30 1234567', 'DE')).toBe('+49301234567');
    expect(e164('030/123 45 67', 'de')).toBe('+49301234567');
    expect(e164('0911 234567', 'ET')).toBe('+251911234567');
    expect(e164('+251 911 234 567', 'GB')).toBe('+251911234567');
  });

  it('reports country, type and extension', () => {
    const r = normalisePhone('+1 202 555 0100 ext. 12');
    expect(r).toEqual({
      ok: true,
      value: { e164: '+12025550100', country: 'US', type: 'FIXED_LINE_OR_MOBILE', extension: '12' },
    });
    const mobile = normalisePhone('0612345678', { defaultRegion: 'NL' });
    expect(mobile.ok && mobile.value.type).toBe('MOBILE');
    // Asked not to, it spares the second pass over the plan: the same number, no type.
    expect(normalisePhone('0612345678', { defaultRegion: 'NL', type: false })).toEqual({
      ok: true,
      value: { e164: '+31612345678', country: 'NL' },
    });
  });

  it('rejects what is not a valid number, with the reason', () => {
    expect(normalisePhone('')).toEqual({ ok: false, reason: 'empty phone number' });
    expect(normalisePhone('030 1234567')).toEqual({
      ok: false,
      reason: 'no country: the number is not international and no default region was given',
    });
    expect(normalisePhone('hello', { defaultRegion: 'DE' })).toEqual({
      ok: false,
      reason: 'not a phone number',
    });
    expect(normalisePhone('+1 999 555 0100')).toEqual({
      ok: false,
      reason: 'not a valid number in the numbering plan of +1',
    });
    expect(normalisePhone('+49 1', {}).ok).toBe(false);
    expect(normalisePhone('1'.repeat(100)).ok).toBe(false);
    expect(normalisePhone('030 1234567', { defaultRegion: 'XX' })).toEqual({
      ok: false,
      reason: 'unknown region "XX"',
    });
  });
});
