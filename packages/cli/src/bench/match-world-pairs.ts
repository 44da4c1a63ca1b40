import {
  DEFAULT_PARAMS,
  toMatchRecord,
  ScreeningIndex,
  type CandidatePair,
  type MatchRecord,
} from '@clew/core';
import { worldRecords, type ScaleName } from '@clew/demo';

/**
 * The demo world's Person records as the matching evaluation sees them (match-world.ts and its CI
 * floor in match-world.test.ts): records with their truth clusters, and the candidate pairs of
 * deduplicating them through a ScreeningIndex.
 */

/** Every Person record agencies wrote in a world, with the person (cluster) it is about. */
export const worldPeople = (
  scale: ScaleName,
  seed: number,
): { records: MatchRecord[]; clusters: string[] } => {
  const records: MatchRecord[] = [];
  const clusters: string[] = [];
  for (const r of worldRecords({ seed, scale })) {
    if (r.type !== 'entity' || r.entity.schema !== 'Person') continue;
    records.push(toMatchRecord(r.entity));
    clusters.push(r.cluster);
  }
  return { records, clusters };
};

/** Candidate pairs: each record's top 10 in an index of all of them (DEFAULT_PARAMS), each pair once. */
export const screenAll = (records: readonly MatchRecord[]): CandidatePair[] => {
  const index = new ScreeningIndex({ params: DEFAULT_PARAMS });
  const slot = new Map<string, number>();
  records.forEach((r, i) => {
    index.add(r);
    slot.set(r.id, i);
  });
  const seen = new Set<string>();
  const out: CandidatePair[] = [];
  records.forEach((r, i) => {
    for (const h of index.query(r, { exclude: r.id, limit: 10 })) {
      const j = slot.get(h.id) ?? i;
      const [left, right] = i < j ? [i, j] : [j, i];
      if (seen.has(`${left}-${right}`)) continue;
      seen.add(`${left}-${right}`);
      out.push({ left, right, comparison: h.comparison });
    }
  });
  return out;
};

/** How many pairs of records are about one person (every true pair, found or not, counts for recall). */
export const truePairCount = (clusters: readonly string[]): number => {
  const sizes = new Map<string, number>();
  for (const c of clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let n = 0;
  for (const s of sizes.values()) n += (s * (s - 1)) / 2;
  return n;
};
