import { describe, expect, it } from 'vitest';
import { foldToken } from './name-fold.js';
import { phoneticKey, soundSourceOf } from './phonetic.js';

const key = (written: string): string => phoneticKey(foldToken(written));

describe('phoneticKey', () => {
  it.each([
    ['putin', 'btn'],
    ['poutine', 'btn'],
    ['poetin', 'btn'],
    ['butin', 'btn'],
    ['putini', 'btn'],
    ['muhammad', 'mhmt'],
    ['mohamed', 'mhmt'],
    ['mehmet', 'mhmt'],
    ['mhmd', 'mhmt'],
    ['vladimir', 'frtmr'],
    ['volodymyr', 'frtmr'],
    ['lima', 'rm'],
    ['rima', 'rm'],
    ['ahmad', 'ahmt'],
    ['hamid', 'hmt'],
    ['shevchenko', 'jfjnk'],
    ['schewtschenko', 'jfjnk'],
    ['nguyen', 'n'],
    ['tsvetkov', 'sftkf'],
  ])('%s → %s', (written, skeleton) => {
    expect(key(written)).toBe(skeleton);
  });

  it('reads tokens from Chinese characters and kana as those scripts write foreign names', () => {
    // 弗拉基米尔 普京 (pinyin j for d and t) and ウラジーミル プーチン (chi, ji for ti, di; ウ for v).
    expect(['fulajimier', 'pujing'].map((t) => phoneticKey(t, 'han'))).toEqual(['frtmr', 'btn']);
    expect(['urajimiru', 'puchin'].map((t) => phoneticKey(t, 'kana'))).toEqual(['frtmr', 'btn']);
    expect(['usama', 'uganda'].map((t) => phoneticKey(t, 'kana'))).toEqual(['fsm', 'fknt']);
    // Latin j and ch keep their own class.
    expect(['jamal', 'chaim'].map((t) => phoneticKey(t))).toEqual(['jmr', 'jm']);
    expect(soundSourceOf('kana')).toBe('kana');
    expect(soundSourceOf('cyrillic')).toBe('other');
  });

  it('keeps a leading vowel so that Ahmad and Hamid differ', () => {
    expect(key('ahmad')).not.toBe(key('hamid'));
  });

  it('gives an empty key for an empty token', () => {
    expect(phoneticKey('')).toBe('');
  });
});
