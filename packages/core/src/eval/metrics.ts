/**
 * Quality measures for clusterings (matchers' resolved identities, detected communities) against a
 * ground truth. Both are given as a label per item, over the same items; pure functions.
 */

/** Pairwise precision, recall and F1: over all pairs of items, "same cluster" predicted vs true. */
export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/** A cluster label: any string or number; only equality matters. */
export type Label = string | number;

/** Counts of items per (truth label, predicted label), and per label on each side. */
const contingency = (truth: readonly Label[], predicted: readonly Label[]) => {
  if (truth.length !== predicted.length) throw new Error('truth and prediction must label the same items');
  const cells = new Map<Label, Map<Label, number>>();
  const rows = new Map<Label, number>();
  const cols = new Map<Label, number>();
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i] ?? '';
    const p = predicted[i] ?? '';
    let row = cells.get(t);
    if (!row) {
      row = new Map<Label, number>();
      cells.set(t, row);
    }
    row.set(p, (row.get(p) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  }
  return { cells, rows, cols, n: truth.length };
};

/** Pairwise precision/recall/F1 of a predicted clustering against the true one (1 when none is predicted or true). */
export const pairwiseScores = (truth: readonly Label[], predicted: readonly Label[]): PairwiseScores => {
  const { cells, rows, cols } = contingency(truth, predicted);
  let correctPairs = 0;
  for (const row of cells.values()) for (const n of row.values()) correctPairs += pairs(n);
  let truePairs = 0;
  for (const n of rows.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  for (const n of cols.values()) predictedPairs += pairs(n);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
};

/** Adjusted Rand index (Hubert & Arabie): 1 for identical clusterings, about 0 for random ones. */
export const adjustedRandIndex = (truth: readonly Label[], predicted: readonly Label[]): number => {
  const { cells, rows, cols, n } = contingency(truth, predicted);
  let index = 0;
  for (const row of cells.values()) for (const c of row.values()) index += pairs(c);
  let a = 0;
  for (const c of rows.values()) a += pairs(c);
  let b = 0;
  for (const c of cols.values()) b += pairs(c);
  const expected = n < 2 ? 0 : (a * b) / pairs(n);
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
};

/** Normalised mutual information (arithmetic mean of the entropies): 1 for identical clusterings. */
export const normalisedMutualInformation = (truth: readonly Label[], predicted: readonly Label[]): number => {
  const { cells, rows, cols, n } = contingency(truth, predicted);
  if (n === 0) return 1;
  const entropy = (counts: Iterable<number>): number => {
    let h = 0;
    for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mi = 0;
  for (const [t, row] of cells) {
    for (const [p, c] of row) {
      mi += (c / n) * Math.log((c * n) / ((rows.get(t) ?? 1) * (cols.get(p) ?? 1)));
    }
  }
  const ht = entropy(rows.values());
  const hp = entropy(cols.values());
  return ht + hp === 0 ? 1 : (2 * mi) / (ht + hp);
};

/** Precision at k: the share of the first k ranked items that are in the relevant set. */
export const precisionAtK = <T>(ranked: readonly T[], relevant: ReadonlySet<T>, k: number): number => {
  const top = ranked.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((x) => relevant.has(x)).length / top.length;
};
