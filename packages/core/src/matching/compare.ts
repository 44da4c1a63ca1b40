import { compareDates } from '../normalise/index.js';
import {
  comparableSchemata,
  type AddressValue,
  type DateValue,
  type IdentifierValue,
  type MatchRecord,
  type NameValue,
} from './features.js';
import {
  FEATURES,
  levelsOf,
  levelWeight,
  logOddsOf,
  MISSING,
  probabilityOf,
  type ComparisonVector,
  type FeatureName,
  type MatchParams,
} from './model.js';
import { jaroWinklerAtLeast, oneEditApart } from './similarity.js';

/** Jaro–Winkler similarity at or above which two name tokens (or whole names) are a fuzzy match. */
export const NAME_FUZZY_THRESHOLD = 0.92;
/** Jaro–Winkler similarity at or above which two addresses are similar. */
export const ADDRESS_SIMILAR_THRESHOLD = 0.9;

/** One feature's contribution to a comparison: the level, its weight in bits, and the values behind it. */
export interface FeatureExplanation {
  feature: FeatureName;
  level: string;
  weight: number;
  left: string | null;
  right: string | null;
}

/** The result of comparing two records. */
export interface Comparison {
  /** P(same entity), from the prior and the summed weights. */
  score: number;
  /** Prior log-odds plus the feature weights, in bits. */
  logOdds: number;
  /** score ≥ params.threshold. */
  match: boolean;
  /** Feature by feature, for every feature at least one side has. */
  features: FeatureExplanation[];
}

interface Level {
  level: string;
  left: string | null;
  right: string | null;
}

// Every token of `s` has a counterpart in `l` under `eq`.
const covers = (s: readonly string[], l: readonly string[], eq: (x: string, y: string) => boolean): boolean =>
  s.length > 0 && s.every((x) => l.some((y) => eq(x, y)));

// Symmetric "the shorter is covered by the longer": both ways when they have as many tokens.
const shorterCovered = (
  a: readonly string[],
  b: readonly string[],
  eq: (x: string, y: string) => boolean,
): boolean =>
  a.length < b.length
    ? covers(a, b, eq)
    : a.length > b.length
      ? covers(b, a, eq)
      : covers(a, b, eq) && covers(b, a, eq);

const same = (x: string, y: string): boolean => x === y;
// jaroWinklerAtLeast: the same answer as comparing jaroWinkler, without it for most pairs of tokens.
const fuzzy = (x: string, y: string): boolean => jaroWinklerAtLeast(x, y, NAME_FUZZY_THRESHOLD);

const skeletons = (n: NameValue): string[] => n.phonetic.filter((p) => p !== '');

/** How two names agree, best first: the first check that holds gives the agreement. */
const NAME_CHECKS: readonly (readonly [string, (a: NameValue, b: NameValue) => boolean])[] = [
  ['exact', (a, b) => a.key !== '' && a.key === b.key],
  ['tokens', (a, b) => shorterCovered(a.tokens, b.tokens, same)],
  [
    'fuzzy',
    (a, b) =>
      shorterCovered(a.tokens, b.tokens, fuzzy) || jaroWinklerAtLeast(a.latin, b.latin, NAME_FUZZY_THRESHOLD),
  ],
  ['phonetic', (a, b) => shorterCovered(skeletons(a), skeletons(b), same)],
  ['cognate', (a, b) => shorterCovered(a.cognates, b.cognates, same)],
  ['some', (a, b) => a.tokens.some((x) => b.tokens.some((y) => fuzzy(x, y)))],
  ['differ', () => true],
];

// One name alone (a nickname, a lone family name) agreeing is weak evidence: namesakes abound. A
// lone token that only sounds like one of the other's (Putin, Patton) is no agreement at all.
const levelOfAgreement = (agreement: string, lone: boolean): string => {
  if (!lone) return agreement;
  if (agreement === 'exact' || agreement === 'tokens' || agreement === 'fuzzy') return 'one';
  return agreement === 'phonetic' || agreement === 'cognate' ? 'differ' : agreement;
};

/**
 * The level of two names when `wanted` accepts it, else undefined — without the checks (the costly
 * fuzzy ones come late) for agreements below the last whose level `wanted` accepts. A dedupe pass
 * asks only for levels that could lift a pair over its threshold.
 */
