import type { MatchRecord } from './features.js';
import {
  BOUND_SLACK,
  bothNamed,
  boundWithoutNames,
  compareAbove,
  type WeightTable,
} from './log-odds-bound.js';
import { logOddsOf, type MatchParams } from './model.js';
import type { ScreeningHit, ScreeningStats } from './screening-index.js';
import { jaroWinkler, jaroWinklerCeiling } from './similarity.js';

/**
 * The last stages of a screening query (screening-index.ts): choosing the candidates by pre-score,
 * comparing those that can still reach the hits (pruned by an exact bound on their log-odds), and
 * ranking the hits.
 */

/** What comparing the candidates needs: the query's limit, cut and grouping, and the model. */
export interface CompareOptions {
  limit: number;
  minScore: number;
  group: (id: string) => string;
  prune: boolean;
  params: MatchParams;
  table: WeightTable;
}

/** How alike a record's names are written to the example's. */
interface Likeness {
  /** The best Jaro–Winkler of the two records' transliterations (of every pair of names). */
  written(record: MatchRecord): number;
}

/**
 * The likeness to an example, each transliteration weighed once a query (namesakes write their names
 * alike). Pairs whose ceiling cannot beat the best so far are skipped, and two names written alike end
 * it (nothing is more alike than 1): the same maximum as every pair's, computed for fewer pairs.
 */
const likeness = (example: MatchRecord): Likeness => {
  const like = new Map<string, number>();
  const likeOf = (latin: string): number => {
    let v = like.get(latin);
    if (v !== undefined) return v;
    v = 0;
    for (const x of example.names) {
      if (x.latin === latin) {
        v = 1;
        break;
      }
      if (jaroWinklerCeiling(x.latin, latin) + 1e-9 > v) v = Math.max(v, jaroWinkler(x.latin, latin));
    }
    like.set(latin, v);
    return v;
  };
  return {
    written: (record) => {
      let best = 0;
      for (const y of record.names) if (best < 1) best = Math.max(best, likeOf(y.latin));
      return best;
    },
  };
};

/** A candidate chosen for comparison: its record, pre-score and rank among the candidates (best first). */
export interface Candidate {
  record: MatchRecord;
  prescore: number;
  rank: number;
}

/** A compared candidate scoring at least the query's minScore. */
export interface Found {
  hit: ScreeningHit;
  group: string;
  rank: number;
}

// Log-odds below which a score is surely below minScore (-Infinity when minScore is 0, or so near 0
// or 1 that a millionth of a bit would not stand clear of the score's rounding).
const minScoreBits = (minScore: number): number =>
  minScore * (1 - minScore) > 1e-6 ? logOddsOf(minScore) - 1e-6 : -Infinity;

// A group's best went from `was` (undefined: a new group) to `now`: the same in the values sorted in
// descending order (a few dozen at most).
const raise = (sorted: number[], was: number | undefined, now: number): void => {
  if (was !== undefined) sorted.splice(sorted.indexOf(was), 1);
  let at = sorted.length;
  while (at > 0 && (sorted[at - 1] ?? 0) < now) at--;
  sorted.splice(at, 0, now);
};

/**
 * The candidates' comparisons that can be among the best `limit` groups scoring at least
 * `minScore`: candidates are taken by their upper bound without the names, best first, and set aside
 * (counted in `stats.bounded`) when a bound — then one with the names' real level, asked only for
 * levels that could lift it — is below `minScore` or strictly below the `limit`-th best group found
 * so far: such a candidate is never among the hits returned, nor the best of a group returned.
 */
