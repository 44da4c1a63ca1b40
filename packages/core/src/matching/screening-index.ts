import type { Comparison } from './compare.js';
import { comparableSchemata, type MatchRecord } from './features.js';
import { weightTable, type WeightTable } from './log-odds-bound.js';
import { DEFAULT_PARAMS, type MatchParams } from './model.js';
import { PostingTable } from './posting-table.js';
import { SlotPartitions } from './slot-partitions.js';
import { TextColumn } from './text-column.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import { compareBest, rankHits, topCandidates } from './screening-rank.js';
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
export const DEFAULT_SCREENING_THRESHOLD = 0.5;

// Accumulators per record slot: the sum of shared key weights, then the best key of each of 4 fields.
const ACC = 5;

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
  /**
   * Postings a query walks before it stops following its commonest keys (once it has touched
   * `candidates` records); default 3,000. Bounds the slowest queries: their commonest keys weigh least.
   */
  budget?: number;
  /**
   * The partition of a record id (its dataset, say): queries may then filter by partition
   * (`acceptPartition`), asked once per partition instead of once per record. Worked out once a slot.
   */
  partition?: (id: string) => string;
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
  /**
   * Only records whose id passes this are candidates (a reader's datasets, say). Applied while the best
   * pre-scored candidates are chosen, so refused records never take a comparison's place; it is asked
   * only about records that would enter the top `candidates`, not about every record touched.
   */
  accept?: (id: string) => boolean;
  /**
   * Only records whose partition passes this are candidates (the index needs `partition`): as `accept`,
   * but asked once per partition and query, and without reading the records' ids.
   */
  acceptPartition?: (partition: string) => boolean;
  /**
   * The group of an id (the entity an index record belongs to, when an entity has several records):
   * hits are then distinct by group — only the best hit of each group is returned, in the order the
   * hits have without grouping, and `limit` counts groups.
   */
  group?: (id: string) => string;
  /**
   * Set aside candidates that an exact upper bound on their log-odds shows cannot be among the hits
   * returned (default true). The hits are the same either way; false compares every candidate, to
   * check that or to read every comparison's cost.
   */
  prune?: boolean;
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
  /** Keys not followed: held by more than `cap` records, or past the postings budget. */
  capped: number;
  /** Live records on the followed keys' posting lists (the work of finding candidates). */
  postings: number;
  /** Distinct records sharing at least one followed key. */
  touched: number;
  /** Candidates compared in full. */
  compared: number;
  /**
   * Candidates set aside without a full comparison: an exact upper bound on their log-odds showed
   * they could not be among the hits returned (below minScore, or below the `limit`-th best).
   */
  bounded: number;
}

/**
 * An in-memory screening index: add, update and remove records as they arrive, then query by example
 * for the top candidates, each with the full `compare` explanation. Candidates come from an inverted
 * index of name tokens, token pairs, consonant skeletons, cognate groups, birth year × skeleton, full
 * dates and identifier keys (screening-keys.ts) on typed arrays; the best `candidates` by rarity-weighted
 * key overlap are scored and ranked by log-odds — in full only where an exact upper bound on their
 * log-odds (log-odds-bound.ts) does not already show they cannot be among the hits returned. Records
 * are held as compact strings (record-codec.ts) and decoded only when they are candidates.
 *
 * Use from a service:
 * ```ts
 * const index = new ScreeningIndex({ params });              // or ScreeningIndex.restore(bytes, { params })
 * index.add(toMatchRecord(entity));                          // again with the same id replaces it
 * index.remove(id);
 * const hits = index.query(toMatchRecord(queryEntity), { limit: 10, minScore: threshold });
 * // hits[i].comparison.features explains each; persist index.snapshot() (a Uint8Array) for restarts
 * ```
 * Not thread-safe and synchronous: one query against 1,000,000 people costs about 1 ms of CPU at
 * the median and under 2 ms at p95 (docs/benchmarks.md, "HTTP with screening threads…").
 */
