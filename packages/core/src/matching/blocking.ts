import { compare, type Comparison } from './compare.js';
import { IDENTIFIER_KINDS, type MatchRecord } from './features.js';
import { type MatchParams } from './model.js';

/**
 * Candidate generation. Each record gets blocking keys — strings that two records of one entity are
 * likely to share — and only records sharing a key are compared. Keys are prefixed by their kind so
 * a name token never meets a postcode. A key shared by more than `cap` records (a very common name
 * token) is skipped: it would add many comparisons and little recall, since such pairs almost always
 * share a rarer key too.
 */

// The key with one character deleted, at each position: two keys one typing slip apart (a changed,
// inserted, deleted or swapped character) share one of these. Only for keys of 5+ characters, as the
// 'near' level of identifiers.
const oneDeletions = (key: string): string[] => {
  if (key.length < 5) return [];
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
};

/** Blocking keys of a record: name tokens and skeletons, full date, birth year with first token, every identifier and its one-deletion forms. */
export const blockingKeys = (r: MatchRecord): string[] => {
  const keys = new Set<string>();
  const years = new Set(r.dates.map((d) => d.date.year));
  // A full date is rare enough to block on alone: it catches pairs whose names are both misspelt.
  for (const d of r.dates) if (d.date.precision === 'day') keys.add(`d:${d.date.iso}`);
  for (const n of r.names) {
    for (const t of n.tokens) if (t.length >= 2) keys.add(`n:${t}`);
    // Skeletons of fewer than two consonants ("a", "n") would join unrelated names.
    for (const p of n.phonetic) if (p.replace(/^a/, '').length >= 2) keys.add(`p:${p}`);
    const first = n.tokens[0];
    if (first !== undefined) for (const y of years) keys.add(`y:${y}:${first}`);
    if (n.tokens.length > 1) keys.add(`k:${n.key}`);
  }
  for (const kind of IDENTIFIER_KINDS) {
    for (const id of r.identifiers[kind] ?? []) {
      keys.add(`i:${kind}:${id.strict}`);
      keys.add(`c:${kind}:${id.confusable}`);
      if (id.also !== undefined) keys.add(`i:${kind}:${id.also}`);
      for (const d of oneDeletions(id.strict)) keys.add(`e:${kind}:${d}`);
    }
  }
  for (const a of r.addresses)
    if (a.postcode !== undefined && r.names.length === 0) keys.add(`a:${a.postcode}`);
  return [...keys];
};

/** An in-memory inverted index from blocking key to record numbers. */
export class BlockIndex {
  private readonly blocks = new Map<string, number[]>();

  /** Add a record (by number) under its keys. */
  add(record: number, keys: readonly string[]): void {
    for (const k of keys) {
      const block = this.blocks.get(k);
      if (block) block.push(record);
      else this.blocks.set(k, [record]);
    }
  }

  /** Records sharing at least one key, skipping keys held by more than `cap` records. */
  candidates(keys: readonly string[], cap: number): Set<number> {
    const out = new Set<number>();
    for (const k of keys) {
      const block = this.blocks.get(k);
      if (block === undefined || block.length > cap) continue;
      for (const r of block) out.add(r);
    }
    return out;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.blocks.size;
  }
}

/** Options for {@link dedupe} and {@link link}. */
export interface BlockingOptions {
  /** Keys shared by more records than this are skipped; default 200. */
  cap?: number;
  /** Keep pairs scoring at least this; default 0 (every candidate). */
  minScore?: number;
}

/** A compared candidate pair: indexes into the input arrays. */
export interface CandidatePair {
  left: number;
  right: number;
  comparison: Comparison;
}

/** Every candidate pair within one set of records, compared once (left < right). */
export const dedupe = (
  records: readonly MatchRecord[],
  params: MatchParams,
  options: BlockingOptions = {},
): CandidatePair[] => {
  const cap = options.cap ?? 200;
  const minScore = options.minScore ?? 0;
  const index = new BlockIndex();
  const keys = records.map(blockingKeys);
  keys.forEach((k, i) => {
    index.add(i, k);
  });
  const out: CandidatePair[] = [];
  records.forEach((a, i) => {
    for (const j of index.candidates(keys[i] ?? [], cap)) {
      const b = records[j];
      if (j <= i || b === undefined) continue;
      const comparison = compare(a, b, params);
      if (comparison.score >= minScore) out.push({ left: i, right: j, comparison });
    }
  });
  return out;
};

/** Every candidate pair between two sets of records (left indexes `left`, right indexes `right`). */
export const link = (
  left: readonly MatchRecord[],
  right: readonly MatchRecord[],
  params: MatchParams,
  options: BlockingOptions = {},
): CandidatePair[] => {
  const cap = options.cap ?? 200;
  const minScore = options.minScore ?? 0;
  const index = new BlockIndex();
  right.forEach((r, j) => {
    index.add(j, blockingKeys(r));
  });
  const out: CandidatePair[] = [];
  left.forEach((a, i) => {
    for (const j of index.candidates(blockingKeys(a), cap)) {
      const b = right[j];
      if (b === undefined) continue;
      const comparison = compare(a, b, params);
      if (comparison.score >= minScore) out.push({ left: i, right: j, comparison });
    }
  });
  return out;
};

/** Clusters (connected components) of `n` items joined by the given pairs: a label per item. */
export const clusterPairs = (n: number, pairs: Iterable<readonly [number, number]>): number[] => {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[x] !== root) {
      const next = parent[x] ?? root;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return parent.map((_, i) => find(i));
};
