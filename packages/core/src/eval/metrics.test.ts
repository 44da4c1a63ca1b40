import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalisedMutualInformation, pairwiseScores, precisionAtK } from './metrics.js';

describe('pairwiseScores', () => {
  it('is perfect for the true clustering, whatever the labels are called', () => {
    expect(pairwiseScores(['a', 'a', 'b', 'c'], [1, 1, 2, 3])).toMatchObject({
      precision: 1,
      recall: 1,
      f1: 1,
      truePairs: 1,
    });
  });

  it('counts pairs: one wrong merge and one missed pair', () => {
    // truth {0,1} {2,3} {4}; predicted {0,1,4} {2} {3}
    const s = pairwiseScores(['x', 'x', 'y', 'y', 'z'], ['p', 'p', 'q', 'r', 'p']);
    expect(s).toMatchObject({ truePairs: 2, predictedPairs: 3, correctPairs: 1 });
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBeCloseTo(1 / 2);
    expect(s.f1).toBeCloseTo(0.4);
  });

  it('refuses clusterings of different items', () => {
    expect(() => pairwiseScores([1, 2], [1])).toThrow(/same items/);
  });
});

describe('adjustedRandIndex and NMI', () => {
  it('are 1 for identical partitions up to relabelling', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toBeCloseTo(1);
    expect(normalisedMutualInformation([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toBeCloseTo(1);
  });

  it('match the textbook example (ARI 0.2424…)', () => {
    // scikit-learn's documented case: labels_true [0,0,0,1,1,1], labels_pred [0,0,1,1,2,2]
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.24242424, 6);
    expect(normalisedMutualInformation([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.5158037, 6);
  });

  it('are near 0 when the prediction ignores the truth', () => {
    const truth = Array.from({ length: 1000 }, (_, i) => i % 10);
    const pred = Array.from({ length: 1000 }, (_, i) => Math.floor(i / 100));
    expect(Math.abs(adjustedRandIndex(truth, pred))).toBeLessThan(0.01);
    expect(normalisedMutualInformation(truth, pred)).toBeLessThan(0.01);
  });
});

describe('precisionAtK', () => {
  it('is the share of the top k that is relevant', () => {
    expect(precisionAtK(['a', 'b', 'c', 'd'], new Set(['a', 'c']), 2)).toBe(0.5);
    expect(precisionAtK([], new Set(['a']), 10)).toBe(0);
  });
});
