import { foldAbdCompound, foldToken } from './name-fold.js';
import {
  ARABIC_ONLY_PARTICLES,
  COMPOUND_HEADS,
  HONORIFICS,
  PARTICLES,
  SUN_ARTICLES,
  VIETNAMESE_KEPT_PARTICLES,
  VIETNAMESE_SURNAMES,
} from './name-tables.js';

/**
 * Token handling for names: splitting, compounds, and sorting tokens into names, honorifics,
 * particles, initials and patronymics. Everything after compounds is order-free (it depends on which
 * tokens a name has, not where), so the sorted key of a name normalises to itself.
 */

const foldedSet = (words: Iterable<string>): ReadonlySet<string> => new Set([...words].map(foldToken));

const HONORIFIC_SET = foldedSet(HONORIFICS);
const PARTICLE_SET = foldedSet(PARTICLES);
const ARABIC_ONLY = foldedSet(ARABIC_ONLY_PARTICLES);
const VIETNAMESE_KEPT = foldedSet(VIETNAMESE_KEPT_PARTICLES);
const VIETNAMESE_SURNAME_SET = foldedSet(VIETNAMESE_SURNAMES);
const SUN_ARTICLE_SET = foldedSet(SUN_ARTICLES);
const ARTICLE_SET = foldedSet(['al', 'el', 'ul', 'il']);
const HEADS = foldedSet(COMPOUND_HEADS);
const ABD_HEADS = foldedSet(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdu']);
const DIN = foldedSet(['din', 'dine', 'deen', 'dden']);
// Tokens that show a name is Arabic (or Hebrew), so that "ben" in it is a connector, not Ben.
const ARABIC_SIGNALS = foldedSet([
  'bin',
  'ibn',
  'bint',
  'binti',
  'bn',
  'al',
  'el',
  'abu',
  'um',
  'ould',
  'bat',
]);

/**
 * Split transliterated, lower-case text into letter tokens. Apostrophes join (O'Brien, Sa'id: the
 * apostrophe marks an ayn, a hamza or a Gaelic prefix, and records write the name with and without
 * it), except after an elided d or l (d'Souza, l'Aquila), where the particle is dropped.
 */
export const splitTokens = (latin: string): string[] => {
  const tokens: string[] = [];
  let cur = '';
  let start = -1; // start of the current run of letters
  for (let i = 0; i <= latin.length; i++) {
    const ch = i < latin.length ? latin.charCodeAt(i) : 32;
    if (ch >= 97 && ch <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) cur += latin.slice(start, i);
    start = -1;
    if (ch === 39 || ch === 96) {
      if (cur === 'd' || cur === 'l') cur = '';
    } else if (cur !== '') {
      tokens.push(cur);
      cur = '';
    }
  }
  return tokens;
};

const isArticle = (t: string | undefined): boolean =>
  t !== undefined && (ARTICLE_SET.has(t) || SUN_ARTICLE_SET.has(t));

/**
 * Join compounds in folded tokens (and fold single-token Abd compounds, see foldAbdCompound):
 * Abd/Abdul/Abdel (+ article) + X → abdulX; Abu/Abou (+ article) + X →
 * abuX; Umm + X → umX; Mc + X → mcX; X + ad/ud/al + Din → Xudin. A head with nothing after it is left
 * for {@link classifyTokens}, which drops it.
 */
export const mergeCompounds = (tokens: readonly string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const next = tokens[i + 1];
    if (isArticle(t) && next !== undefined && DIN.has(next) && out.length > 0) {
      out.push(foldToken(`${out.pop() ?? ''}udin`));
      i++;
      continue;
    }
    if (HEADS.has(t) && next !== undefined) {
      const skip = isArticle(next) && tokens[i + 2] !== undefined ? 1 : 0;
      const x = tokens[i + 1 + skip] ?? '';
      if (!HEADS.has(x)) {
        // Abd + X, with X's article written once (abd + allah is abdallah, not abd-al-allah).
        const head = ABD_HEADS.has(t) ? (x.startsWith('al') ? 'abd' : 'abdal') : t === 'abul' ? 'abu' : t;
        out.push(foldAbdCompound(foldToken(head + x)));
        i += 1 + skip;
        continue;
      }
    }
    out.push(foldAbdCompound(t));
  }
  return out;
};

/** Tokens of a name sorted by role. */
export interface ClassifiedTokens {
  /** Name tokens, in written order. */
  names: string[];
  /** Single letters written as initials. */
  initials: string[];
  /** East Slavic patronymics (-ovich, -evna…), set apart when two other names remain. */
  patronymics: string[];
}

// Patronymics as folded: -ovich/-evich (and -ovitch, -owitsch, -owicz, -ovitsj fold to it), -ovitj,
// -ovitx, -ovics, -ovits, -ovych (folds to -ovich), Arabic-script -ufich, -ivna, -ovna, -evna, -ichna.
// The Serbo-Croatian -ović (folded "-ovik") and Romanian -ovici are family names as often as they are
// patronymics, so they are NOT set apart.
const PATRONYMIC_RE = /(?:[oeu][vf]|av|iv)i(?:ch|tj|tks|ks|ts)$|(?:[oei])vna$|ichna$/;
const PATRONYMIC_ENDING_RE = /i(?:tj|tks|ks|ts)$/;

/** A patronymic with its ending written the one way (Vladimirovitj → vladimirovich). */
export const canonicalPatronymic = (token: string): string => token.replace(PATRONYMIC_ENDING_RE, 'ich');

const isVietnamese = (tokens: readonly string[]): boolean => {
  let kept = 0;
  for (const t of tokens) {
    if (VIETNAMESE_KEPT.has(t)) kept++;
    else if (VIETNAMESE_SURNAME_SET.has(t)) return true;
  }
  return kept >= 2;
};

/**
 * Sort folded tokens into names, initials and patronymics, dropping honorifics, particles and heads
 * of unfinished compounds when a name is left. `arabicNames` tells whether a token is a known Arabic
 * name (which makes "ben" a connector). Decisions depend on the set of tokens only.
 */
export const classifyTokens = (
  tokens: readonly string[],
  arabicNames: (token: string) => boolean,
): ClassifiedTokens => {
  const vietnamese = isVietnamese(tokens);
  const arabic = tokens.some((t) => ARABIC_SIGNALS.has(t) || arabicNames(t));
  const names: string[] = [];
  const dropped: string[] = [];
  const initials: string[] = [];
  for (const t of tokens) {
    const particle =
      (PARTICLE_SET.has(t) && !(vietnamese && VIETNAMESE_KEPT.has(t)) && (arabic || !ARABIC_ONLY.has(t))) ||
      (SUN_ARTICLE_SET.has(t) && tokens.some((o) => o !== t && o.startsWith(t.slice(1)))) ||
      HEADS.has(t);
    if (HONORIFIC_SET.has(t) || particle) dropped.push(t);
    else if (t.length === 1) initials.push(t);
    else names.push(t);
  }
  if (names.length === 0) {
    return { names: dropped.length > 0 ? dropped : initials, initials, patronymics: [] };
  }
  const patronymics = names.filter((t) => PATRONYMIC_RE.test(t));
  if (patronymics.length === 0 || names.length - patronymics.length < 2)
    return { names, initials, patronymics: [] };
  return {
    names: names.filter((t) => !PATRONYMIC_RE.test(t)),
    initials,
    patronymics: patronymics.map(canonicalPatronymic),
  };
};
