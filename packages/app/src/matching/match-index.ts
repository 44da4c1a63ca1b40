import {
  ScreeningIndex,
  type Comparison,
  type MatchParams,
  type MatchRecord,
  type ScreeningOptions,
} from '@clew/core';
import { recordPartition } from './match-records.js';

/**
 * The hub's in-memory candidate index as the service sees it: a small interface, so the service does
 * not depend on how candidates are found. Records are keyed by their id.
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

/**
 * The hub's index: the core's ScreeningIndex (typed arrays, snapshot and restore), which is a
 * MatchIndex as it is — `accept` filters while the best pre-scored candidates are chosen.
 */
export const newMatchIndex = (params: MatchParams): ScreeningIndex & MatchIndex =>
  new ScreeningIndex(indexOptions(params));

/** The options of the hub's index, built or restored: queries filter by an id's partition (visibility.ts). */
export const indexOptions = (params: MatchParams): ScreeningOptions => ({
  params,
  partition: recordPartition,
});
