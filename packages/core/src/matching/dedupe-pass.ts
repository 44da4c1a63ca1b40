import { blockingKeys } from './blocking.js';
import type { Comparison } from './compare.js';
import type { MatchRecord } from './features.js';
import { BOUND_SLACK, bothNamed, boundWithoutNames, compareAbove, weightTable } from './log-odds-bound.js';
import { logOddsOf, type MatchParams } from './model.js';
import { hashKey } from './screening-keys.js';

export { logOddsBound } from './log-odds-bound.js';

/**
 * A from-scratch deduplication pass over a fixed set of records: the pairs of a set that score at or
 * above a threshold, each pair compared once. Records are grouped in blocks by their blocking keys
 * (hashed; keys held by one record or by more than `cap` are dropped), each record's candidates are
 * the later records sharing one of its blocks, and a cheap upper bound on the log-odds (names at
 * their best weight, the other features at their real level) spares the full comparison of most
 * candidates. Every step is on typed arrays so a plan can be shared between worker threads,
 * each taking a share of the records (`lefts`).
 */

/** The hashed blocking keys of each record: keys of record i are keys[offsets[i]..offsets[i+1]). */
export interface DedupeKeys {
  offsets: Int32Array;
  keys: Int32Array;
}

/** Blocks in two directions: each kept block's records (ascending), each record's kept blocks (ascending). */
export interface DedupePlan {
  records: number;
  blockStart: Int32Array;
  members: Int32Array;
  recordStart: Int32Array;
  recordBlocks: Int32Array;
}

/** Options of a dedupe pass's comparisons (blocks are capped by {@link planDedupe}). */
export interface DedupeOptions {
  /** Keep pairs scoring at least this; default the model's threshold. */
  minScore?: number;
  /** Of each record's later candidates, compare only the best this many by shared-block rarity; default all. */
  candidates?: number;
  /** Only pairs this accepts are compared (same entity twice, pairs outside the records re-matched). */
  accept?: (left: number, right: number) => boolean;
  /** The records whose later candidates this call compares, ascending; default every record. */
  lefts?: Int32Array;
}

/** A pair of records (left < right, indexes into the pass's records) with its comparison. */
export interface DedupePair {
  left: number;
  right: number;
  comparison: Comparison;
}

/** The distinct hashed blocking keys of some records, flattened. */
export const dedupeKeys = (records: readonly MatchRecord[]): DedupeKeys => {
  const offsets = new Int32Array(records.length + 1);
  const all: number[] = [];
  records.forEach((r, i) => {
    for (const k of new Set(blockingKeys(r).map(hashKey))) all.push(k);
    offsets[i + 1] = all.length;
  });
  return { offsets, keys: Int32Array.from(all) };
};

/** Join per-part key tables (in record order) into one. */
export const joinKeys = (parts: readonly DedupeKeys[]): DedupeKeys => {
  const records = parts.reduce((n, p) => n + p.offsets.length - 1, 0);
  const total = parts.reduce((n, p) => n + p.keys.length, 0);
  const offsets = new Int32Array(records + 1);
  const keys = new Int32Array(total);
  let r = 0;
  let k = 0;
  for (const p of parts) {
    keys.set(p.keys, k);
    for (let i = 1; i < p.offsets.length; i++) offsets[++r] = k + (p.offsets[i] ?? 0);
    k += p.keys.length;
  }
  return { offsets, keys };
};

/**
 * Group records by key, dropping keys held by one record or by more than `cap`. The (key, record)
 * entries are sorted by key with a radix sort, 16 bits a pass: it is stable, so each key's records
 * stay ascending as the table lists them, and at tens of millions of entries it is several times
 * faster than a native sort of packed numbers.
 */
