import {
  FEATURES,
  levelsOf,
  MISSING,
  type ComparisonVector,
  type FeatureName,
  type LevelParams,
  type MatchParams,
} from './model.js';

/**
 * Expectation–maximisation for the Fellegi–Sunter model (Winkler 1988; as in Splink). Candidate pairs
 * are a mixture of matches and non-matches; EM alternates the posterior P(match | levels) of every
 * pair (E) with m, u and the prior re-estimated from those posteriors (M). Missing levels carry no
 * information and are left out of both steps. Pairs are grouped by their vector first, so a million
 * pairs cost as many distinct vectors (a few thousand) per iteration. Deterministic: no randomness,
 * fixed iteration order.
 *
 * u is best fixed from pairs drawn at random (nearly all non-matches), which EM then leaves alone:
 * that removes the mixture's worst ambiguity (which component is "match"). Thresholds: see
 * `chooseThreshold`; without labels, use posterior 0.5 (the Bayes decision at equal costs).
 */

/** Options for {@link estimateParams}. */
export interface EmOptions {
  /** Most iterations; default 200. */
  maxIterations?: number;
  /** Stop when no m, u or prior moves by more than this; default 1e-7. */
  tolerance?: number;
  /** Comparison vectors of random pairs: u is fixed to their level frequencies. */
  randomPairs?: readonly ComparisonVector[];
  /**
   * Features the candidates were chosen by (blocked on, e.g. name): among candidates they agree far
   * more often than among random pairs, so their u is estimated by EM rather than fixed.
   */
  blockedFeatures?: readonly FeatureName[];
  /** Pseudo-count per level, so no level has probability 0; default 0.01. */
  smoothing?: number;
  /**
   * Levels whose m and u stay as in `initial` (the feature's other levels share the rest of the
   * probability in the proportions EM finds), or `'all'` for a whole feature. For evidence candidates
   * cannot identify: among pairs chosen because they share a key, disagreement elsewhere is confounded
   * with the choice, and a shared phone links people rather than identifying one (see README).
   */
  fixed?: Partial<Record<FeatureName, readonly string[] | 'all'>>;
}

/** What {@link estimateParams} found. */
export interface EmResult {
  params: MatchParams;
  iterations: number;
  converged: boolean;
}

const patternKey = (v: ComparisonVector): string => FEATURES.map((f) => v[f] ?? '').join('|');

interface Pattern {
  levels: (string | undefined)[];
  count: number;
}

const group = (vectors: readonly ComparisonVector[]): Pattern[] => {
  const byKey = new Map<string, Pattern>();
  for (const v of vectors) {
    const key = patternKey(v);
    const p = byKey.get(key);
    if (p) p.count++;
    else byKey.set(key, { levels: FEATURES.map((f) => (v[f] === MISSING ? undefined : v[f])), count: 1 });
  }
  return [...byKey.values()];
};

/** Probabilities of each level per feature. */
export type LevelTable = Map<FeatureName, Map<string, number>>;

// Weighted level frequencies per feature, smoothed over the feature's levels.
const frequencies = (
  patterns: readonly Pattern[],
  weights: readonly number[],
  smoothing: number,
): LevelTable => {
  const out: LevelTable = new Map();
  FEATURES.forEach((f, i) => {
    const counts = new Map<string, number>(levelsOf(f).map((l) => [l, 0]));
    let total = 0;
    patterns.forEach((p, j) => {
      const l = p.levels[i];
      if (l === undefined || !counts.has(l)) return;
      const w = weights[j] ?? 0;
      counts.set(l, (counts.get(l) ?? 0) + w);
      total += w;
    });
    if (total === 0) return;
    const denominator = total + smoothing * counts.size;
    for (const [l, c] of counts) counts.set(l, (c + smoothing) / denominator);
    out.set(f, counts);
  });
  return out;
};

/** Level frequencies of random pairs: the u probabilities (nearly all random pairs are non-matches). */
export const uFromRandomPairs = (vectors: readonly ComparisonVector[], smoothing = 0.01): LevelTable => {
  const patterns = group(vectors);
  return frequencies(
    patterns,
    patterns.map((p) => p.count),
    smoothing,
  );
};

const lookup = (params: MatchParams, f: FeatureName, level: string): LevelParams | undefined =>
  params.features[f]?.[level];

/**
 * Estimate m, u and the prior from the comparison vectors of candidate pairs, starting from
 * `initial` (whose m must favour agreement, so the "match" component is the agreeing one).
 */
