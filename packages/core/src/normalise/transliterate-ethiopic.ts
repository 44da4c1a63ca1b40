import anyAscii from 'any-ascii';

/**
 * Ge'ez script (Amharic, Tigrinya, Tigre…) to Latin. Each character is a consonant with one of seven
 * vowels; the sixth form carries no vowel, or an unwritten short one. any-ascii writes it bare
 * ("ዮሃንስ" → "yohans"), while people romanise it with an e or i where it breaks a cluster ("Yohannes",
 * "Berhane", "Gebremedhin"). The rule here inserts "e" after a bare consonant that starts a word and
 * is followed by more, and after a bare consonant that would otherwise close a cluster of bare ones
 * at the end of a word or before another bare one. Ejective and glottal marks (any-ascii's
 * apostrophes) are dropped.
 */

const ETHIOPIC_WORD_RE = /[\u1200-\u135a\u1380-\u139f\u2d80-\u2ddf\uab00-\uab2f]+/g;
const VOWEL_RE = /[aeiou]/;

const ethiopicWord = (word: string): string => {
  const parts: string[] = [];
  for (const ch of word) parts.push(anyAscii(ch).replace(/['`]/g, ''));
  const bare = parts.map((p) => p.length > 0 && !VOWEL_RE.test(p));
  let out = '';
  let pending = 0; // bare consonants since the last vowel
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    out += part;
    if (!bare[i]) {
      pending = VOWEL_RE.test(part) ? 0 : pending;
      continue;
    }
    const hasNext = i + 1 < parts.length;
    const nextBare = bare[i + 1] === true;
    const insert =
      (i === 0 && hasNext) || (pending >= 1 && hasNext && nextBare) || (i + 2 === parts.length && nextBare);
    if (insert) {
      out += 'e';
      pending = 0;
    } else pending++;
  }
  return out;
};

/** Transliterate Ethiopic text; characters outside Ethiopic words are left as they are. */
export const ethiopicToLatin = (text: string): string => text.replace(ETHIOPIC_WORD_RE, ethiopicWord);
