/**
 * Arabic-script (Arabic, Persian, Urdu, Pashto…) and Hebrew to Latin. any-ascii drops alef and writes
 * every waw and yeh as a consonant ("فلاديمير" → "fldymyr"); these rules write the long vowels the
 * script does show (alef → a; waw and yeh between consonants → u and i), split off the definite
 * article and keep "Allah" whole, so the output can meet a Latin spelling of the same name. Short
 * vowels that the script does not write stay missing; the phonetic key and the skeleton lookup of
 * the name table bridge that gap.
 */

const HARAKAT: Readonly<Record<string, string>> = {
  '\u064e': 'a', // fatha
  '\u064f': 'u', // damma
  '\u0650': 'i', // kasra
  '\u0670': 'a', // superscript alef
};

const ARABIC: Readonly<Record<string, string>> = {
  ء: '',
  آ: 'a',
  أ: 'a',
  ؤ: 'u',
  إ: 'i',
  ئ: 'i',
  ا: 'a',
  ٱ: 'a',
  ب: 'b',
  ة: 'a',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ى: 'a',
  // Persian, Urdu, Pashto and Kurdish letters
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  ڤ: 'v',
  ک: 'k',
  گ: 'g',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ہ: 'h',
  ۃ: 'a',
  ۀ: 'a',
  ے: 'e',
  ۓ: 'e',
  ە: 'e',
};
const ARABIC_W = new Set(['و', 'ۆ', 'ۇ', 'ۈ', 'ۋ']);
const ARABIC_Y = new Set(['ي', 'ی', 'ێ', 'ې', 'ۍ']);
const ARABIC_VOWEL_LETTERS = new Set(['ا', 'آ', 'أ', 'إ', 'ى', 'ة', 'ٱ']);
const ARABIC_AYN = 'ع';
const ARABIC_LETTER_RE =
  /[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]/;
const ARABIC_WORD_RE =
  /[\u0620-\u065f\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]+/g;

const isArabicLetter = (ch: string | undefined): boolean => ch !== undefined && ARABIC_LETTER_RE.test(ch);
const isVowelSign = (ch: string | undefined): boolean => ch !== undefined && ch in HARAKAT;

// Waw and yeh are vowels (ū, ī) after a consonant unless a vowel follows; at the start of a word, after
// a long vowel or before one, they are consonants.
const semivowel = (word: string, i: number, consonant: string, vowel: string): string => {
  if (i === 0) return consonant;
  const prev = word[i - 1];
  const next = word[i + 1];
  const afterConsonant = isArabicLetter(prev) && !ARABIC_VOWEL_LETTERS.has(prev ?? '');
  const beforeVowel = ARABIC_VOWEL_LETTERS.has(next ?? '') || isVowelSign(next);
  return afterConsonant && !beforeVowel ? vowel : consonant;
};

const arabicWord = (word: string): string => {
  if (word === 'الله') return 'allah';
  let prefix = '';
  let rest = word;
  if (rest.startsWith('عبدال') && rest.length > 5) {
    prefix = 'abd';
    rest = rest.slice(3);
  }
  if (rest === 'الله') return prefix + 'allah';
  if (rest.endsWith('الله') && rest.length > 4) {
    return prefix + arabicWord(rest.slice(0, -4)) + 'allah';
  }
  if (rest.startsWith('ال') && rest.length > 3) {
    // The definite article: a separate token, so that it can be dropped as a particle.
    return prefix + (prefix ? 'al' : 'al ') + arabicWord(rest.slice(2));
  }
  let out = prefix;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i] ?? '';
    if (ARABIC_W.has(ch)) out += semivowel(rest, i, 'w', 'u');
    else if (ARABIC_Y.has(ch)) out += semivowel(rest, i, 'y', 'i');
    else if (ch === ARABIC_AYN) out += i === 0 ? 'a' : '';
    else if (ch === 'ه' && i === rest.length - 1 && i > 0) out += 'a';
    else out += ARABIC[ch] ?? HARAKAT[ch] ?? '';
  }
  return out;
};

/** Transliterate Arabic-script text; characters outside Arabic words are left as they are. */
export const arabicToLatin = (text: string): string => text.replace(ARABIC_WORD_RE, arabicWord);

const HEBREW: Readonly<Record<string, string>> = {
  א: '',
  ב: 'v',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ז: 'z',
  ח: 'h',
  ט: 't',
  כ: 'kh',
  ך: 'kh',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: '',
  פ: 'f',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};
// Word-initial bet, kaf and pe are plosives (b, k, p); geresh marks foreign sounds (ג׳ = j, צ׳ = ch).
const HEBREW_INITIAL: Readonly<Record<string, string>> = { ב: 'b', כ: 'k', פ: 'p', א: 'a', ע: 'a' };
const HEBREW_GERESH: Readonly<Record<string, string>> = { ג: 'j', צ: 'ch', ז: 'zh', ת: 't' };
const HEBREW_WORD_RE = /[\u05d0-\u05ea\u05f0-\u05f4'’\p{M}]+/gu;

const hebrewWord = (word: string): string => {
  const letters = word.replace(/[\u05b0-\u05c7]/g, ''); // niqqud: vowel points are rarely written
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i] ?? '';
    const next = letters[i + 1];
    if (next === '׳' || next === "'" || next === '’') {
      out += HEBREW_GERESH[ch] ?? HEBREW[ch] ?? '';
      i++;
    } else if (ch === 'ו' || ch === 'י') {
      const doubled = next === ch;
      if (i === 0 || doubled) out += ch === 'ו' ? 'v' : 'y';
      else out += ch === 'ו' ? 'u' : 'i';
      if (doubled) i++;
    } else if (i === 0 && ch in HEBREW_INITIAL) out += HEBREW_INITIAL[ch] ?? '';
    else if (ch === 'ה' && i === letters.length - 1 && i > 0)
      out += 'e'; // final he is a vowel (Moshe)
    else out += HEBREW[ch] ?? '';
  }
  return out;
};

/** Transliterate Hebrew text; characters outside Hebrew words are left as they are. */
export const hebrewToLatin = (text: string): string => text.replace(HEBREW_WORD_RE, hebrewWord);
