import { IDENTIFIER_KINDS, type IdentifierKind } from './features.js';

/**
 * The comparison model's vocabulary and parameters. A Fellegi–Sunter model: each feature of a pair
 * falls in one agreement level; each level has m = P(level | same entity) and u = P(level | different
 * entities); the level's weight is log2(m / u) bits, and the weights of independent features add up.
 * `missing` (one side has no value) always weighs 0. Parameters are plain data (JSON), estimated by
 * `estimateParams` (em.ts) or written by hand.
 */

/** Agreement levels of each feature, best first. */
export const FEATURE_LEVELS = {
  name: ['exact', 'tokens', 'fuzzy', 'phonetic', 'cognate', 'one', 'some', 'differ'],
  date: ['exact', 'partial', 'swap', 'month', 'year', 'near', 'differ'],
  country: ['agree', 'differ'],
  gender: ['agree', 'differ'],
  address: ['exact', 'similar', 'overlap', 'postcode', 'differ'],
  identifier: ['strict', 'confusable', 'near', 'differ'],
} as const;

/** The features compared, in explanation order. */
export const FEATURES = ['name', 'date', 'country', 'gender', ...IDENTIFIER_KINDS, 'address'] as const;

/** One feature of a comparison. */
export type FeatureName = (typeof FEATURES)[number];

/** The level family a feature's levels come from. */
export const levelFamily = (feature: FeatureName): keyof typeof FEATURE_LEVELS =>
  feature === 'name' ||
  feature === 'date' ||
  feature === 'country' ||
  feature === 'gender' ||
  feature === 'address'
    ? feature
    : 'identifier';

/** The agreement levels of a feature, best first (without `missing`). */
export const levelsOf = (feature: FeatureName): readonly string[] => FEATURE_LEVELS[levelFamily(feature)];

/** The level of a feature when either side has no value. */
export const MISSING = 'missing';

/** m and u probabilities of one level. */
export interface LevelParams {
  /** P(level | the two records are the same entity). */
  m: number;
  /** P(level | they are different entities). */
  u: number;
}

/** A comparison model's parameters: JSON-serialisable data. */
export interface MatchParams {
  /** P(same entity) for a candidate pair before any feature is seen. */
  prior: number;
  /** Pairs scoring at or above this probability are matches. */
  threshold: number;
  /** m and u per level per feature; a feature or level not listed weighs 0. */
  features: Partial<Record<FeatureName, Readonly<Record<string, LevelParams>>>>;
}

/** The comparison levels of a pair: one level per feature (absent features are missing). */
export type ComparisonVector = Partial<Record<FeatureName, string>>;

/** The weight in bits of a feature's level (0 for missing or unknown levels). */
export const levelWeight = (params: MatchParams, feature: FeatureName, level: string): number => {
  if (level === MISSING) return 0;
  const p = params.features[feature]?.[level];
  if (p === undefined || p.m <= 0 || p.u <= 0) return 0;
  return Math.log2(p.m / p.u);
};

/** Log-odds in bits of a probability. */
export const logOddsOf = (p: number): number => Math.log2(p / (1 - p));

/** The probability of log-odds in bits. */
export const probabilityOf = (bits: number): number => 1 / (1 + 2 ** -bits);

const levels = (pairs: Record<string, [number, number]>): Record<string, LevelParams> =>
  Object.fromEntries(Object.entries(pairs).map(([k, [m, u]]) => [k, { m, u }]));

const identifierDefaults = levels({
  strict: [0.9, 1e-5],
  confusable: [0.03, 1e-5],
  near: [0.03, 2e-4],
  differ: [0.04, 0.9998],
});

// Phones and emails link people rather than identify them: a recruiter's phone is on every recruit's
// record, a family shares one, people change numbers. A shared one is evidence, never decisive alone.
const contactDefaults = (strictU: number): Record<string, LevelParams> =>
  levels({
    strict: [0.4, strictU],
    confusable: [0.02, 2e-3],
    near: [0.02, 5e-3],
    differ: [0.3, 0.99],
  });

const identifierParams = {
  ...Object.fromEntries(IDENTIFIER_KINDS.map((k) => [k, identifierDefaults])),
  phone: contactDefaults(8e-3),
  email: contactDefaults(1e-3),
} as Record<IdentifierKind, Record<string, LevelParams>>;

/**
 * Hand-set parameters, the hub's model (README: "What DEFAULT_PARAMS weigh"): a name alone never
 * decides (name pools are small), sharing one name of several weighs against, a differing birth date
 * weighs strongly against, documents are near-decisive and phones and e-mails are evidence, not
 * proof. Prior 1 %, threshold 0.5.
 */
export const DEFAULT_PARAMS: MatchParams = {
  prior: 0.01,
  threshold: 0.5,
  features: {
    name: levels({
      exact: [0.55, 0.03],
      tokens: [0.15, 0.03],
      fuzzy: [0.12, 0.04],
      phonetic: [0.06, 0.02],
      cognate: [0.03, 0.015],
      one: [0.04, 0.02],
      some: [0.03, 0.9],
      differ: [0.02, 0.9],
    }),
    date: levels({
      exact: [0.82, 2e-3],
      partial: [0.05, 0.03],
      swap: [0.03, 3e-4],
      month: [0.02, 0.02],
      year: [0.01, 0.1],
      near: [0.005, 0.15],
      differ: [0.003, 0.9],
    }),
    country: levels({ agree: [0.92, 0.4], differ: [0.08, 0.8] }),
    gender: levels({ agree: [0.97, 0.5], differ: [0.03, 0.5] }),
    address: levels({
      exact: [0.3, 0.01],
      similar: [0.15, 0.02],
      overlap: [0.05, 0.05],
      postcode: [0.1, 0.05],
      differ: [0.4, 0.87],
    }),
    ...identifierParams,
  },
};
