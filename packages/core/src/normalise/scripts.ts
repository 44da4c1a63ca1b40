/**
 * Which writing system a text is in, by Unicode block. Used to pick transliteration rules and to tell
 * the matcher what the original looked like (a name first written in Arabic lost its short vowels).
 */

/** The scripts the normalisers tell apart; `common` is punctuation, digits and marks, `other` the rest. */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'georgian'
  | 'hebrew'
  | 'arabic'
  | 'syriac'
  | 'thaana'
  | 'ethiopic'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'oriya'
  | 'tamil'
  | 'telugu'
  | 'kannada'
  | 'malayalam'
  | 'sinhala'
  | 'thai'
  | 'lao'
  | 'tibetan'
  | 'myanmar'
  | 'khmer'
  | 'mongolian'
  | 'hangul'
  | 'kana'
  | 'han'
  | 'other'
  | 'common';

// Sorted, non-overlapping [first, last, script] ranges; anything not listed is `common` below U+0250
// and `other` above it (unless it is in a listed symbol or punctuation block).
const RANGES: readonly (readonly [number, number, Script])[] = [
  [0x41, 0x5a, 'latin'],
  [0x61, 0x7a, 'latin'],
  [0xaa, 0xaa, 'latin'],
  [0xba, 0xba, 'latin'],
  [0xc0, 0xd6, 'latin'],
  [0xd8, 0xf6, 'latin'],
  [0xf8, 0x2af, 'latin'],
  [0x2b0, 0x36f, 'common'], // modifier letters, combining diacritics
  [0x370, 0x3ff, 'greek'],
  [0x400, 0x52f, 'cyrillic'],
  [0x530, 0x58f, 'armenian'],
  [0x590, 0x5ff, 'hebrew'],
  [0x600, 0x6ff, 'arabic'],
  [0x700, 0x74f, 'syriac'],
  [0x750, 0x77f, 'arabic'],
  [0x780, 0x7bf, 'thaana'],
  [0x8a0, 0x8ff, 'arabic'],
  [0x900, 0x97f, 'devanagari'],
  [0x980, 0x9ff, 'bengali'],
  [0xa00, 0xa7f, 'gurmukhi'],
  [0xa80, 0xaff, 'gujarati'],
  [0xb00, 0xb7f, 'oriya'],
  [0xb80, 0xbff, 'tamil'],
  [0xc00, 0xc7f, 'telugu'],
  [0xc80, 0xcff, 'kannada'],
  [0xd00, 0xd7f, 'malayalam'],
  [0xd80, 0xdff, 'sinhala'],
  [0xe00, 0xe7f, 'thai'],
  [0xe80, 0xeff, 'lao'],
  [0xf00, 0xfff, 'tibetan'],
  [0x1000, 0x109f, 'myanmar'],
  [0x10a0, 0x10ff, 'georgian'],
  [0x1100, 0x11ff, 'hangul'],
  [0x1200, 0x139f, 'ethiopic'],
  [0x1780, 0x17ff, 'khmer'],
  [0x1800, 0x18af, 'mongolian'],
  [0x1c80, 0x1c8f, 'cyrillic'],
  [0x1c90, 0x1cbf, 'georgian'],
  [0x1d00, 0x1dbf, 'latin'],
  [0x1dc0, 0x1dff, 'common'],
  [0x1e00, 0x1eff, 'latin'],
  [0x1f00, 0x1fff, 'greek'],
  [0x2000, 0x2bff, 'common'], // punctuation, symbols, arrows, shapes
  [0x2c60, 0x2c7f, 'latin'],
  [0x2d00, 0x2d2f, 'georgian'],
  [0x2d80, 0x2ddf, 'ethiopic'],
  [0x2de0, 0x2dff, 'cyrillic'],
  [0x2e00, 0x2e7f, 'common'],
  [0x2e80, 0x2fdf, 'han'],
  [0x3000, 0x303f, 'common'], // CJK punctuation
  [0x3040, 0x309f, 'kana'],
  [0x30a0, 0x30ff, 'kana'],
  [0x3130, 0x318f, 'hangul'],
  [0x31f0, 0x31ff, 'kana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xa640, 0xa69f, 'cyrillic'],
  [0xa720, 0xa7ff, 'latin'],
  [0xa960, 0xa97f, 'hangul'],
  [0xab00, 0xab2f, 'ethiopic'],
  [0xab30, 0xab6f, 'latin'],
  [0xac00, 0xd7ff, 'hangul'],
  [0xd800, 0xdfff, 'common'], // lone surrogates
  [0xf900, 0xfaff, 'han'],
  [0xfb00, 0xfb06, 'latin'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe00, 0xfe6f, 'common'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff00, 0xff20, 'common'],
  [0xff21, 0xff3a, 'latin'],
  [0xff41, 0xff5a, 'latin'],
  [0xff65, 0xff9f, 'kana'],
  [0x1f000, 0x1faff, 'common'], // emoji and symbols
  [0x20000, 0x3134f, 'han'],
];

/** The script of one code point. */
export const scriptOf = (cp: number): Script => {
  if (cp < 0x41) return 'common';
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = RANGES[mid];
    if (r === undefined) break;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return r[2];
  }
  return cp < 0x250 ? 'common' : 'other';
};

/**
 * The main script of a text: the one most of its letters are written in, or `common` when it has no
 * letters at all. Ties go to a script other than Latin (the rarer script tells more about where the
 * name came from), then alphabetically, so that the answer does not depend on the order of words.
 */
export const detectScript = (text: string): Script => {
  const counts = new Map<Script, number>();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    const script = scriptOf(cp);
    if (script !== 'common') counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'common';
  let bestCount = 0;
  for (const [script, n] of counts) {
    const better =
      n > bestCount ||
      (n === bestCount && (best === 'latin' ? script !== 'latin' : script !== 'latin' && script < best));
    if (better) {
      best = script;
      bestCount = n;
    }
  }
  return best;
};
