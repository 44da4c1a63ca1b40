import { foldToken } from './name-fold.js';
import { canonicalNameToken, isArabicName } from './name-lookup.js';
import { classifyTokens, mergeCompounds, splitTokens } from './name-tokens.js';
import { phoneticKey, soundSourceOf } from './phonetic.js';
import { accept, reject, type Normalised } from './result.js';
import { detectScript, type Script } from './scripts.js';
import { cleanText, isAscii } from './text.js';
import { transliterate } from './transliterate.js';

/**
 * Person names to matching keys. The pipeline: cap and clean the text (control characters, NFKC),
 * lower-case, transliterate every script to ASCII, split into tokens, fold each token's spelling
 * variants (name-fold.ts), join compounds (Abd al-Rahman, Abu Bakr), sort tokens into names,
 * initials, honorifics, particles and patronymics, map names to the canonical spelling of their
 * equivalence group (name-tables.ts), and derive the sorted key and phonetic keys.
 */

/** A normalised person name. Tokens and keys are matching forms, not names to display. */
export interface NormalisedName {
  /** Canonical name tokens in written order, without duplicates, honorifics, particles or patronymics. */
  tokens: string[];
  /** The tokens sorted and joined by a space: equal keys mean the same name whatever the order. */
  key: string;
  /** Phonetic keys (consonant skeletons) of the tokens, sorted, without duplicates. */
  phonetic: string[];
  /** The script most of the original's letters are in. */
  script: Script;
  /** Letters written as initials ("V." in "Vladimir V. Putin"). */
  initials: string[];
  /** Patronymics set apart from the tokens (vladimirovich). */
  patronymics: string[];
  /** The whole name transliterated to lower-case ASCII as written, for string similarity. */
  latin: string;
  /** True when the input was longer than the limits and was cut. */
  truncated: boolean;
}

/** At most this many tokens are kept per name (Arabic chains of "bin X bin Y" can run long). */
export const MAX_NAME_TOKENS = 12;
/** Tokens are cut to this many letters. */
export const MAX_TOKEN_LENGTH = 40;

const uniqueSorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * Normalise a person's name (see {@link NormalisedName}). Rejects input with no letters. Never throws;
 * input over the limits (512 characters, {@link MAX_NAME_TOKENS} tokens of {@link MAX_TOKEN_LENGTH}
 * letters) is cut and flagged `truncated`.
 */
export const normaliseName = (raw: string): Normalised<NormalisedName> => {
  const clean = cleanText(raw);
  const lower = clean.text.toLowerCase();
  const script = isAscii(lower) ? (/[a-z]/.test(lower) ? 'latin' : 'common') : detectScript(lower);
  const latin = transliterate(lower, { personName: true });
  const split = splitTokens(latin);
  if (split.length === 0) return reject(raw.trim() === '' ? 'empty name' : 'name has no letters');
  let truncated = clean.truncated || split.length > MAX_NAME_TOKENS * 2;
  const merged = mergeCompounds(split.slice(0, MAX_NAME_TOKENS * 2).map(foldToken)).map((t) => {
    if (t.length <= MAX_TOKEN_LENGTH) return canonicalNameToken(t, script);
    truncated = true;
    return canonicalNameToken(foldToken(t.slice(0, MAX_TOKEN_LENGTH)), script);
  });
  // Duplicates go first: every later decision depends on which tokens a name has, not how often.
  const classified = classifyTokens([...new Set(merged)], isArabicName);
  const tokens = classified.names;
  if (tokens.length > MAX_NAME_TOKENS) {
    tokens.length = MAX_NAME_TOKENS;
    truncated = true;
  }
  return accept({
    tokens,
    key: [...tokens].sort().join(' '),
    phonetic: uniqueSorted(tokens.map((t) => phoneticKey(t, soundSourceOf(script)))),
    script,
    initials: classified.initials,
    patronymics: classified.patronymics,
    latin: split.join(' '),
    truncated,
  });
};
