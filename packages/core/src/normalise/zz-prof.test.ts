import { it } from 'vitest';
import { foldToken } from './name-fold.js';
import { cleanText } from './text.js';
import { transliterate } from './transliterate.js';
import { splitTokens, mergeCompounds, classifyTokens } from './name-tokens.js';
import { canonicalNameToken, isArabicName } from './name-lookup.js';
import { phoneticKey } from './phonetic.js';
it('prof', () => {
  const time = (label: string, fn: () => unknown, n = 100000) => {
    for (let i = 0; i < 10000; i++) fn();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    console.log(`${label}: ${(((performance.now() - t0) * 1000) / n).toFixed(2)} µs`);
  };
  const raw = 'Mohammed bin Salman Al Saud';
  time('cleanText', () => cleanText(raw));
  time('lower+translit', () => transliterate(raw.toLowerCase()));
  const split = splitTokens(raw.toLowerCase());
  time('split', () => splitTokens(raw.toLowerCase()));
  time('fold x5', () => split.map(foldToken));
  const folded = split.map(foldToken);
  time('merge', () => mergeCompounds(folded));
  time('canonical', () => folded.map((t) => canonicalNameToken(t)));
  time('classify', () => classifyTokens(folded, isArabicName));
  time('phonetic', () => folded.map(phoneticKey));
});
