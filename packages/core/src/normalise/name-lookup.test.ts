import { describe, expect, it } from 'vitest';
import { canonicalNameToken, nameCognateKey, nameTableForm } from './name-lookup.js';
import { NAME_COGNATES, NAME_EQUIVALENTS } from './name-tables.js';

describe('the name tables', () => {
  const groups = Object.values(NAME_EQUIVALENTS).flat();

  it('has every spelling make one token', () => {
    for (const group of [...groups, ...NAME_COGNATES]) {
      for (const entry of group) expect(nameTableForm(entry), entry).toBeDefined();
    }
  });

  it('has no spelling in two equivalence groups', () => {
    const owner = new Map<string, string>();
    for (const group of groups) {
      const head = group[0] ?? '';
      for (const entry of group) {
        const form = nameTableForm(entry) ?? '';
        const seen = owner.get(form);
        expect(
          seen === undefined || seen === head,
          `${entry} (${form}) is in ${seen ?? ''} and ${head}`,
        ).toBe(true);
        owner.set(form, head);
      }
    }
  });

  it('maps every spelling to its group canonical form', () => {
    for (const group of groups) {
      const head = nameTableForm(group[0] ?? '') ?? '';
      for (const entry of group) expect(canonicalNameToken(nameTableForm(entry) ?? ''), entry).toBe(head);
    }
  });
});

describe('canonicalNameToken', () => {
  it('leaves names outside the table as they are', () => {
    expect(canonicalNameToken('smit')).toBe('smit');
  });

  it('strips an attached article before a known name', () => {
    expect(canonicalNameToken('alhasan')).toBe('hasan');
    expect(canonicalNameToken('alberto')).toBe('alberto');
  });

  it('matches Arabic-script tokens by consonants and written vowels', () => {
    expect(canonicalNameToken('mhmd', 'arabic')).toBe('muhamad');
    expect(canonicalNameToken('hsin', 'arabic')).toBe('husain');
    expect(canonicalNameToken('hsn', 'arabic')).toBe('hasan');
    // Long vowels the script writes must be there: slman is not sulaiman.
    expect(canonicalNameToken('slmn', 'arabic')).toBe('salman');
    expect(canonicalNameToken('sliman', 'arabic')).toBe('sulaiman');
    // Not for Latin script, where a missing vowel is a different name (the table's own Arabic
    // spellings, such as mhmd for محمد, are found in any script).
    expect(canonicalNameToken('slmn', 'latin')).toBe('slmn');
    expect(canonicalNameToken('mhmd', 'latin')).toBe('muhamad');
  });
});

describe('nameCognateKey', () => {
  it('puts cognates in one group and keeps them out of the equivalents', () => {
    expect(nameCognateKey('yosef')).toBe(nameCognateKey('yusuf'));
    expect(nameCognateKey('yohn')).toBe(nameCognateKey('yohanes'));
    expect(canonicalNameToken('yohn')).not.toBe(canonicalNameToken('yohanes'));
    expect(nameCognateKey('smit')).toBeUndefined();
  });
});