export const planDedupe = (table: DedupeKeys, cap = 1000): DedupePlan => {
  const n = table.offsets.length - 1;
  const total = table.keys.length;
  let keys = new Uint32Array(table.keys.buffer, table.keys.byteOffset, total).slice();
  let owner = new Int32Array(total);
  for (let i = 0; i < n; i++) owner.fill(i, table.offsets[i], table.offsets[i + 1]);
  let nextKeys = new Uint32Array(total);
  let nextOwner = new Int32Array(total);
  const count = new Int32Array(65_537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let e = 0; e < total; e++) {
      const d = (((keys[e] ?? 0) >>> shift) & 0xffff) + 1;
      count[d] = (count[d] ?? 0) + 1;
    }
    for (let d = 1; d < count.length; d++) count[d] = (count[d] ?? 0) + (count[d - 1] ?? 0);
    for (let e = 0; e < total; e++) {
      const key = keys[e] ?? 0;
      const d = (key >>> shift) & 0xffff;
      const at = count[d] ?? 0;
      count[d] = at + 1;
      nextKeys[at] = key;
      nextOwner[at] = owner[e] ?? 0;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [owner, nextOwner] = [nextOwner, owner];
  }
  const starts: number[] = [0];
  const members = nextOwner; // free now: the kept blocks' records, packed from the start
  let filled = 0;
  for (let a = 0; a < total;) {
    const key = keys[a];
    let b = a + 1;
    while (b < total && keys[b] === key) b++;
    if (b - a >= 2 && b - a <= cap) {
      members.set(owner.subarray(a, b), filled);
      filled += b - a;
      starts.push(filled);
    }
    a = b;
  }
  const blockStart = Int32Array.from(starts);
  const recordStart = new Int32Array(n + 1);
  for (let e = 0; e < filled; e++) {
    const r = (members[e] ?? 0) + 1;
    recordStart[r] = (recordStart[r] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) recordStart[i + 1] = (recordStart[i + 1] ?? 0) + (recordStart[i] ?? 0);
  const next = recordStart.slice(0, n);
  const recordBlocks = new Int32Array(filled);
  for (let b = 0; b + 1 < blockStart.length; b++)
    for (let e = blockStart[b] ?? 0; e < (blockStart[b + 1] ?? 0); e++) {
      const r = members[e] ?? 0;
      const at = next[r] ?? 0;
      recordBlocks[at] = b;
      next[r] = at + 1;
    }
  return { records: n, blockStart, members: members.slice(0, filled), recordStart, recordBlocks };
};

/**
 * The pairs scoring at least `minScore`: for each record i of `lefts`, its candidates j > i
 * (each once, however many blocks they share), ranked by the rarity of the blocks shared when
 * `candidates` limits them, then bounded (every feature at its best weight, then the names at their
 * real one), then compared in full.
 */
export const dedupePairs = (
  plan: DedupePlan,
  recordAt: (i: number) => MatchRecord,
  params: MatchParams,
  options: DedupeOptions = {},
): DedupePair[] => {
  const { blockStart, members, recordStart, recordBlocks } = plan;
  const minScore = options.minScore ?? params.threshold;
  const minBits = minScore <= 0 ? -Infinity : minScore >= 1 ? Infinity : logOddsOf(minScore);
  const limit = Math.min(options.candidates ?? plan.records, plan.records);
  const accept = options.accept;
  const seen = new Int32Array(plan.records).fill(-1);
  const weight = new Float64Array(plan.records);
  const found = new Int32Array(plan.records);
  const top = new Int32Array(limit);
  const table = weightTable(params);
  const cut = minBits - BOUND_SLACK;
  const out: DedupePair[] = [];
  const lefts = options.lefts ?? Int32Array.from({ length: plan.records }, (_, i) => i);
  for (const i of lefts) {
    let count = 0;
    for (let e = recordStart[i] ?? 0; e < (recordStart[i + 1] ?? 0); e++) {
      const b = recordBlocks[e] ?? 0;
      const from = blockStart[b] ?? 0;
      const to = blockStart[b + 1] ?? 0;
      const w = 1 / Math.log2(1 + to - from);
      for (let m = to - 1; m >= from; m--) {
        const j = members[m] ?? 0;
        if (j <= i) break;
        if (seen[j] !== i) {
          seen[j] = i;
          // A refused pair keeps -Infinity, so it is asked about once and never chosen.
          if (accept !== undefined && !accept(i, j)) {
            weight[j] = -Infinity;
            continue;
          }
          weight[j] = 0;
          found[count++] = j;
        }
        weight[j] = (weight[j] ?? 0) + w;
      }
    }
    if (count === 0) continue;
    const chosen = count <= limit ? found.subarray(0, count) : best(found, count, weight, top);
    const a = recordAt(i);
    for (const j of chosen) {
      const b = recordAt(j);
      // Bounds add in another order than compare: a hair of slack keeps a pair at the threshold.
      // Most candidates fail on a bound (often on their names): those are not compared in full.
      const rest = boundWithoutNames(a, b, table);
      const comparison = compareAbove(a, b, params, table, rest, bothNamed(a, b), cut);
      if (comparison !== undefined && comparison.score >= minScore)
        out.push({ left: i, right: j, comparison });
    }
  }
  return out;
};

/** The `top.length` of the first `count` candidates with the largest weights (into `top`, best first). */
const best = (found: Int32Array, count: number, weight: Float64Array, top: Int32Array): Int32Array => {
  const k = top.length;
  let held = 0;
  for (let c = 0; c < count; c++) {
    const j = found[c] ?? 0;
    const w = weight[j] ?? 0;
    if (held === k && w <= (weight[top[k - 1] ?? 0] ?? 0)) continue;
    let at = held < k ? held++ : k - 1;
    while (at > 0 && (weight[top[at - 1] ?? 0] ?? 0) < w) {
      top[at] = top[at - 1] ?? 0;
      at--;
    }
    top[at] = j;
  }
  return top;
};
