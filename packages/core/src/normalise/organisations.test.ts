import { describe, expect, it } from 'vitest';
import { normaliseOrganisation, type NormalisedOrganisation } from './organisations.js';

const org = (raw: string): NormalisedOrganisation => {
  const r = normaliseOrganisation(raw);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('normaliseOrganisation', () => {
  it.each([
    ['Acme Ltd.', 'acme', 'ltd', 'limited'],
    ['ACME LIMITED', 'acme', 'ltd', 'limited'],
    ['Acme Trading Co., Ltd.', 'acme trading', 'ltd', 'limited'],
    ['Acme LLC', 'acme', 'llc', 'limited'],
    ['Müller GmbH & Co. KG', 'muller', 'gmbh-co-kg', 'partnership'],
    ['Ferrari S.p.A.', 'ferrari', 'spa', 'public'],
    ['Dupont SARL', 'dupont', 'sarl', 'limited'],
    ['ООО «Ромашка»', 'romashka', 'ooo', 'limited'],
    ['OOO Romashka', 'romashka', 'ooo', 'limited'],
    ['Kastrati Sh.p.k.', 'kastrati', 'shpk', 'limited'],
    ['Koç Holding A.Ş.', 'holding koc', 'as', 'limited'],
    ['Alpha EOOD', 'alpha', 'eood', 'limited'],
    ['Polfarma Sp. z o.o.', 'polfarma', 'sp-zoo', 'limited'],
    ['PT Bank Central Asia Tbk', 'asia bank central', 'pt', 'limited'],
    ['The Shipping Company Inc', 'company shipping', 'inc', 'company'],
  ])('%s → key %j, legal form %s', (raw, key, code, kind) => {
    const o = org(raw);
    expect(o.key).toBe(key);
    expect(o.legalForm).toEqual({ code, kind });
  });

  it('keeps a name that is only a legal form, and names without one', () => {
    expect(org('Ltd')).toMatchObject({ tokens: ['ltd'], legalForm: null });
    expect(org('Red Cross')).toMatchObject({ key: 'cross red', legalForm: null });
  });

  it('detects the script and rejects empty names', () => {
    expect(org('ООО «Ромашка»').script).toBe('cyrillic');
    expect(normaliseOrganisation('')).toEqual({ ok: false, reason: 'empty name' });
    expect(normaliseOrganisation('«»')).toEqual({ ok: false, reason: 'name has no letters or digits' });
  });
});
