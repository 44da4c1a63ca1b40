import { invalid, recordOf } from '@clew/core';
import type { EntityGraph } from './graph-loader.js';

/** A built graph and the edge masks computed for it so far, per agency set. */
export interface MaskedGraph {
  graph: EntityGraph;
  agencyMasks?: Map<string, Uint8Array>;
}

/**
 * Filters of the local queries (neighbourhood, paths, flows): a window on edge dates (ISO dates,
 * inclusive; undated edges pass, except in flows, which skip undated payments) and the agencies
 * whose datasets stated the edge (the relationship, payment or property that made it).
 */
export interface EdgeFilterQuery {
  since?: string | undefined;
  until?: string | undefined;
  agencies?: readonly string[] | undefined;
}

/** Days since the epoch of an ISO date bound, or Invalid naming the field. */
const dayOfBound = (value: string, field: string): number => {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t))
    throw invalid(`${field} must be a date (YYYY-MM-DD), not "${value}"`, { field });
  return Math.floor(t / 86_400_000);
};

/** The time window and edge mask of an `EdgeFilterQuery`, in the engine's terms. */
export const edgeFilterOf = (
  cached: MaskedGraph,
  q: EdgeFilterQuery,
): { from?: number; to?: number; allowedEdges?: Uint8Array } => {
  const from = q.since === undefined ? undefined : dayOfBound(q.since, 'since');
  const to = q.until === undefined ? undefined : dayOfBound(q.until, 'until');
  if (from !== undefined && to !== undefined && from > to)
    throw invalid('since is after until', { field: 'since' });
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(q.agencies === undefined ? {} : { allowedEdges: agencyMask(cached, q.agencies) }),
  };
};

/** 1 per edge stated by a dataset of one of `agencies`; cached per agency set (a few at most). */
const agencyMask = (cached: MaskedGraph, agencies: readonly string[]): Uint8Array => {
  const key = [...new Set(agencies)].sort().join(',');
  cached.agencyMasks ??= new Map();
  let mask = cached.agencyMasks.get(key);
  if (mask) return mask;
  const g = cached.graph;
  const wanted = new Set(agencies);
  const datasetOk = new Map([...g.agencyOf].map(([d, a]) => [d, wanted.has(a)]));
  mask = new Uint8Array(g.csr.edgeCount);
  for (let e = 0; e < mask.length; e++) {
    if (datasetOk.get(g.viaDataset[recordOf(g.csr, e)] ?? '') === true) mask[e] = 1;
  }
  if (cached.agencyMasks.size >= 8) cached.agencyMasks.clear();
  cached.agencyMasks.set(key, mask);
  return mask;
};
