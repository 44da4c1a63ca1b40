import { compare, type Comparison } from './compare.js';
import { comparableSchemata, type MatchRecord } from './features.js';
import { DEFAULT_PARAMS, type MatchParams } from './model.js';
import { PostingTable } from './posting-table.js';
import { jaroWinkler } from './similarity.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import { readScreeningSnapshot, writeScreeningSnapshot, type ScreeningState } from './screening-snapshot.js';
import {
  DEFAULT_SCREENING_KEY_WEIGHTS,
  hashKey,
  keyField,
  screeningKeys,
  type ScreeningKeyWeights,
} from './screening-keys.js';

/**
 * The operating threshold of screening under DEFAULT_PARAMS: a hit at or above it is an alert. Chosen
 * as the lowest posterior at which at most 0.5 % of queries about people on no list (yente's
 * negatives_us against negatives_global, 50,000 each) raise one — see the matching README. Matching
 * records for a merge (dedupe) keeps `params.threshold`.
 */
export const DEFAULT_SCREENING_THRESHOLD = 0.7;

/** Options of a {@link ScreeningIndex}: all of them apply at query time, so a snapshot holds none. */
export interface ScreeningOptions {
  /** The comparison model of the full comparisons; default DEFAULT_PARAMS. */
  params?: MatchParams;
  /** Weights of the kinds of candidate key; default DEFAULT_SCREENING_KEY_WEIGHTS. */
  weights?: Readonly<ScreeningKeyWeights>;
  /** Keys held by more live records than this are not followed (their weight is nearly 0); default 5,000. */
  cap?: number;
  /** How many of the best pre-scored candidates are compared in full; default 40. */
  candidates?: number;
}

/** One query's options. */
export interface ScreeningQuery {
  /** At most this many hits, best first; default 10. */
  limit?: number;
  /** Drop hits scoring below this (0..1); default 0 (every compared candidate). */
  minScore?: number;
  /** An id never returned (the query record itself, when screening a record already indexed). */
  exclude?: string;
  /** Compare at most this many pre-scored candidates (default: the index's `candidates`). */
  candidates?: number;
}

/** One candidate: the indexed record, its full explained comparison, and the candidate pre-score. */
export interface ScreeningHit {
  id: string;
  record: MatchRecord;
  comparison: Comparison;
  /** The key-overlap score that chose it for comparison (see screening-keys.ts). */
  prescore: number;
}

/** What a query did (for benchmarks and tuning). */
export interface ScreeningStats {
  keys: number;
  /** Keys skipped because more than `cap` records hold them. */
  capped: number;
  /** Distinct records sharing at least one followed key. */
  touched: number;
  compared: number;
}

/**
 * An in-memory screening index: add, update and remove records as they arrive, then query by example
 * for the top candidates, each with the full `compare` explanation. Candidates come from an inverted
 * index of name tokens, token pairs, consonant skeletons, cognate groups, birth year × skeleton, full
 * dates and identifier keys (screening-keys.ts) on typed arrays; the best `candidates` by rarity-weighted
 * key overlap are compared in full and ranked by score. Records are held as compact strings
 * (record-codec.ts) and decoded only when compared.
 *
 * Use from a service:
 * ```ts
 * const index = new ScreeningIndex({ params });              // or ScreeningIndex.restore(bytes, { params })
 * index.add(toMatchRecord(entity));                          // again with the same id replaces it
 * index.remove(id);
 * const hits = index.query(toMatchRecord(queryEntity), { limit: 10, minScore: threshold });
 * // hits[i].comparison.features explains each; persist index.snapshot() (a Uint8Array) for restarts
 * ```
 * Not thread-safe and synchronous: one query against 1,000,000 people costs about 1.5 ms of CPU at
 * the median (docs/benchmarks.md, "Screening speed").
 */
export class ScreeningIndex {
  /** The model used for full comparisons. */
  readonly params: MatchParams;
  private readonly weights: Readonly<ScreeningKeyWeights>;
  private readonly cap: number;
  private readonly candidates: number;
  private readonly s: ScreeningState;
  private readonly slotOf = new Map<string, number>();
  private readonly schemaCode = new Map<string, number>();
  private live = 0;
  private compactedAt = 1 << 16;
  // Per record: the sum of shared key weights, and the best key weight of each field (see KeyField).
  private acc = new Float32Array(1024);
  private best: Float32Array[] = [0, 1, 2, 3].map(() => new Float32Array(1024));
  /** What the last query did. */
  lastStats: ScreeningStats = { keys: 0, capped: 0, touched: 0, compared: 0 };

