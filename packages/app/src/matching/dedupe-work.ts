import {
  decodeRecord,
  dedupeKeys,
  dedupePairs,
  encodeRecord,
  type DedupeKeys,
  type DedupePlan,
  type MatchRecord,
} from '@clew/core';
import { matchSource, type PackedSource } from '@clew/store';
import { explanationJson, HUB_PARAMS, sourceRecords } from './match-records.js';

/**
 * The work of a dedupe pass that runs on a worker thread (or inline): converting stored records to
 * matching records, and comparing a share of the candidate pairs. Messages hold only plain data and
 * typed arrays, so they cross threads as they are.
 */

/** Records to convert: a page as stored, numbered from `base` in the pass. */
export interface ConvertRequest {
  base: number;
  sources: PackedSource[];
  /** Phone region of each dataset in the page. */
  regions: Record<string, string | undefined>;
}

/**
 * Converted records: their compact forms (one string, a line each: one string crosses threads faster
 * than a thousand), hashed blocking keys, and whether all of each may leave its agency.
 */
export interface ConvertReply {
  encoded: string;
  keys: DedupeKeys;
  open: Uint8Array;
}

/** A share of the pairs to compare. */
export interface PairsRequest {
  plan: DedupePlan;
  /** Every record of the pass in compact form, page by page as converted (a worker decodes those it did not convert). */
  encoded: readonly string[];
  /** Records of one entity have one group: never paired. */
  group: Int32Array;
  /** Records being re-matched: a pair has at least one. */
  focus: Uint8Array;
  candidates: number;
}

/** The pairs found: records by number, their score and explanation as stored. */
export interface PairsReply {
  left: Int32Array;
  right: Int32Array;
  score: Float64Array;
  explanation: string[];
}

/** One worker's (or the inline pass's) state: the records it converted, kept for comparing. */
export class DedupeWork {
  private readonly records = new Map<number, MatchRecord>();

  /** Convert a page, keeping its records. */
  convert(req: ConvertRequest): ConvertReply {
    const sources = req.sources.map(matchSource);
    const records = sources.map((s, k) => {
      const [whole] = sourceRecords(s, req.regions[s.dataset]);
      if (!whole) throw new Error('a source gave no record');
      this.records.set(req.base + k, whole);
      return whole;
    });
    return {
      // Compact forms are JSON: no raw line breaks inside.
      encoded: records.map(encodeRecord).join('\n'),
      keys: dedupeKeys(records),
      open: Uint8Array.from(sources, (s) => (s.shared === null ? 1 : 0)),
    };
  }

  /** Compare the pairs of the records this worker converted (their own records need no decoding). */
  pairs(req: PairsRequest): PairsReply {
    // By record number in a dense array, not the Map: read for every candidate compared.
    const records = new Array<MatchRecord | undefined>(req.plan.records).fill(undefined);
    for (const [i, r] of this.records) records[i] = r;
    const lefts = Int32Array.from(this.records.keys()).sort();
    this.records.clear();
    const { group, focus } = req;
    const encoded = req.encoded.flatMap((page) => (page === '' ? [] : page.split('\n')));
    const recordAt = (i: number): MatchRecord => {
      const held = records[i];
      if (held) return held;
      const r = decodeRecord(encoded[i] ?? '');
      records[i] = r;
      return r;
    };
    const found = dedupePairs(req.plan, recordAt, HUB_PARAMS, {
      lefts,
      candidates: req.candidates,
      accept: (i, j) => group[i] !== group[j] && (focus[i] === 1 || focus[j] === 1),
    });
    return {
      left: Int32Array.from(found, (p) => p.left),
      right: Int32Array.from(found, (p) => p.right),
      score: Float64Array.from(found, (p) => p.comparison.score),
      explanation: found.map((p) => explanationJson(p.comparison.features)),
    };
  }
}