export class ScreeningIndex {
  /** The model used for full comparisons. */
  readonly params: MatchParams;
  private readonly weights: Readonly<ScreeningKeyWeights>;
  private readonly cap: number;
  private readonly candidates: number;
  private readonly budget: number;
  private readonly s: ScreeningState;
  private readonly table: WeightTable;
  // Id → slot of the live records: built on first use, so a restored index can answer queries
  // before it has decoded its ids (a query reads only the ids of its candidates).
  private slotMap: Map<string, number> | undefined;
  private readonly schemaCode = new Map<string, number>();
  private readonly partitions: SlotPartitions | undefined;
  private live = 0;
  private compactedAt = 1 << 16;
  // Per record (at ACC × slot): the sum of shared key weights, then the best key weight of each field
  // (see KeyField); and the records a query touched, as those offsets.
  private acc = new Float32Array(ACC * 1024);
  private touched = new Int32Array(1024);
  /** What the last query did. */
  lastStats: ScreeningStats = { keys: 0, capped: 0, postings: 0, touched: 0, compared: 0, bounded: 0 };

  constructor(options: ScreeningOptions = {}, state?: ScreeningState) {
    this.params = options.params ?? DEFAULT_PARAMS;
    this.table = weightTable(this.params);
    this.weights = options.weights ?? DEFAULT_SCREENING_KEY_WEIGHTS;
    this.cap = options.cap ?? 5_000;
    this.candidates = options.candidates ?? 40;
    this.budget = options.budget ?? 3_000;
    this.partitions = options.partition ? new SlotPartitions(options.partition) : undefined;
    this.s = state ?? {
      table: new PostingTable(),
      records: TextColumn.empty(),
      ids: TextColumn.empty(),
      schemaOf: new Uint16Array(1024),
      schemas: [],
    };
    this.s.schemas.forEach((name, code) => this.schemaCode.set(name, code));
    for (let slot = 0; slot < this.s.records.length; slot++) if (!this.s.records.isEmpty(slot)) this.live++;
    this.grow(this.s.records.length);
    this.compactedAt = Math.max(this.s.table.arrays.postings, 1 << 16);
  }

