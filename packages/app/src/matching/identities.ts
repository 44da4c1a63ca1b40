import { createHash } from 'node:crypto';
import { clusterPairs } from '@clew/core';
import type { MatchesRepo, MatchVerdictRow } from '@clew/store';

/**
 * Resolved identities are the connected components of current `same` verdicts — human judgements
 * only: no score, however high, merges two records into one identity, since a wrong merge of a
 * victim with a suspect costs far more than an analyst's click. A `not-same` verdict on a pair in a
 * cluster removes that link, and the cluster splits where no other chain of `same` holds it together.
 */

/** The components of `ids` joined by `edges`: each id's component, as a list of member lists. */
export const components = (
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
): string[][] => {
  const at = new Map(ids.map((id, i) => [id, i]));
  const pairs: [number, number][] = [];
  for (const [a, b] of edges) {
    const x = at.get(a);
    const y = at.get(b);
    if (x !== undefined && y !== undefined) pairs.push([x, y]);
  }
  const labels = clusterPairs(ids.length, pairs);
  const groups = new Map<number, string[]>();
  labels.forEach((label, i) => {
    const id = ids[i];
    if (id === undefined) return;
    const g = groups.get(label);
    if (g) g.push(id);
    else groups.set(label, [id]);
  });
  return [...groups.values()].map((g) => g.sort());
};

/** The id of a cluster: a hash of its smallest member, so it names no entity and is stable while that member stays. */
export const clusterIdOf = (members: readonly string[]): string =>
  `idn-${createHash('sha1')
    .update([...members].sort()[0] ?? '')
    .digest('hex')
    .slice(0, 20)}`;

/** Every `same` link reachable from the seeds, and the entities they touch. */
export const sameComponentOf = async (
  repo: MatchesRepo,
  seeds: readonly string[],
): Promise<{ ids: string[]; edges: MatchVerdictRow[] }> => {
  const seen = new Set(seeds);
  const edges = new Map<string, MatchVerdictRow>();
  let frontier = [...seen];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const v of await repo.sameVerdictsOf(frontier)) {
      edges.set(`${v.entity_a}\u0000${v.entity_b}`, v);
      for (const id of [v.entity_a, v.entity_b])
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
    }
    frontier = next;
  }
  return { ids: [...seen], edges: [...edges.values()] };
};

/** Recompute the resolved identities around the seeds (the two entities of a new judgement). */
export const recluster = async (repo: MatchesRepo, seeds: readonly string[]): Promise<void> => {
  const { ids, edges } = await sameComponentOf(repo, seeds);
  const assigned = new Map<string, string>();
  for (const members of components(
    ids,
    edges.map((e) => [e.entity_a, e.entity_b] as const),
  )) {
    if (members.length < 2) continue;
    const cluster = clusterIdOf(members);
    for (const m of members) assigned.set(m, cluster);
  }
  await repo.setClusters(ids, assigned);
};