export const nameLevelIf = (
  a: NameValue,
  b: NameValue,
  wanted: (level: string) => boolean,
): string | undefined => {
  const lone = Math.min(a.tokens.length, b.tokens.length) < 2;
  // The last check worth making, found from the end (at once when every level is wanted: nameLevel).
  let last = NAME_CHECKS.length - 1;
  while (last >= 0 && !wanted(levelOfAgreement(NAME_CHECKS[last]?.[0] ?? 'differ', lone))) last--;
  for (let k = 0; k <= last; k++) {
    const [agreement, holds] = NAME_CHECKS[k] ?? ['differ', () => true];
    if (!holds(a, b)) continue;
    const level = levelOfAgreement(agreement, lone);
    return wanted(level) ? level : undefined;
  }
  return undefined;
};

/** The agreement level of two names (see FEATURE_LEVELS.name). */
export const nameLevel = (a: NameValue, b: NameValue): string => nameLevelIf(a, b, () => true) ?? 'differ';

/** The agreement level of two dates (see FEATURE_LEVELS.date). */
export const dateLevel = (a: DateValue, b: DateValue): string => {
  const [x, y] = [a.date, b.date];
  // Different years (most pairs compared): compareDates says 'differ'; near when a year apart or on
  // the same day of the year.
  if (x.year !== y.year) {
    const sameDay = x.month !== undefined && x.month === y.month && x.day === y.day;
    return Math.abs(x.year - y.year) === 1 || sameDay ? 'near' : 'differ';
  }
  return compareDates(x, y).agreement;
};

/** The agreement level of two identifiers of one kind (see FEATURE_LEVELS.identifier). */
export const identifierLevel = (a: IdentifierValue, b: IdentifierValue): string => {
  if (a.strict === b.strict || a.also === b.strict || a.strict === b.also) return 'strict';
  if (a.confusable === b.confusable || (a.also ?? a.strict) === (b.also ?? b.strict)) return 'confusable';
  if (Math.min(a.strict.length, b.strict.length) >= 5 && oneEditApart(a.strict, b.strict)) return 'near';
  return 'differ';
};

// Share of the shorter address's words (of two letters or more, the postcode aside: it is judged
// apart, and with the state alone it would make any two addresses of a town half alike) that the
// other has.
const overlap = (a: AddressValue, b: AddressValue): number => {
  const words = (x: AddressValue) =>
    new Set(x.tokens.filter((t) => t.length >= 2 && t !== x.postcode?.toLowerCase()));
  const [s, l] = [words(a), words(b)].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
  if (s.size < 2) return 0;
  let shared = 0;
  for (const t of s) if (l.has(t)) shared++;
  return shared / s.size;
};

// Both give house numbers (words with a digit, the postcode aside) and they differ by more than one
// typing slip: another door on the same street, however alike the rest reads.
const numbersDiffer = (a: AddressValue, b: AddressValue): boolean => {
  const numbers = (x: AddressValue): string =>
    x.tokens.filter((t) => /[0-9]/.test(t) && t !== x.postcode?.toLowerCase()).join(' ');
  const [na, nb] = [numbers(a), numbers(b)];
  return na !== '' && nb !== '' && na !== nb && !oneEditApart(na, nb);
};

/** The agreement level of two addresses (see FEATURE_LEVELS.address). */
export const addressLevel = (a: AddressValue, b: AddressValue): string => {
  if (a.normal === b.normal) return 'exact';
  if (!numbersDiffer(a, b) && jaroWinklerAtLeast(a.normal, b.normal, ADDRESS_SIMILAR_THRESHOLD))
    return 'similar';
  if (overlap(a, b) >= 0.5) return 'overlap';
  if (a.postcode !== undefined && a.postcode === b.postcode) return 'postcode';
  return 'differ';
};