export const compareBest = (
  example: MatchRecord,
  candidates: readonly Candidate[],
  options: CompareOptions,
  stats: ScreeningStats,
): Found[] => {
  const { limit, minScore, group, prune, params, table } = options;
  const bounded = candidates.map((c) => {
    const rest = boundWithoutNames(example, c.record, table);
    const named = bothNamed(example, c.record);
    return { c, rest, named, bound: rest + (named ? table.nameMax : 0) };
  });
  if (prune) bounded.sort((a, b) => (a.bound > b.bound ? -1 : a.bound < b.bound ? 1 : a.c.rank - b.c.rank));
  const floor = prune ? minScoreBits(minScore) : -Infinity;
  // Each group's best log-odds so far, and those values in descending order.
  const groupBest = new Map<string, number>();
  const tops: number[] = [];
  let cut = prune && limit <= 0 ? Infinity : floor;
  const found: Found[] = [];
  for (const { c, rest, named } of bounded) {
    const comparison = compareAbove(example, c.record, params, table, rest, named, cut);
    if (comparison === undefined) {
      stats.bounded++;
      continue;
    }
    stats.compared++;
    if (!(comparison.score >= minScore)) continue; // as a NaN minScore always did: no hit
    const g = group(c.record.id);
    found.push({
      hit: { id: c.record.id, record: c.record, comparison, prescore: c.prescore },
      group: g,
      rank: c.rank,
    });
    if (!prune) continue;
    const was = groupBest.get(g);
    if (was !== undefined && was >= comparison.logOdds) continue;
    groupBest.set(g, comparison.logOdds);
    raise(tops, was, comparison.logOdds);
    if (tops.length >= limit) cut = Math.max(cut, (tops[limit - 1] ?? -Infinity) - BOUND_SLACK);
  }
  return found;
};

/**
 * The best `limit` hits (the best of each group with `group`), by log-odds; on equal log-odds
 * (namesakes), the name written most like the example's first, then the candidate's rank. The
 * written likeness is computed only for runs of equal log-odds that reach into the hits returned.
 */
export const rankHits = (
  example: MatchRecord,
  found: Found[],
  limit: number,
  group: ((id: string) => string) | undefined,
): ScreeningHit[] => {
  found.sort((a, b) => b.hit.comparison.logOdds - a.hit.comparison.logOdds || a.rank - b.rank);
  const out: ScreeningHit[] = [];
  const groups = new Set<string>();
  let like: Likeness | undefined;
  for (let from = 0; from < found.length && out.length < limit;) {
    const logOdds = found[from]?.hit.comparison.logOdds;
    let to = from + 1;
    while (to < found.length && found[to]?.hit.comparison.logOdds === logOdds) to++;
    const run = found.slice(from, to);
    if (run.length > 1) {
      const l = (like ??= likeness(example));
      const written = new Map(run.map((f) => [f, l.written(f.hit.record)] as const));
      run.sort((a, b) => (written.get(b) ?? 0) - (written.get(a) ?? 0) || a.rank - b.rank);
    }
    for (const f of run) {
      if (out.length >= limit) break;
      if (group !== undefined) {
        if (groups.has(f.group)) continue;
        groups.add(f.group);
      }
      out.push(f.hit);
    }
    from = to;
  }
  return out;
};

// The positions (0..n-1) of the `k` best pre-scores that pass `keep`, best first (a min-heap); equal
// pre-scores in indexing order (older records first: `order` grows with the slot), so the ranking never
// depends on the heap's shape. Hits are then sorted stably, so equal hits keep this order.
export const topCandidates = (
  order: Int32Array,
  score: Float32Array,
  n: number,
  k: number,
  keep: (i: number) => boolean,
): number[] => {
  if (k <= 0) return [];
  const heap: number[] = [];
  // a ranks below b: lower pre-score, or the same and indexed later.
  const below = (a: number, b: number): boolean => {
    const d = (score[a] ?? 0) - (score[b] ?? 0);
    return d < 0 || (d === 0 && (order[a] ?? 0) > (order[b] ?? 0));
  };
  const swap = (i: number, j: number): void => {
    const t = heap[i] ?? 0;
    heap[i] = heap[j] ?? 0;
    heap[j] = t;
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && below(heap[l] ?? 0, heap[m] ?? 0)) m = l;
      if (r < heap.length && below(heap[r] ?? 0, heap[m] ?? 0)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  // The heap's root, while the heap is full: most positions rank below it and are passed over here.
  let rootScore = -Infinity;
  let rootOrder = -1;
  for (let c = 0; c < n; c++) {
    const s = score[c] ?? 0;
    if (s < rootScore || (s === rootScore && (order[c] ?? 0) > rootOrder)) continue;
    if (!keep(c)) continue;
    if (heap.length < k) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i] ?? 0, heap[parent] ?? 0)) break;
        swap(i, parent);
        i = parent;
      }
    } else {
      heap[0] = c;
      down(0);
    }
    if (heap.length === k) {
      rootScore = score[heap[0] ?? 0] ?? 0;
      rootOrder = order[heap[0] ?? 0] ?? 0;
    }
  }
  return heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
};