  constructor(options: ScreeningOptions = {}, state?: ScreeningState) {
    this.params = options.params ?? DEFAULT_PARAMS;
    this.weights = options.weights ?? DEFAULT_SCREENING_KEY_WEIGHTS;
    this.cap = options.cap ?? 5_000;
    this.candidates = options.candidates ?? 40;
    this.s = state ?? {
      table: new PostingTable(),
      records: [],
      ids: [],
      schemaOf: new Uint16Array(1024),
      schemas: [],
    };
    this.s.schemas.forEach((name, code) => this.schemaCode.set(name, code));
    this.s.ids.forEach((id, slot) => {
      if (this.s.records[slot] !== '') {
        this.slotOf.set(id, slot);
        this.live++;
      }
    });
    this.grow(this.s.records.length);
    this.compactedAt = Math.max(this.s.table.arrays.postings, 1 << 16);
  }

  /** An index from bytes written by {@link ScreeningIndex.snapshot}; throws RangeError on a bad snapshot. */
  static restore(bytes: Uint8Array, options: ScreeningOptions = {}): ScreeningIndex {
    return new ScreeningIndex(options, readScreeningSnapshot(bytes));
  }

  /** The index as bytes (typed arrays as they are, records as text): restore() reads it back. */
  snapshot(): Uint8Array {
    return writeScreeningSnapshot(this.s);
  }

  /** Records in the index. */
  get size(): number {
    return this.live;
  }

  /** Slots ever used, removed ones included (a snapshot keeps them; rebuild to reclaim). */
  get slots(): number {
    return this.s.records.length;
  }

  /** The state a snapshot saves (shared, not copied). */
  get state(): ScreeningState {
    return this.s;
  }

