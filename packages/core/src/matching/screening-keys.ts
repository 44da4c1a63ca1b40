import { formatPartialDate, nameCognateKey } from '../normalise/index.js';
import { IDENTIFIER_KINDS, type MatchRecord } from './features.js';

/**
 * Candidate keys of the screening index, each with the weight of its kind. A candidate's pre-score is
 * the sum over the keys it shares with the query of weight × log2(1 + live records / records holding
 * the key) — rare keys count most — and only the best pre-scored candidates are compared in full.
 * Keys are strings here and 32-bit hashes in the index (a collision only merges two posting lists).
 */

/** Weights of the kinds of screening key: parameters as data. */
export interface ScreeningKeyWeights {
  /** A canonical name token (after transliteration and spelling folds): Mohammed = محمد = muhammad. */
  token: number;
  /** Two tokens of one name, sorted: selective where each token alone is common (Ali + Mohammed). */
  pair: number;
  /** A token's consonant skeleton: catches typos and romanisations the folds miss. */
  phonetic: number;
  /** The first four letters of a token of five or more: catches other endings (Putinas, Petrova). */
  prefix: number;
  /** A token's cognate group (John/Yohannes), when it has one. */
  cognate: number;
  /** Birth year with a skeleton: ranks the same name born the same year first. */
  yearSound: number;
  /** A full birth date. */
  date: number;
  /** A query's full birth date with day and month swapped (query side only: one side suffices). */
  dateSwap: number;
  /** An identifier's strict key (document, phone, e-mail, IBAN…). */
  identifier: number;
  /** An identifier's key with confusable characters folded (O/0, I/1). */
  confusable: number;
  /** A postcode, for records without names (addresses). */
  postcode: number;
}

/** Default key weights: identifiers near-decisive, names by token, skeletons and cognates weak. */
export const DEFAULT_SCREENING_KEY_WEIGHTS: Readonly<ScreeningKeyWeights> = {
  token: 1,
  pair: 1,
  phonetic: 0.5,
  prefix: 0.3,
  cognate: 0.4,
  yearSound: 0.9,
  date: 1.5,
  dateSwap: 1.5,
  identifier: 4,
  confusable: 2,
  postcode: 0.5,
};

// Names longer than this (rare: long aliases) give no pairs, to bound the keys per record.
const MAX_PAIR_TOKENS = 6;

// Skeletons of fewer than two consonants ("a", "n") would join unrelated names.
const usableSound = (p: string): boolean => p.replace(/^a/, '').length >= 2;

/**
 * The field of evidence a key belongs to. Keys of one field are largely redundant (a name's token, its
 * skeleton, its prefix and its pairs say the same thing), so the pre-score takes the best key of each
 * field and only a tenth of the rest: otherwise a namesake born another year, who shares every name
 * key, outranks the person with a misspelt name who shares the birth date.
 */
export type KeyField = 0 | 1 | 2 | 3;
/** Fields: names, birth date (with name sounds), identifiers, addresses. */
export const KEY_FIELDS = { name: 0, date: 1, identifier: 2, address: 3 } as const;

const FIELD_OF: Readonly<Record<string, KeyField>> = {
  n: 0,
  t: 0,
  x: 0,
  p: 0,
  g: 0,
  d: 1,
  y: 1,
  i: 2,
  c: 2,
  a: 3,
};

/** The field of a screening key (by its prefix). */
export const keyField = (key: string): KeyField => FIELD_OF[key.charAt(0)] ?? 0;

/**
 * The screening keys of a record with their kind weights (the largest when a key comes twice). A
 * query's keys (`query`) add those that need only be on one side of a pair, so the index stays smaller.
 */
export const screeningKeys = (
  r: MatchRecord,
  weights: Readonly<ScreeningKeyWeights> = DEFAULT_SCREENING_KEY_WEIGHTS,
  query = false,
): Map<string, number> => {
  const keys = new Map<string, number>();
  const put = (key: string, w: number): void => {
    if (w > (keys.get(key) ?? 0)) keys.set(key, w);
  };
  const years = new Set(r.dates.map((d) => d.date.year));
  for (const d of r.dates) if (d.date.precision === 'day') put(`d:${d.date.iso}`, weights.date);
  // Day and month written the other way round (02/03 read as 3 February): both orders are valid dates.
  if (query)
    for (const { date } of r.dates) {
      const { precision, month, day, year } = date;
      if (precision !== 'day' || month === undefined || day === undefined || day > 12 || day === month)
        continue;
      put(`d:${formatPartialDate({ year, month: day, day: month })}`, weights.dateSwap);
    }
  for (const n of r.names) {
    const tokens = n.tokens.filter((t) => t.length >= 2);
    for (const t of tokens) {
      put(`n:${t}`, weights.token);
      if (t.length >= 5) put(`x:${t.slice(0, 4)}`, weights.prefix);
    }
    if (tokens.length <= MAX_PAIR_TOKENS) {
      const sorted = [...new Set(tokens)].sort();
      for (let i = 0; i < sorted.length; i++)
        for (let j = i + 1; j < sorted.length; j++)
          put(`t:${sorted[i] ?? ''} ${sorted[j] ?? ''}`, weights.pair);
    }
    // Only tokens that have a cognate group: for the others the key would repeat the token's list.
    for (const t of n.tokens) {
      const c = nameCognateKey(t);
      if (c !== undefined) put(`g:${c}`, weights.cognate);
    }
    for (const p of n.phonetic) {
      if (!usableSound(p)) continue;
      put(`p:${p}`, weights.phonetic);
      for (const y of years) put(`y:${y}:${p}`, weights.yearSound);
    }
  }
  for (const kind of IDENTIFIER_KINDS) {
    for (const id of r.identifiers[kind] ?? []) {
      put(`i:${kind}:${id.strict}`, weights.identifier);
      if (id.also !== undefined) put(`i:${kind}:${id.also}`, weights.identifier);
      put(`c:${kind}:${id.confusable}`, weights.confusable);
    }
  }
  if (r.names.length === 0)
    for (const a of r.addresses) if (a.postcode !== undefined) put(`a:${a.postcode}`, weights.postcode);
  return keys;
};

/** FNV-1a hash of a key's UTF-16 code units, as a signed 32-bit integer. */
export const hashKey = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
};