// The best level over all pairs of values, with the values that gave it.
const best = <T>(
  feature: FeatureName,
  as: readonly T[],
  bs: readonly T[],
  level: (a: T, b: T) => string,
  text: (v: T) => string,
): Level | undefined => {
  if (as.length === 0 && bs.length === 0) return undefined;
  if (as.length === 0 || bs.length === 0)
    return {
      level: MISSING,
      left: as[0] === undefined ? null : text(as[0]),
      right: bs[0] === undefined ? null : text(bs[0]),
    };
  const order = levelsOf(feature);
  let found: Level | undefined;
  let rank = Infinity;
  for (const a of as) {
    for (const b of bs) {
      const l = level(a, b);
      const r = order.indexOf(l);
      if (r < rank) {
        rank = r;
        found = { level: l, left: text(a), right: text(b) };
        if (r === 0) return found;
      }
    }
  }
  return found;
};

const agree = (a: string, b: string): string => (a === b ? 'agree' : 'differ');
const self = (s: string): string => s;

/** The level of a pair of names: nameLevel, or a lookup of levels already found (then nameLevel). */
export type NameLevelOf = (a: NameValue, b: NameValue) => string;

const levelOf = (
  feature: FeatureName,
  a: MatchRecord,
  b: MatchRecord,
  names: NameLevelOf = nameLevel,
): Level | undefined => {
  switch (feature) {
    case 'name':
      return best(feature, a.names, b.names, names, (n) => n.text);
    case 'date':
      return best(feature, a.dates, b.dates, dateLevel, (d) => d.text);
    case 'country':
      return best(feature, a.countries, b.countries, agree, self);
    case 'gender':
      return best(feature, a.genders, b.genders, agree, self);
    case 'address':
      return best(feature, a.addresses, b.addresses, addressLevel, (x) => x.text);
    case 'document':
    case 'registration':
    case 'phone':
    case 'email':
    case 'iban':
    case 'bic':
    case 'account':
    case 'imo':
    case 'mmsi':
    case 'vin':
    case 'plate':
      return best(
        feature,
        a.identifiers[feature] ?? [],
        b.identifiers[feature] ?? [],
        identifierLevel,
        (i) => i.text,
      );
  }
};

/** The comparison vector of two records: one level per feature that either side has. */
export const comparisonVector = (a: MatchRecord, b: MatchRecord): ComparisonVector => {
  const out: ComparisonVector = {};
  if (!comparableSchemata(a.schema, b.schema)) return out;
  for (const f of FEATURES) {
    const l = levelOf(f, a, b);
    if (l !== undefined) out[f] = l.level;
  }
  return out;
};

/**
 * Compare two records under a model: the score, the log-odds, and feature by feature which values
 * agreed or disagreed and how much each weighed. Records of incomparable schemata (a Person and a
 * Vessel) score 0 with no features.
 */
export const compare = (a: MatchRecord, b: MatchRecord, params: MatchParams): Comparison =>
  compareWith(a, b, params, nameLevel);

/**
 * {@link compare}, with the levels of name pairs from `names` (which must answer what nameLevel does):
 * a caller that has already found some pairs' levels, bounding the log-odds, does not find them again.
 */
export const compareWith = (
  a: MatchRecord,
  b: MatchRecord,
  params: MatchParams,
  names: NameLevelOf,
): Comparison => {
  if (!comparableSchemata(a.schema, b.schema))
    return { score: 0, logOdds: -Infinity, match: false, features: [] };
  const features: FeatureExplanation[] = [];
  let logOdds = logOddsOf(params.prior);
  for (const feature of FEATURES) {
    const l = levelOf(feature, a, b, names);
    if (l === undefined) continue;
    const weight = levelWeight(params, feature, l.level);
    logOdds += weight;
    features.push({ feature, level: l.level, weight, left: l.left, right: l.right });
  }
  const score = probabilityOf(logOdds);
  return { score, logOdds, match: score >= params.threshold, features };
};

/** The score of a comparison vector under a model (for EM and threshold choice without the records). */
export const scoreVector = (vector: ComparisonVector, params: MatchParams): number => {
  let logOdds = logOddsOf(params.prior);
  for (const f of FEATURES) {
    const level = vector[f];
    if (level !== undefined) logOdds += levelWeight(params, f, level);
  }
  return probabilityOf(logOdds);
};

/** The comparison vector behind a comparison's explanation (to re-score or estimate without the records). */
export const vectorOf = (comparison: Comparison): ComparisonVector => {
  const out: ComparisonVector = {};
  for (const f of comparison.features) out[f.feature] = f.level;
  return out;
};
