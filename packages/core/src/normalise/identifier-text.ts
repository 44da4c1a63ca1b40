import anyAscii from 'any-ascii';
import { cleanText } from './text.js';

/**
 * Text of identifiers (document numbers, plates, VINs): upper case, Latin, no separators. Cyrillic and
 * Greek capitals that look like Latin ones are read as those (a Russian plate "А123ВС" is typed with
 * Cyrillic А, В, С; a passport number copied from a Cyrillic record likewise), not transliterated by
 * sound (В would become V).
 */

const HOMOGLYPHS: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const HOMOGLYPH_RE = /[АВЕЁКМНОРСТУХІЈЅԚԜΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]/g;
const SEPARATORS_RE = /[\s\-./_:,;|\\]+/g;

/** Upper-cased Latin letters and digits of an identifier, separators removed; other characters kept for the caller to reject. */
export const identifierText = (raw: string, max = 64): { text: string; truncated: boolean } => {
  const clean = cleanText(raw, max);
  const upper = clean.text.toUpperCase().replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c);
  return { text: anyAscii(upper).toUpperCase().replace(SEPARATORS_RE, ''), truncated: clean.truncated };
};

/** The same text with its separators kept as single spaces (to find a prefix written apart). */
export const identifierWords = (raw: string, max = 64): string[] => {
  const upper = cleanText(raw, max)
    .text.toUpperCase()
    .replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c);
  return anyAscii(upper)
    .toUpperCase()
    .split(SEPARATORS_RE)
    .filter((w) => w !== '');
};

const CONFUSABLE: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/**
 * The confusable key of an identifier: characters that OCR and tired typists swap are written one
 * way — O and Q → 0, I and L → 1, Z → 2, S → 5, G → 6, B → 8 (the pairs machine-readable-zone OCR
 * confuses most). Agreement on this key and not on the strict one is weaker evidence.
 */
export const confusableKey = (text: string): string => text.replace(/[OQILZSGB]/g, (c) => CONFUSABLE[c] ?? c);