  /** True when a record with this id is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The indexed record with this id (without its rejected values), if any. */
  get(id: string): MatchRecord | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : decodeRecord(this.s.records[slot] ?? '');
  }

  /** Index a record; a record with the same id is replaced (an update). Records with no id are refused. */
  add(record: MatchRecord): void {
    if (record.id === '') throw new RangeError('a screening index needs records with ids');
    this.remove(record.id);
    const slot = this.s.records.length;
    this.s.records.push(encodeRecord(record));
    this.s.ids.push(record.id);
    if (slot >= this.s.schemaOf.length) {
      const grown = new Uint16Array(this.s.schemaOf.length * 2);
      grown.set(this.s.schemaOf);
      this.s.schemaOf = grown;
    }
    this.s.schemaOf[slot] = this.codeOf(record.schema);
    for (const key of screeningKeys(record).keys()) this.s.table.add(hashKey(key), slot);
    this.slotOf.set(record.id, slot);
    this.live++;
    // Amortised: each compaction at least doubles the postings since the last one.
    if (this.s.table.arrays.postings >= 2 * this.compactedAt) this.compact();
  }

  /**
   * Lay each posting list out contiguously and drop the postings of removed records (add() does it on
   * its own each time the postings double; call it after a bulk load or many removals).
   */
  compact(): void {
    const { records } = this.s;
    this.s.table.compact((slot) => records[slot] !== '' && records[slot] !== undefined);
    this.compactedAt = Math.max(this.s.table.arrays.postings, 1 << 16);
  }

  /** Remove the record with this id; false when there was none. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const old = decodeRecord(this.s.records[slot] ?? '');
    for (const key of screeningKeys(old).keys()) this.s.table.release(hashKey(key));
    this.s.records[slot] = '';
    this.slotOf.delete(id);
    this.live--;
    return true;
  }

  /** The best candidates for an example record, best first, each with its explained comparison. */
  query(example: MatchRecord, options: ScreeningQuery = {}): ScreeningHit[] {
    const { limit = 10, minScore = 0, exclude, candidates = this.candidates } = options;
    const { table, records } = this.s;
    if (this.acc.length < records.length) this.grow(records.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    const stats: ScreeningStats = { keys: 0, capped: 0, touched: 0, compared: 0 };
    for (const [key, kindWeight] of screeningKeys(example, this.weights)) {
      const at = table.find(hashKey(key));
      stats.keys++;
      if (at < 0) continue;
      const n = table.count(at);
      if (n === 0) continue;
      if (n > this.cap) {
        stats.capped++;
        continue;
      }
      const w = kindWeight * Math.log2(1 + this.live / n);
      if (!(w > 0)) continue;
      const fieldBest = this.best[keyField(key)] ?? acc;
      // The hot loop: typed arrays read directly (a list is contiguous after compaction).
      const { postSlot, postNext } = table.arrays;
      for (let p = table.head(at); p >= 0; p = postNext[p] ?? -1) {
        const slot = postSlot[p] ?? 0;
        const v = acc[slot] ?? 0;
        if (v === 0) touched.push(slot);
        acc[slot] = v + w;
        if (w > (fieldBest[slot] ?? 0)) fieldBest[slot] = w;
      }
    }
    stats.touched = touched.length;
    // Pre-score: the best key of each field plus a tenth of the rest.
    for (const slot of touched) {
      let top = 0;
      for (const b of this.best) {
        top += b[slot] ?? 0;
        b[slot] = 0;
      }
      acc[slot] = top + 0.1 * ((acc[slot] ?? 0) - top);
    }
    const comparable = this.comparableCodes(example.schema);
    const best = topSlots(touched, acc, candidates, (slot) => {
      const code = this.s.schemaOf[slot] ?? 0;
      return records[slot] !== '' && comparable[code] === true && this.s.ids[slot] !== exclude;
    });
    const hits: ScreeningHit[] = [];
    for (const slot of best) {
      const record = decodeRecord(records[slot] ?? '');
      const comparison = compare(example, record, this.params);
      stats.compared++;
      if (comparison.score >= minScore)
        hits.push({ id: record.id, record, comparison, prescore: acc[slot] ?? 0 });
    }
    for (const slot of touched) acc[slot] = 0;
    this.lastStats = stats;
    // Equal evidence (namesakes): the name written most like the example's first.
    const closeness = new Map(hits.map((h) => [h, writtenLike(example, h.record)]));
    hits.sort(
      (a, b) =>
        b.comparison.logOdds - a.comparison.logOdds ||
        (closeness.get(b) ?? 0) - (closeness.get(a) ?? 0) ||
        b.prescore - a.prescore,
    );
    return hits.slice(0, limit);
  }

  private grow(slots: number): void {
    const n = Math.max(1024, slots);
    this.acc = new Float32Array(n);
    this.best = this.best.map(() => new Float32Array(n));
  }

  private codeOf(schema: string): number {
    let code = this.schemaCode.get(schema);
    if (code === undefined) {
      code = this.s.schemas.length;
      this.s.schemas.push(schema);
      this.schemaCode.set(schema, code);
    }
    return code;
  }

  private comparableCodes(schema: string): boolean[] {
    return this.s.schemas.map((other) => comparableSchemata(schema, other));
  }
}

// How alike the two records' names are written: the best Jaro–Winkler of their transliterations.
const writtenLike = (a: MatchRecord, b: MatchRecord): number => {
  let best = 0;
  for (const x of a.names) for (const y of b.names) best = Math.max(best, jaroWinkler(x.latin, y.latin));
  return best;
};

// The `k` touched slots with the highest accumulated score that pass `keep`, best first (a min-heap).
const topSlots = (
  touched: readonly number[],
  score: Float32Array,
  k: number,
  keep: (slot: number) => boolean,
): number[] => {
  const heap: number[] = [];
  const s = (i: number): number => score[heap[i] ?? 0] ?? 0;
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
      if (l < heap.length && s(l) < s(m)) m = l;
      if (r < heap.length && s(r) < s(m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const slot of touched) {
    const v = score[slot] ?? 0;
    if (heap.length === k && v <= s(0)) continue;
    if (!keep(slot)) continue;
    if (heap.length < k) {
      heap.push(slot);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (s(parent) <= s(i)) break;
        swap(i, parent);
        i = parent;
      }
    } else {
      heap[0] = slot;
      down(0);
    }
  }
  return heap.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0));
};
