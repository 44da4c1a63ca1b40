/**
 * Phonetic key: a consonant skeleton for names that went through transliteration.
 *
 * Why not Double Metaphone or Soundex: both are built for English spelling and keep vowels at the
 * start and treat letters by English rules. Names in Clew come through scripts that do not write short
 * vowels (Arabic, Hebrew), through romanisations that disagree on vowels (Mohammed/Muhammad,
 * Poetin/Poutine/Putin, Yohannes/Yohanis) and on voicing (Ahmed/Ahmet, Mahmud/Mahmut, Gebre/Kebre),
 * and Arabic has no p and no v (بوتين is "butin"). The skeleton keeps what survives all of these:
 * consonants, grouped into classes, with vowels dropped.
 *
 * On a folded token (see name-fold.ts):
 *  - a leading vowel (or y) is kept as "a": Ahmad and Hamid must not share a key;
 *  - other vowels and y are dropped;
 *  - sh, ch, zh, j → j; ts → s; dz → t; ng → n;
 *  - b, p → b; f, v, w → f; d, t → t; g, k, q → k; s, z, c, x → s; l, r → r (Japanese, Korean and
 *    Chinese write one sound for both, and romanisations of them disagree); h, j, m, n stay;
 *  - repeats of one class collapse, also across dropped vowels (Volodymyr/Vladimir: "frtmr").
 * So Putin, Poutine, Poetin, Putyin, بوتين and פוטין all give "btn"; Muhammad, Mohamed, Mehmet and
 * محمد give "mhmt". A shared skeleton is weak evidence by design — it is for finding candidates and as
 * one feature among others, never a match by itself.
 *
 * Tokens transliterated from Chinese characters or kana follow how those scripts write foreign names
 * (`source`): pinyin j writes a foreign d or t (弗拉基米尔 fu-la-ji-mi-er is Vladimir, 普京 pu-jing is
 * Putin); katakana チ and ジ (Hepburn chi, ji) write ti and di, and a word-initial ウ before a consonant
 * writes v or w (ウラジーミル・プーチン, u-ra-ji-mi-ru pu-chi-n). So both give "frtmr btn".
 */

/** The script a token was transliterated from, where that changes what its letters stand for. */
export type SoundSource = 'han' | 'kana' | 'other';

/** The sound source of a name written mainly in `script` (a Script of scripts.ts). */
export const soundSourceOf = (script: string): SoundSource =>
  script === 'han' || script === 'kana' ? script : 'other';

const CLASS: Readonly<Record<string, string>> = {
  b: 'b',
  p: 'b',
  f: 'f',
  v: 'f',
  w: 'f',
  d: 't',
  t: 't',
  g: 'k',
  k: 'k',
  q: 'k',
  s: 's',
  z: 's',
  c: 's',
  x: 's',
  h: 'h',
  j: 'j',
  l: 'r',
  m: 'm',
  n: 'n',
  r: 'r',
};
const VOWELS = 'aeiouy';

// A bounded memo of this pure function, as for foldToken: repeated tokens cost one lookup.
const MEMO = new Map<string, string>();
const MEMO_LIMIT = 65_536;

/** The consonant skeleton of one folded name token (see the rules above). */
export const phoneticKey = (token: string, source: SoundSource = 'other'): string => {
  const memoKey = source === 'other' ? token : `${source}:${token}`;
  const hit = MEMO.get(memoKey);
  if (hit !== undefined) return hit;
  const out = skeleton(token, source);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(memoKey, out);
  return out;
};

const skeleton = (token: string, source: SoundSource): string => {
  let out = '';
  let last = '';
  for (let i = 0; i < token.length; i++) {
    const c = token[i] ?? '';
    const n = token[i + 1] ?? '';
    let k: string;
    if (VOWELS.includes(c)) {
      if (i === 0) out = last = source === 'kana' && c === 'u' && n !== '' && !VOWELS.includes(n) ? 'f' : 'a';
      continue;
    }
    if (source !== 'other' && (c === 'j' || (source === 'kana' && c === 'c' && n === 'h'))) {
      k = 't';
      if (c === 'c') i++;
    } else if (n === 'h' && (c === 's' || c === 'c' || c === 'z')) {
      k = 'j';
      i++;
    } else if (c === 't' && n === 's') {
      k = 's';
      i++;
    } else if (c === 'd' && n === 'z') {
      k = 't';
      i++;
    } else if (c === 'n' && n === 'g') {
      k = 'n';
      i++;
    } else k = CLASS[c] ?? '';
    if (k !== '' && k !== last) out += k;
    if (k !== '') last = k;
  }
  return out;
};
