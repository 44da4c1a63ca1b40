import type { Comparison, MatchInput, MatchRecord, ScreeningIndex } from '@clew/core';
import { exampleRecord, splitPartition, splitRecordId } from './match-records.js';

/**
 * One screening query as it crosses to a replica thread (screening-replicas.ts) or runs inline: plain
 * data only, so the sharing policy's filter is rebuilt from it on either side (see acceptEntries).
 */
export interface ScreenRequest {
  /** The example, its schema and properties checked (its record is made where the query runs). */
  example: MatchInput;
  /** At most this many entities (the best index entry of each). */
  limit: number;
  /** Leave out entries scoring below this. */
  minScore: number;
  scope: EntryScope;
}

/** Which index entries a reader may meet: the datasets in the query's scope, and those it sees whole. */
export interface EntryScope {
  inScope: readonly string[];
  whole: readonly string[];
}

/** A change to a replica, in the order the hub's index took it. */
export type ReplicaOp = { add: MatchRecord } | { remove: string };

/** A message to a screening replica (screening.worker.ts). */
export type ReplicaMessage =
  { init: Uint8Array } | { ops: ReplicaOp[] } | { id: number; screen: ScreenRequest };

/** A screening replica's message back: its copy is ready or failed, or a query's hits or error. */
export type ReplicaReply =
  { ready: true } | { failed: string } | { id: number; hits: ScreenHit[] } | { id: number; error: string };

/** One entity found: its best index entry's id and comparison with the example. */
export interface ScreenHit {
  id: string;
  comparison: Comparison;
}

/**
 * Whether a reader may meet the index entries of a partition (the sharing policy's rule for matching):
 * a dataset it sees whole gives its full and open entries, one shared with it only its open and shared
 * entries, and entries of datasets outside the scope are never met.
 */
export const acceptEntries = (scope: EntryScope): ((partition: string) => boolean) => {
  const inScope = new Set(scope.inScope);
  const whole = new Set(scope.whole);
  return (partition) => {
    const { variant, dataset } = splitPartition(partition);
    if (!inScope.has(dataset)) return false;
    if (whole.has(dataset)) return variant !== 'shared';
    return variant === 'open' || variant === 'shared';
  };
};

// Entries of one entity (one per dataset and variant) count once: its best is the result.
const entityOf = (id: string): string => splitRecordId(id).entityId;

/** Answer a screening query on an index made with `indexOptions` (on the thread that holds it). */
export const screenOn = (index: ScreeningIndex, req: ScreenRequest): ScreenHit[] =>
  index
    .query(exampleRecord(req.example), {
      limit: req.limit,
      minScore: req.minScore,
      acceptPartition: acceptEntries(req.scope),
      group: entityOf,
    })
    .map((h) => ({ id: h.id, comparison: h.comparison }));
