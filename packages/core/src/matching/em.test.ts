import { describe, expect, it } from 'vitest';
import { chooseThreshold, estimateParams, uFromRandomPairs } from './em.js';
import { DEFAULT_PARAMS, type ComparisonVector, type FeatureName, type MatchParams } from './model.js';

// A small deterministic generator (mulberry32), so the synthetic data is the same on every run.
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const TRUE: Record<'name' | 'date' | 'document', Record<string, [number, number]>> = {
  name: { exact: [0.7, 0.01], fuzzy: [0.2, 0.09], differ: [0.1, 0.9] },
  date: { exact: [0.8, 0.02], year: [0.15, 0.08], differ: [0.05, 0.9] },
  document: { strict: [0.6, 0.001], differ: [0.4, 0.999] },
};

const draw = (levels: Record<string, [number, number]>, side: 0 | 1, r: number): string => {
  let acc = 0;
  for (const [level, p] of Object.entries(levels)) {
    acc += p[side];
    if (r < acc) return level;
  }
  return Object.keys(levels).at(-1) ?? 'differ';
};

const synthetic = (n: number, prior: number, seed: number): ComparisonVector[] => {
  const random = prng(seed);
  return Array.from({ length: n }, () => {
    const side = random() < prior ? 0 : 1;
    const v: ComparisonVector = {};
    for (const [f, levels] of Object.entries(TRUE)) {
      // A tenth of the documents are missing on one side.
      v[f as FeatureName] = f === 'document' && random() < 0.1 ? 'missing' : draw(levels, side, random());
    }
    return v;
  });
};

const start: MatchParams = { ...DEFAULT_PARAMS, prior: 0.3 };

describe('estimateParams', () => {
  it('recovers known m, u and prior from synthetic pairs', () => {
    const { params, converged } = estimateParams(synthetic(40_000, 0.2, 1), start);
    expect(converged).toBe(true);
    expect(params.prior).toBeCloseTo(0.2, 1);
    for (const [f, levels] of Object.entries(TRUE)) {
      for (const [level, [m, u]] of Object.entries(levels)) {
        const got = params.features[f as FeatureName]?.[level];
        expect(Math.abs((got?.m ?? 0) - m), `${f} ${level} m`).toBeLessThan(0.03);
        expect(Math.abs((got?.u ?? 0) - u), `${f} ${level} u`).toBeLessThan(0.03);
      }
    }
  });

  it('fixes u from random pairs and is deterministic', () => {
    const random = synthetic(20_000, 0.0, 2);
    const run = () => estimateParams(synthetic(20_000, 0.2, 3), start, { randomPairs: random });
    const a = run();
    expect(a.params).toEqual(run().params);
    const u = uFromRandomPairs(random);
    expect(a.params.features.name?.exact?.u).toBeCloseTo(u.get('name')?.get('exact') ?? 0, 10);
    expect(Math.abs((a.params.features.name?.exact?.m ?? 0) - 0.7)).toBeLessThan(0.03);
  });

  it('holds fixed levels at their start and shares the rest of the probability among the others', () => {
    const { params } = estimateParams(synthetic(5_000, 0.2, 7), start, {
      fixed: { document: 'all', name: ['differ'] },
    });
    expect(params.features.document).toEqual(start.features.document);
    expect(params.features.name?.differ).toEqual(start.features.name?.differ);
    const levels = Object.values(params.features.name ?? {});
    expect(levels.reduce((s, l) => s + l.m, 0)).toBeCloseTo(1, 10);
    expect(levels.reduce((s, l) => s + l.u, 0)).toBeCloseTo(1, 10);
    expect(params.features.name?.exact?.m).not.toBeCloseTo(start.features.name?.exact?.m ?? 0, 2);
  });

  it('keeps the parameters of features it saw no data for', () => {
    const { params } = estimateParams(synthetic(2_000, 0.2, 4), start);
    expect(params.features.imo).toEqual(DEFAULT_PARAMS.features.imo);
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
  });
});

describe('chooseThreshold', () => {
  it('picks the cut with the best F1, counting pairs never scored into recall', () => {
    const scored = [
      { score: 0.99, same: true },
      { score: 0.9, same: true },
      { score: 0.8, same: false },
      { score: 0.7, same: true },
      { score: 0.1, same: false },
    ];
    expect(chooseThreshold(scored)).toMatchObject({ threshold: 0.7, precision: 0.75, recall: 1 });
    expect(chooseThreshold(scored, 6).threshold).toBe(0.7);
    expect(chooseThreshold([]).f1).toBe(0);
  });
});

describe('estimateParams with blocked features', () => {
  it('fixes u from random pairs except for the features the candidates were blocked on', () => {
    const random = synthetic(5_000, 0, 5);
    const { params } = estimateParams(synthetic(5_000, 0.2, 6), start, {
      randomPairs: random,
      blockedFeatures: ['name'],
    });
    const fixed = uFromRandomPairs(random);
    expect(params.features.date?.exact?.u).toBeCloseTo(fixed.get('date')?.get('exact') ?? 0, 10);
    expect(params.features.name?.exact?.u).not.toBeCloseTo(fixed.get('name')?.get('exact') ?? 0, 10);
  });
});