export const estimateParams = (
  vectors: readonly ComparisonVector[],
  initial: MatchParams,
  options: EmOptions = {},
): EmResult => {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-7;
  const smoothing = options.smoothing ?? 0.01;
  const fixedU =
    options.randomPairs === undefined ? undefined : uFromRandomPairs(options.randomPairs, smoothing);
  for (const f of options.blockedFeatures ?? []) fixedU?.delete(f);
  const patterns = group(vectors);
  const n = vectors.length;
  let params = withU(initial, fixedU);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // E: posterior of every distinct vector.
    const logPrior = Math.log(params.prior) - Math.log(1 - params.prior);
    const posterior = patterns.map((p) => {
      let lr = logPrior;
      FEATURES.forEach((f, i) => {
        const l = p.levels[i];
        const mu = l === undefined ? undefined : lookup(params, f, l);
        if (mu !== undefined && mu.m > 0 && mu.u > 0) lr += Math.log(mu.m) - Math.log(mu.u);
      });
      return 1 / (1 + Math.exp(-lr));
    });
    // M: m from posterior-weighted counts, u from the complement (unless fixed), prior from the mean.
    const mTable = frequencies(
      patterns,
      patterns.map((p, j) => p.count * (posterior[j] ?? 0)),
      smoothing,
    );
    const uTable = frequencies(
      patterns,
      patterns.map((p, j) => p.count * (1 - (posterior[j] ?? 0))),
      smoothing,
    );
    for (const [f, levels] of fixedU ?? []) uTable.set(f, levels);
    holdFixed(mTable, initial, options.fixed, 'm');
    holdFixed(uTable, initial, options.fixed, 'u');
    const matches = patterns.reduce((s, p, j) => s + p.count * (posterior[j] ?? 0), 0);
    const prior = Math.min(1 - 1e-9, Math.max(1e-9, n === 0 ? params.prior : matches / n));
    const next = rebuild(params, mTable, uTable, prior);
    const moved = maxChange(params, next);
    params = next;
    if (moved < tolerance) return { params, iterations: iteration, converged: true };
  }
  return { params, iterations: maxIterations, converged: false };
};

// Put the fixed levels back at their initial probability and scale the feature's others to the rest.
const holdFixed = (
  table: LevelTable,
  initial: MatchParams,
  fixed: EmOptions['fixed'],
  which: 'm' | 'u',
): void => {
  for (const [f, spec] of Object.entries(fixed ?? {}) as [FeatureName, readonly string[] | 'all'][]) {
    const levels = table.get(f);
    const start = initial.features[f];
    if (levels === undefined || start === undefined) continue;
    const held = new Set(spec === 'all' ? levelsOf(f) : spec);
    let heldMass = 0;
    let freeMass = 0;
    for (const [l, p] of levels) {
      const q = held.has(l) ? start[l]?.[which] : undefined;
      if (q === undefined) freeMass += p;
      else heldMass += q;
    }
    const scale = freeMass > 0 ? Math.max(0, 1 - heldMass) / freeMass : 0;
    for (const [l, p] of levels) {
      const q = held.has(l) ? start[l]?.[which] : undefined;
      levels.set(l, q ?? p * scale);
    }
  }
};

const withU = (params: MatchParams, u: LevelTable | undefined): MatchParams =>
  u === undefined ? params : rebuild(params, new Map(), u, params.prior);

// New parameters: estimated levels replace the old, features with no data keep theirs.
const rebuild = (old: MatchParams, m: LevelTable, u: LevelTable, prior: number): MatchParams => {
  const features: MatchParams['features'] = {};
  for (const f of FEATURES) {
    const before = old.features[f];
    const levels: Record<string, LevelParams> = {};
    for (const l of levelsOf(f)) {
      const mOld = before?.[l]?.m;
      const uOld = before?.[l]?.u;
      const mNew = m.get(f)?.get(l) ?? mOld;
      const uNew = u.get(f)?.get(l) ?? uOld;
      if (mNew !== undefined && uNew !== undefined) levels[l] = { m: mNew, u: uNew };
    }
    if (Object.keys(levels).length > 0) features[f] = levels;
  }
  return { prior, threshold: old.threshold, features };
};

const maxChange = (a: MatchParams, b: MatchParams): number => {
  let max = Math.abs(a.prior - b.prior);
  for (const f of FEATURES) {
    for (const [l, p] of Object.entries(b.features[f] ?? {})) {
      const q = a.features[f]?.[l];
      if (q === undefined) return Infinity;
      max = Math.max(max, Math.abs(p.m - q.m), Math.abs(p.u - q.u));
    }
  }
  return max;
};

/** A scored pair with its truth, for {@link chooseThreshold}. */
export interface LabelledScore {
  score: number;
  same: boolean;
}

/** The threshold chosen and the pairwise quality it gives. */
export interface ThresholdChoice {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The threshold that maximises pairwise F1 on labelled pairs: sort by score, sweep the cut.
 * `totalSame` counts true pairs that were never scored (missed by blocking) into recall.
 */
export const chooseThreshold = (scored: readonly LabelledScore[], totalSame?: number): ThresholdChoice => {
  const sorted = [...scored].sort((x, y) => y.score - x.score);
  const positives = totalSame ?? sorted.filter((s) => s.same).length;
  let tp = 0;
  let bestChoice: ThresholdChoice = { threshold: 1, precision: 1, recall: 0, f1: 0 };
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    if (s === undefined) break;
    if (s.same) tp++;
    if (sorted[i + 1]?.score === s.score) continue;
    const precision = tp / (i + 1);
    const recall = positives === 0 ? 1 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > bestChoice.f1) bestChoice = { threshold: s.score, precision, recall, f1 };
  }
  return bestChoice;
};
