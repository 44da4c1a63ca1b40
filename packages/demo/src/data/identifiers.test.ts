import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { Rng } from '../prng.js';
import { IBAN_COUNTRIES, imoCheckDigit, isValidImo, isValidShipMmsi, makeIban, makeImo, makeMmsi, makeMobile } from './identifiers.js';
import { MID_BY_FLAG } from './countries.js';

describe('identifiers', () => {
  it('composes valid IBANs for every country that has them', () => {
    const rng = new Rng(1);
    for (const c of IBAN_COUNTRIES) {
      for (let i = 0; i < 50; i++) {
        const { iban } = makeIban(rng, c);
        expect(iban.startsWith(c.toUpperCase())).toBe(true);
        expect(isValidIBAN(iban), iban).toBe(true);
      }
    }
    const bad = makeIban(new Rng(2), 'de').iban.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    expect(isValidIBAN(electronicFormatIBAN(bad) ?? '')).toBe(false);
  });

  it('computes IMO check digits (weights 7..2, sum mod 10)', () => {
    expect(imoCheckDigit('907472')).toBe(9);
    expect(isValidImo('IMO 9074729')).toBe(true);
    expect(isValidImo('9074728')).toBe(false);
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) expect(isValidImo(makeImo(rng))).toBe(true);
  });

  it('gives 9-digit MMSIs that start with a MID of the flag', () => {
    const rng = new Rng(4);
    for (const [flag, mids] of Object.entries(MID_BY_FLAG)) {
      const mmsi = makeMmsi(rng, flag);
      expect(isValidShipMmsi(mmsi), mmsi).toBe(true);
      expect(mids).toContain(Number(mmsi.slice(0, 3)));
    }
    expect(isValidShipMmsi('123456789')).toBe(false);
    expect(isValidShipMmsi('24712345')).toBe(false);
  });

  it('writes mobiles in E.164', () => {
    expect(makeMobile(new Rng(5), 'ng')).toMatch(/^\+234(803|806|813|703|816|905)\d{7}$/);
    expect(makeMobile(new Rng(5), 'gb')).toMatch(/^\+447\d{9}$/);
  });
});
