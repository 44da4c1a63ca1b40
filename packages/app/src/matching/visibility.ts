import { mergeStatements, type MergedEntity } from '@clew/core';
import type { CandidateScope, Store } from '@clew/store';
import { visibleFragments, type AccessView } from '../access/access.js';

/**
 * How matching reads go through the sharing policy (`hub.access`): which stored candidates a reader
 * may list, and what it sees of an entity. Which index entries its screening query may meet is
 * `acceptEntries` (screening-work.ts), built from the same view on whichever thread runs the query.
 */

/** The candidates a reader may list: both records in datasets it sees whole, or shared with it and open. */
export const candidateScope = (view: AccessView): CandidateScope => ({
  whole: view.datasets.filter((d) => view.whole.has(d)),
  partial: view.datasets.filter((d) => !view.whole.has(d)),
});

/**
 * The entities among `ids` as the reader sees them (the merge of visible statements), optionally
 * only from some datasets; an entity with nothing visible is absent, exactly as if it did not exist.
 */
export const visibleEntities = async (
  store: Store,
  view: AccessView,
  ids: readonly string[],
  datasets?: ReadonlySet<string>,
): Promise<Map<string, MergedEntity>> => {
  const out = new Map<string, MergedEntity>();
  if (ids.length === 0) return out;
  // Drafts: a merge names no single statement, and their ids were most of what reading them cost.
  const fragments = visibleFragments(
    view,
    await store.entities.fragmentDrafts([...new Set(ids)], view.scope),
  );
  const byEntity = new Map<string, (typeof fragments)[number]['statements']>();
  for (const f of fragments) {
    if (datasets !== undefined && !datasets.has(f.dataset)) continue;
    const list = byEntity.get(f.entityId);
    if (list) list.push(...f.statements);
    else byEntity.set(f.entityId, [...f.statements]);
  }
  for (const [id, statements] of byEntity) out.set(id, mergeStatements(statements));
  return out;
};
