import { blockingKeys, compare, type Comparison, type MatchParams, type MatchRecord } from '@clew/core';

/**
 * The hub's in-memory candidate index, behind one small interface so a faster one (the core's
 * screening index) can replace it without touching the service. Records are keyed by their id.
 */
export interface MatchIndex {
  /** How many live records it holds. */
  readonly size: number;
  /** Add a record, replacing any record with the same id. */
  add(record: MatchRecord): void;
  /** Remove a record; false when it was not there. */
  remove(id: string): boolean;
  /** The record with this id, if it is held. */
  get(id: string): MatchRecord | undefined;
  /** The best-scoring records for an example, best first. */
  query(example: MatchRecord, options: IndexQuery): IndexHit[];
}

/** One query's options. */
export interface IndexQuery {
  limit: number;
  /** Drop hits scoring below this. */
  minScore: number;
  /** Only records for which this is true are candidates (the reader's datasets, not the example itself). */
  accept: (id: string) => boolean;
  /** How many of the best pre-scored candidates to compare in full (default: the index's own). */
  candidates?: number;
}

/** One scored candidate. */
export interface IndexHit {
  id: string;
  record: MatchRecord;
  comparison: Comparison;
}

/** Options of the blocking index. */
export interface BlockMatchIndexOptions {
  /** Keys shared by more records than this are not followed; default 2,000. */
  cap?: number;
  /** How many of the best pre-scored candidates are compared in full; default 64. */
  candidates?: number;
}

/**
 * An inverted index over the core's blocking keys. Candidates are pre-scored by the keys they share
 * (a rare key counts more than a common one) and only the best few are compared in full, so a query
 * costs a bounded number of comparisons however common the name. Replaced records leave a tombstone
 * in their blocks, skipped on read.
 */
export class BlockMatchIndex implements MatchIndex {
  private readonly blocks = new Map<string, number[]>();
  private readonly records: (MatchRecord | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly cap: number;
  private readonly candidates: number;

  constructor(
    private readonly params: MatchParams,
    options: BlockMatchIndexOptions = {},
  ) {
    this.cap = options.cap ?? 2000;
    this.candidates = options.candidates ?? 64;
  }

  get size(): number {
    return this.slots.size;
  }

  add(record: MatchRecord): void {
    this.remove(record.id);
    const slot = this.records.length;
    this.records.push(record);
    this.slots.set(record.id, slot);
    for (const k of blockingKeys(record)) {
      const block = this.blocks.get(k);
      if (block) block.push(slot);
      else this.blocks.set(k, [slot]);
    }
  }

  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.records[slot] = undefined;
    this.slots.delete(id);
    return true;
  }

  get(id: string): MatchRecord | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.records[slot];
  }

  query(example: MatchRecord, options: IndexQuery): IndexHit[] {
    const prescore = new Map<number, number>();
    for (const k of blockingKeys(example)) {
      const block = this.blocks.get(k);
      if (block === undefined || block.length > this.cap) continue;
      const w = 1 / Math.log2(2 + block.length);
      for (const slot of block) prescore.set(slot, (prescore.get(slot) ?? 0) + w);
    }
    const hits: IndexHit[] = [];
    for (const slot of this.best(prescore, options.candidates ?? this.candidates, options.accept)) {
      const record = this.records[slot];
      if (record === undefined) continue;
      const comparison = compare(example, record, this.params);
      if (comparison.score >= options.minScore) hits.push({ id: record.id, record, comparison });
    }
    return hits.sort((a, b) => b.comparison.score - a.comparison.score).slice(0, options.limit);
  }

  /**
   * The k live, accepted slots with the highest pre-scores: one pass keeping a small sorted list, so
   * only slots that would enter it are checked against `accept` (most never are).
   */
  private best(prescore: ReadonlyMap<number, number>, k: number, accept: (id: string) => boolean): number[] {
    const top: [number, number][] = [];
    for (const [slot, score] of prescore) {
      if (top.length >= k && score <= (top[top.length - 1]?.[1] ?? -Infinity)) continue;
      const record = this.records[slot];
      if (record === undefined || !accept(record.id)) continue;
      let i = top.length;
      while (i > 0 && (top[i - 1]?.[1] ?? Infinity) < score) i--;
      top.splice(i, 0, [slot, score]);
      if (top.length > k) top.pop();
    }
    return top.map(([slot]) => slot);
  }
}
