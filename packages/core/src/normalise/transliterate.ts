import anyAscii from 'any-ascii';
import { HAN_COMPOUND_SURNAMES, HANGUL_SURNAMES } from './name-tables.js';
import { isAscii } from './text.js';
import { scriptOf, type Script } from './scripts.js';
import { arabicToLatin, hebrewToLatin } from './transliterate-abjad.js';
import { ethiopicToLatin } from './transliterate-ethiopic.js';

/**
 * Any script to lower-case ASCII. any-ascii is the base; the text is cut into runs of one script and
 * runs in scripts where any-ascii is weak get their own rules first: Arabic and Hebrew (vowel letters,
 * article), Ge'ez (unwritten vowels), Greek (ου = u, initial μπ/ντ/γκ = b/d/g), Armenian (ու = u),
 * Khmer (ី = i), Ukrainian (г = h, as Ukraine romanises it), Slavic Latin letters with a caron (č š ž
 * → ch sh zh, as Cyrillic is romanised) and Chinese and Korean names (syllables joined into words;
 * a one-word name of two to four syllables split into family and given name). Apostrophes that
 * any-ascii writes for ejectives, soft signs and ayn are dropped; the caller decides what to do with
 * apostrophes in Latin text.
 */

/** Options for {@link transliterate}. */
export interface TransliterateOptions {
  /** The text is a person's name: a one-word Chinese or Korean name is split into family and given name. */
  personName?: boolean;
}

// Name-internal separators that are not spaces: katakana and Chinese middle dots.
const NAME_DOT_RE = /[\u00b7\u2027\u30fb\u30a0\uff65]/g;
const APOSTROPHES_RE = /['`]/g;
const GREEK_RULES: readonly (readonly [RegExp, string])[] = [
  [/ο[υύϋΰ]/g, 'u'],
  [/(^|[^\u0370-\u03ff\u1f00-\u1fff])μπ/g, '$1b'],
  [/(^|[^\u0370-\u03ff\u1f00-\u1fff])ντ/g, '$1d'],
  [/(^|[^\u0370-\u03ff\u1f00-\u1fff])γκ/g, '$1g'],
  [/γγ/g, 'ng'],
];
const UKRAINIAN_RE = /[іїєґ]/;
const CARON: Readonly<Record<string, string>> = { č: 'ch', š: 'sh', ž: 'zh' };
const CARON_RE = /[čšž]/g;

const withRules = (text: string, rules: readonly (readonly [RegExp, string])[]): string => {
  let out = text;
  for (const [re, to] of rules) out = out.replace(re, to);
  return out;
};

const cjkRun = (run: string, wholeName: boolean): string => {
  const chars = Array.from(run);
  const syllables = chars.map((ch) => anyAscii(ch).toLowerCase());
  if (!wholeName || chars.length < 2 || chars.length > 4) return syllables.join('');
  const first = chars[0] ?? '';
  const familyLength = HAN_COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) && chars.length > 2 ? 2 : 1;
  const family =
    familyLength === 1 ? (HANGUL_SURNAMES.get(first) ?? syllables[0]) : syllables.slice(0, 2).join('');
  return `${family ?? ''} ${syllables.slice(familyLength).join('')}`;
};

type RunHandler = (run: string, wholeName: boolean) => string;

const stripApostrophes: RunHandler = (run) => anyAscii(run).replace(APOSTROPHES_RE, '');
const HANDLERS: Partial<Record<Script, RunHandler>> = {
  arabic: (run) => anyAscii(arabicToLatin(run)).replace(APOSTROPHES_RE, ''),
  hebrew: (run) => anyAscii(hebrewToLatin(run)).replace(APOSTROPHES_RE, ''),
  ethiopic: (run) => anyAscii(ethiopicToLatin(run)),
  greek: (run) => anyAscii(withRules(run, GREEK_RULES)),
  armenian: (run) => anyAscii(run.replace(/ու/g, 'u')),
  khmer: (run) => anyAscii(run.replace(/ី/g, 'i')),
  cyrillic: (run) => stripApostrophes(UKRAINIAN_RE.test(run) ? run.replace(/г/g, 'h') : run, false),
  han: cjkRun,
  hangul: cjkRun,
  latin: (run) => anyAscii(run.replace(CARON_RE, (c) => CARON[c] ?? c)),
  georgian: stripApostrophes,
  syriac: stripApostrophes,
  thaana: stripApostrophes,
};

const runToLatin = (script: Script | null, run: string, wholeName: boolean): string => {
  const handler = script === null ? undefined : HANDLERS[script];
  return handler === undefined ? anyAscii(run) : handler(run, wholeName);
};

/**
 * Transliterate `text` (already NFKC-normalised and lower-cased) to lower-case ASCII. Pure ASCII
 * input is returned as it is.
 */
export const transliterate = (text: string, options: TransliterateOptions = {}): string => {
  if (isAscii(text)) return text;
  const src = text.replace(NAME_DOT_RE, ' ');
  let out = '';
  let runScript: Script | null = null;
  let runStart = 0;
  for (let i = 0; i < src.length; i++) {
    const cp = src.codePointAt(i) ?? 0;
    const script = scriptOf(cp);
    if (script !== 'common' && script !== runScript) {
      if (i > runStart) out += runToLatin(runScript, src.slice(runStart, i), false);
      runScript = script;
      runStart = i;
    }
    if (cp > 0xffff) i++;
  }
  const last = src.slice(runStart);
  const wholeName = options.personName === true && runStart === 0 && !/\s/.test(last);
  out += runToLatin(runScript, last, wholeName);
  return out.toLowerCase();
};
