import {
  addressLevel,
  compare,
  compareWith,
  dateLevel,
  identifierLevel,
  nameLevel,
  nameLevelIf,
  type Comparison,
  type NameLevelOf,
} from './compare.js';
import { comparableSchemata, type IdentifierKind, type MatchRecord } from './features.js';
import { FEATURES, levelsOf, levelWeight, logOddsOf, type FeatureName, type MatchParams } from './model.js';

/**
 * Exact upper bounds on `compare(a, b, params).logOdds`, cheap enough to spare most full comparisons:
 * every feature but the names at the best weight its values reach (compare takes the best-ranked
 * level, never weighing more; `missing` weighs 0), then the names at their real level, asked only for
 * the levels that could still reach a need (so the costly fuzzy checks are mostly not made). Bounds add
 * their weights in another order than compare: callers keep {@link BOUND_SLACK} of slack.
 */

/** Bits of slack between a bound and compare's sum (floating-point order), far above any rounding. */
export const BOUND_SLACK = 1e-9;

/** A model's level weights, looked up once: per feature, each level's weight (plain objects: read per pair). */
export interface WeightTable {
  level: Readonly<Record<FeatureName, Readonly<Record<string, number>>>>;
  nameMax: number;
  prior: number;
}

/** The level weights of a model (see {@link WeightTable}). */
export const weightTable = (params: MatchParams): WeightTable => {
  const level = {} as Record<FeatureName, Record<string, number>>;
  for (const f of FEATURES)
    level[f] = Object.fromEntries(levelsOf(f).map((l) => [l, levelWeight(params, f, l)] as const));
  const nameMax = Math.max(0, ...Object.values(level.name));
  return { level, nameMax, prior: logOddsOf(params.prior) };
};

/** The largest weight over all pairs of values (0 when a side has none, as `missing` weighs). */
const bestWeight = <T>(
  weights: Readonly<Record<string, number>>,
  as: readonly T[],
  bs: readonly T[],
  level: (a: T, b: T) => string,
): number => {
  if (as.length === 0 || bs.length === 0) return 0;
  let w = -Infinity;
  for (const a of as) for (const b of bs) w = Math.max(w, weights[level(a, b)] ?? 0);
  return w;
};

/** As bestWeight with agree/differ levels, without a level string per pair (countries, genders: every pair). */
const agreeWeight = (
  weights: Readonly<Record<string, number>>,
  as: readonly string[],
  bs: readonly string[],
) => {
  if (as.length === 0 || bs.length === 0) return 0;
  const differ = weights.differ ?? 0;
  for (const a of as) if (bs.includes(a)) return Math.max(weights.agree ?? 0, differ);
  return differ;
};

/**
 * The prior plus every feature but the names at the best weight its values reach (compare takes the
 * best-ranked level, never weighing more); -Infinity for records of incomparable schemata.
 */
export const boundWithoutNames = (a: MatchRecord, b: MatchRecord, table: WeightTable): number => {
  // One schema: comparable unless of no family (the common case, without comparableSchemata's lookups).
  if (a.schema === b.schema ? a.family === 'other' : !comparableSchemata(a.schema, b.schema))
    return -Infinity;
  const w = table.level;
  let bits = table.prior;
  bits += bestWeight(w.date, a.dates, b.dates, dateLevel);
  bits += agreeWeight(w.country, a.countries, b.countries);
  bits += agreeWeight(w.gender, a.genders, b.genders);
  // The kinds a record has (few), not every kind: its identifiers object has one of many shapes.
  for (const kind in a.identifiers) {
    const k = kind as IdentifierKind;
    const x = a.identifiers[k];
    const y = b.identifiers[k];
    if (x !== undefined && y !== undefined) bits += bestWeight(w[k], x, y, identifierLevel);
  }
  if (a.addresses.length > 0 && b.addresses.length > 0)
    bits += bestWeight(w.address, a.addresses, b.addresses, addressLevel);
  return bits;
};

/**
 * The names' best weight when it reaches `need`, else a weight below `need`: levels weighing less
 * than `need` are not asked for, so their checks (the fuzzy ones) are not made. The levels found are
 * kept in `found` when given (at i × b.names.length + j for a's name i and b's name j), for
 * {@link foundNameLevels}.
 */
const namesWeight = (
  weights: Readonly<Record<string, number>>,
  a: MatchRecord,
  b: MatchRecord,
  need: number,
  found?: (string | undefined)[],
): number => {
  const wanted = (level: string): boolean => (weights[level] ?? 0) >= need;
  let w = -Infinity;
  let at = 0;
  for (const x of a.names)
    for (const y of b.names) {
      const level = nameLevelIf(x, y, wanted);
      if (found !== undefined) found[at++] = level;
      if (level !== undefined) w = Math.max(w, weights[level] ?? 0);
    }
  return w;
};

/** The level of two of the records' names: as namesWeight found it, else nameLevel. */
const foundNameLevels =
  (a: MatchRecord, b: MatchRecord, found: readonly (string | undefined)[]): NameLevelOf =>
  (x, y) =>
    found[a.names.indexOf(x) * b.names.length + b.names.indexOf(y)] ?? nameLevel(x, y);

/** Both records have a name (else the names weigh 0, as `missing`). */
export const bothNamed = (a: MatchRecord, b: MatchRecord): boolean =>
  a.names.length > 0 && b.names.length > 0;

/**
 * `compare(a, b, params)`, unless a bound shows its log-odds is below `cut`: first `rest` (from
 * boundWithoutNames) with the names at their best weight when both are `named`, then with the names at
 * their real level, asked only for levels that could reach the cut. Undefined when a bound is below.
 * The names' levels found for the bound are not looked for again by the comparison.
 */
export const compareAbove = (
  a: MatchRecord,
  b: MatchRecord,
  params: MatchParams,
  table: WeightTable,
  rest: number,
  named: boolean,
  cut: number,
): Comparison | undefined => {
  if (rest + (named ? table.nameMax : 0) < cut) return undefined;
  const levels: (string | undefined)[] = [];
  if (named && cut > -Infinity && rest + namesWeight(table.level.name, a, b, cut - rest, levels) < cut) {
    return undefined;
  }
  return levels.length === 0
    ? compare(a, b, params)
    : compareWith(a, b, params, foundNameLevels(a, b, levels));
};

/**
 * An upper bound on `compare(a, b, params).logOdds`: names at their best weight when both have one,
 * every other feature at the best weight its values reach. Cheap: no name similarity is computed.
 */
export const logOddsBound = (a: MatchRecord, b: MatchRecord, params: MatchParams): number => {
  const table = weightTable(params);
  return boundWithoutNames(a, b, table) + (bothNamed(a, b) ? table.nameMax : 0);
};
