import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate.js';
import { arabicToLatin, hebrewToLatin } from './transliterate-abjad.js';
import { ethiopicToLatin } from './transliterate-ethiopic.js';

describe('transliterate', () => {
  it('returns ASCII as it is', () => {
    expect(transliterate('john smith')).toBe('john smith');
  });

  it.each([
    ['владимир путин', 'vladimir putin'],
    ['ольга', 'olga'],
    ['ольга іванівна', 'olha ivanivna'],
    ['ильич', 'ilich'],
    ['πούτιν', 'putin'],
    ['μπάμπης', 'bampis'],
    ['ντίνος', 'dinos'],
    ['պուտին', 'putin'],
    ['ពូទីន', 'poutin'],
    ['პუტინი', 'putini'],
    ['nguyễn văn đức', 'nguyen van duc'],
    ['dvořák šťastný žižka', 'dvorak shtastny zhizhka'],
    ['ウラジーミル・プーチン', 'urajimiru puchin'],
    ['弗拉基米尔·普京', 'fulajimier pujing'],
  ])('%s → %s', (text, latin) => {
    expect(transliterate(text)).toBe(latin);
  });

  it('splits one-word Chinese and Korean person names into family and given name', () => {
    expect(transliterate('王小明', { personName: true })).toBe('wang xiaoming');
    expect(transliterate('王小明')).toBe('wangxiaoming');
    expect(transliterate('欧阳修', { personName: true })).toBe('ouyang xiu');
    expect(transliterate('김정은', { personName: true })).toBe('kim jeongeun');
    expect(transliterate('이민호', { personName: true })).toBe('lee minho');
  });
});

describe('arabicToLatin', () => {
  it.each([
    ['فلاديمير', 'fladimir'],
    ['بوتين', 'butin'],
    ['محمد', 'mhmd'],
    ['مُحَمَّد', 'muhamad'],
    ['علي', 'ali'],
    ['عمر', 'amr'],
    ['داود', 'dawd'],
    ['فاطمة', 'fatma'],
    ['الحسن', 'al hsn'],
    ['عبدالرحمن', 'abdalrhmn'],
    ['عبدالله', 'abdallah'],
    ['پوتین', 'putin'],
    ['چنگیز', 'chngiz'],
  ])('%s → %s', (text, latin) => {
    expect(arabicToLatin(text)).toBe(latin);
  });
});

describe('hebrewToLatin', () => {
  it.each([
    ['פוטין', 'putin'],
    ['ולדימיר', 'vldimir'],
    ['משה', 'mshe'],
    ['כהן', 'khn'],
    ['ג׳ורג׳', 'jurj'],
  ])('%s → %s', (text, latin) => {
    expect(hebrewToLatin(text)).toBe(latin);
  });
});

describe('ethiopicToLatin', () => {
  it.each([
    ['ዮሃንስ', 'yohanes'],
    ['ብርሃነ', 'berhane'],
    ['ገብረመድህን', 'gebremedhen'],
    ['ተስፋዬ', 'tesfaye'],
    ['ሥላሴ', 'selase'],
    ['ሀብቶም', 'habtom'],
    ['ኣማኑኤል', 'amanuel'],
    ['ጸጋይ', 'tsegay'],
    ['ዳዊት', 'dawit'],
  ])('%s → %s', (text, latin) => {
    expect(ethiopicToLatin(text)).toBe(latin);
  });
});
