import { describe, expect, it } from 'vitest';
import { foldToken } from './name-fold.js';
import { phoneticKey } from './phonetic.js';

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
    ['vladimir', 'fltmr'],
    ['volodymyr', 'fltmr'],
    ['ahmad', 'ahmt'],
    ['hamid', 'hmt'],
    ['shevchenko', 'jfjnk'],
    ['schewtschenko', 'jfjnk'],
    ['nguyen', 'n'],
    ['tsvetkov', 'sftkf'],
  ])('%s → %s', (written, skeleton) => {
    expect(key(written)).toBe(skeleton);
  });

  it('keeps a leading vowel so that Ahmad and Hamid differ', () => {
    expect(key('ahmad')).not.toBe(key('hamid'));
  });

  it('gives an empty key for an empty token', () => {
    expect(phoneticKey('')).toBe('');
  });
});
