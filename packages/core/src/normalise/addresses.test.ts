import { describe, expect, it } from 'vitest';
import { normaliseAddress, type NormalisedAddress } from './addresses.js';

const address = (raw: string, country?: string): NormalisedAddress => {
  const r = normaliseAddress(raw, country === undefined ? {} : { country });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('normaliseAddress', () => {
  it('expands abbreviations, drops punctuation and finds the postcode', () => {
    expect(address('12 St Mary St., London SW1A 1AA', 'GB')).toMatchObject({
      text: '12 saint mary street london sw1a 1aa',
      postcode: 'SW1A1AA',
      country: 'GB',
    });
    expect(address('Hauptstr. 5, 10115 Berlin')).toMatchObject({
      text: 'hauptstrasse 5 10115 berlin',
      postcode: '10115',
    });
    expect(address('Hauptstraße 5, 10115 Berlin').text).toBe('hauptstrasse 5 10115 berlin');
    expect(address('1600 Pennsylvania Ave NW, Washington, DC 20500', 'US')).toMatchObject({
      text: '1600 pennsylvania avenue nw washington dc 20500',
      postcode: '20500',
    });
    expect(address('Rue St Denis 4').text).toBe('rue saint denis 4');
    expect(address('Main St Apt 5').text).toBe('main street apartment 5');
  });

  it('transliterates other scripts', () => {
    expect(address('ул. Ленина, д. 5, Москва, 101000')).toMatchObject({
      text: 'ulitsa lenina d 5 moskva 101000',
      postcode: '101000',
    });
  });

  it('recognises distinctive postcode formats without a country', () => {
    expect(address('ul. Marszałkowska 1, 00-624 Warszawa').postcode).toBe('00624');
    expect(address('10 Downing Street, London SW1A 2AA').postcode).toBe('SW1A2AA');
    expect(address('Keizersgracht 1, 1015 CJ Amsterdam', 'NL').postcode).toBe('1015CJ');
    expect(address('Via Roma 1').postcode).toBeUndefined();
  });

  it('rejects empty input and unknown countries', () => {
    expect(normaliseAddress('  ')).toEqual({ ok: false, reason: 'empty address' });
    expect(normaliseAddress('!!!')).toEqual({ ok: false, reason: 'address has no letters or digits' });
    expect(normaliseAddress('x', { country: 'QQ' })).toEqual({ ok: false, reason: 'unknown country "QQ"' });
  });

  it('cuts very long input and says so', () => {
    expect(address('Street '.repeat(2000)).truncated).toBe(true);
  });
});
