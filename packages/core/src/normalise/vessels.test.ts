import { describe, expect, it } from 'vitest';
import { imoCheckDigit, normaliseImo, normaliseMmsi } from './vessels.js';

describe('normaliseImo', () => {
  it('accepts 7 digits with a valid check digit, with or without the prefix', () => {
    expect(normaliseImo('IMO 9074729')).toEqual({ ok: true, value: '9074729' });
    expect(normaliseImo('imo:9176187')).toEqual({ ok: true, value: '9176187' });
    expect(normaliseImo('9 074 729')).toEqual({ ok: true, value: '9074729' });
    expect(imoCheckDigit('907472')).toBe(9);
  });

  it('rejects wrong check digits and lengths', () => {
    expect(normaliseImo('9074728')).toEqual({ ok: false, reason: 'check digit is 8, expected 9 (a typo?)' });
    expect(normaliseImo('907472')).toEqual({ ok: false, reason: 'an IMO number has 7 digits' });
    expect(normaliseImo('IMO')).toEqual({ ok: false, reason: 'empty IMO number' });
    expect(normaliseImo('IMO 90747A9').ok).toBe(false);
  });
});

describe('normaliseMmsi', () => {
  it('reads ships and their flag MID', () => {
    expect(normaliseMmsi('211331640')).toEqual({
      ok: true,
      value: { mmsi: '211331640', kind: 'ship', mid: 211 },
    });
    expect(normaliseMmsi('MMSI 636 012 345')).toEqual({
      ok: true,
      value: { mmsi: '636012345', kind: 'ship', mid: 636 },
    });
  });

  it('recognises other stations by their prefix', () => {
    expect(normaliseMmsi('002111234')).toEqual({
      ok: true,
      value: { mmsi: '002111234', kind: 'coast-station', mid: 211 },
    });
    expect(normaliseMmsi('021112345').ok && normaliseMmsi('021112345')).toMatchObject({
      value: { kind: 'group' },
    });
    expect(normaliseMmsi('111211234')).toMatchObject({ value: { kind: 'sar-aircraft', mid: 211 } });
    expect(normaliseMmsi('992111234')).toMatchObject({ value: { kind: 'aid-to-navigation', mid: 211 } });
    expect(normaliseMmsi('970123456')).toEqual({
      ok: true,
      value: { mmsi: '970123456', kind: 'autonomous-device' },
    });
  });

  it('rejects wrong lengths and MIDs outside 201–775', () => {
    expect(normaliseMmsi('21133164')).toEqual({ ok: false, reason: 'an MMSI has 9 digits' });
    expect(normaliseMmsi('776123456')).toEqual({
      ok: false,
      reason: 'maritime identification digits 776 are outside 201–775',
    });
    expect(normaliseMmsi('200123456').ok).toBe(false);
    expect(normaliseMmsi('199123456')).toEqual({ ok: false, reason: 'no MMSI starts with 19' });
    expect(normaliseMmsi('')).toEqual({ ok: false, reason: 'empty MMSI' });
  });
});