  /**
   * An index from bytes written by {@link ScreeningIndex.snapshot}; throws RangeError on a bad snapshot.
   * The index keeps and uses the bytes (no copy): do not reuse them.
   */
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
    return slot === undefined ? undefined : decodeRecord(this.s.records.get(slot));
  }

  /** The id of the record in a slot ('' when removed). */
  idAt(slot: number): string {
    return this.s.records.isEmpty(slot) ? '' : this.s.ids.get(slot);
  }

  /**
   * Index a record; a record with the same id is replaced (an update). Records with no id, or with a
   * line feed in it, are refused.
   */
  add(record: MatchRecord): void {
    if (record.id === '' || record.id.includes('\n'))
      throw new RangeError('a screening index needs records with ids (without line feeds)');
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
    this.partitions?.set(slot, record.id);
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
    this.s.table.compact((slot) => slot < records.length && !records.isEmpty(slot));
    this.compactedAt = Math.max(this.s.table.arrays.postings, 1 << 16);
  }

  /** Remove the record with this id; false when there was none. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const old = decodeRecord(this.s.records.get(slot));
    for (const key of screeningKeys(old).keys()) this.s.table.release(hashKey(key));
    this.s.records.set(slot, '');
    this.slotOf.delete(id);
    this.live--;
    return true;
  }

  /** The best candidates for an example record, best first, each with its explained comparison. */
  query(example: MatchRecord, options: ScreeningQuery = {}): ScreeningHit[] {
    const { limit = 10, minScore = 0, exclude, accept, acceptPartition, group } = options;
    const candidates = options.candidates ?? this.candidates;
    if (acceptPartition && !this.partitions)
      throw new RangeError('acceptPartition needs an index made with a partition function');
    const { table, records, ids, schemaOf } = this.s;
    const inPartition = acceptPartition && this.partitions?.filter(acceptPartition, (slot) => ids.get(slot));
    if (this.touched.length < records.length) this.grow(records.length * 2);
    const { acc, touched } = this;
    let n = 0;
    const stats: ScreeningStats = { keys: 0, capped: 0, postings: 0, touched: 0, compared: 0, bounded: 0 };
    // The followed keys, rarest first: common keys are the cheapest to skip (they weigh least).
    const followed: { at: number; count: number; w: number; field: number }[] = [];
    for (const [key, kindWeight] of screeningKeys(example, this.weights, true)) {
      const at = table.find(hashKey(key));
      stats.keys++;
      if (at < 0) continue;
      const count = table.count(at);
      if (count === 0) continue;
      if (count > this.cap) {
        stats.capped++;
        continue;
      }
      const w = kindWeight * Math.log2(1 + this.live / count);
      if (w > 0) followed.push({ at, count, w, field: 1 + keyField(key) });
    }
    followed.sort((a, b) => a.count - b.count);
    for (const { at, count, w, field } of followed) {
      // Past the budget, with candidates enough, the remaining (commoner) keys are not followed.
      if (stats.postings + count > this.budget && n >= candidates) {
        stats.capped++;
        continue;
      }
      stats.postings += count;
      // The hot loop: typed arrays read directly (a list is contiguous after compaction), and a
      // record's five accumulators side by side, so a posting costs one cache miss, not five.
      const { postSlot, postNext } = table.arrays;
      for (let p = table.head(at); p >= 0; p = postNext[p] ?? -1) {
        const base = ACC * (postSlot[p] ?? 0);
        const v = acc[base] ?? 0;
        if (v === 0) touched[n++] = base;
        acc[base] = v + w;
        if (w > (acc[base + field] ?? 0)) acc[base + field] = w;
      }
    }
    stats.touched = n;
    // Pre-score: the best key of each field plus a tenth of the rest (accumulators cleared as read).
    const pre = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const base = touched[i] ?? 0;
      let top = 0;
      for (let f = 1; f < ACC; f++) {
        top += acc[base + f] ?? 0;
        acc[base + f] = 0;
      }
      pre[i] = top + 0.1 * ((acc[base] ?? 0) - top);
      acc[base] = 0;
    }
    const comparable = this.comparableCodes(example.schema);
    // The id is read (decoded) only when something asks about it.
    const asks = exclude !== undefined || accept !== undefined;
    const best = topCandidates(touched, pre, n, candidates, (i) => {
      const slot = (touched[i] ?? 0) / ACC;
      if (comparable[schemaOf[slot] ?? 0] !== true || records.isEmpty(slot)) return false;
      if (inPartition && !inPartition(slot)) return false;
      if (!asks) return true;
      const id = ids.get(slot);
      return id !== exclude && (accept === undefined || accept(id));
    });
    const found = compareBest(
      example,
      best.map((i, rank) => ({
        record: decodeRecord(records.get((touched[i] ?? 0) / ACC)),
        prescore: pre[i] ?? 0,
        rank,
      })),
      {
        limit,
        minScore,
        group: group ?? ((id) => id),
        prune: options.prune !== false,
        params: this.params,
        table: this.table,
      },
      stats,
    );
    this.lastStats = stats;
    return rankHits(example, found, limit, group);
  }

  private get slotOf(): Map<string, number> {
    if (this.slotMap) return this.slotMap;
    const map = new Map<string, number>();
    const { ids, records } = this.s;
    for (let slot = 0; slot < records.length; slot++)
      if (!records.isEmpty(slot)) map.set(ids.get(slot), slot);
    this.slotMap = map;
    return map;
  }

  private grow(slots: number): void {
    const n = Math.max(1024, slots);
    this.acc = new Float32Array(ACC * n);
    this.touched = new Int32Array(n);
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
