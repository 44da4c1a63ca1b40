import { describe, expect, it } from 'vitest';
import { normaliseBic, normaliseIban } from './accounts.js';

describe('normaliseIban', () => {
  it('gives the electronic format, country and BBAN', () => {
    expect(normaliseIban('DE89 3704 0044 0532 0130 00')).toEqual({
      ok: true,
      value: { iban: 'DE89370400440532013000', country: 'DE', bban: '370400440532013000' },
    });
    const gb = normaliseIban('iban: gb82-west-1234-5698-7654-32');
    expect(gb.ok && gb.value.iban).toBe('GB82WEST12345698765432');
  });

  it('rejects wrong check digits, lengths and countries with the reason', () => {
    expect(normaliseIban('DE89370400440532013001')).toEqual({
      ok: false,
      reason: 'check digits do not match (a typo?)',
    });
    expect(normaliseIban('DE8937040044053201300')).toEqual({
      ok: false,
      reason:
        'wrong length for its country; wrong account number format for its country; check digits do not match (a typo?)',
    });
    expect(normaliseIban('XX89370400440532013000')).toEqual({ ok: false, reason: 'unknown IBAN country' });
    expect(normaliseIban('')).toEqual({ ok: false, reason: 'empty IBAN' });
    expect(normaliseIban('not an iban')).toEqual({ ok: false, reason: 'not an IBAN' });
    expect(normaliseIban('DE'.repeat(40)).ok).toBe(false);
  });
});

describe('normaliseBic', () => {
  it('pads 8-character BICs to 11 and splits the parts', () => {
    expect(normaliseBic('deut de ff')).toEqual({
      ok: true,
      value: {
        bic: 'DEUTDEFFXXX',
        bic8: 'DEUTDEFF',
        bankCode: 'DEUT',
        country: 'DE',
        locationCode: 'FF',
        branchCode: 'XXX',
      },
    });
    const branch = normaliseBic('DEUTDEFF500');
    expect(branch.ok && branch.value.bic8).toBe('DEUTDEFF');
  });

  it('rejects malformed BICs', () => {
    expect(normaliseBic('DEUTXXFF')).toEqual({ ok: false, reason: 'unknown BIC country' });
    expect(normaliseBic('DEU')).toEqual({
      ok: false,
      reason: 'not a BIC (8 or 11 characters: bank, country, location, branch)',
    });
    expect(normaliseBic('').ok).toBe(false);
  });
});
