import {
  may,
  requirePermission,
  viewOf,
  type Actor,
  type Permission,
  type StatementDraft,
  type View,
} from '@clew/core';
import { SYSTEM_AGENCY, type Fragment, type ReadScope, type Store } from '@clew/store';

/** An actor's view of the hub, with the scope the store filters reads by. */
export interface AccessView extends View {
  /** The datasets to read, and which of them only where a fragment may leave its agency. */
  readonly scope: ReadScope;
}

/**
 * The one place that decides what an actor may see and do. It asks the store who shares what with
 * whom (on every call, so a withdrawn share or a disabled user applies to the next request) and the
 * pure policy in core (`viewOf`, `may`) for the rules. Every read path takes its view from here:
 * the store filters rows by `scope`, and `visible` drops the statements the view may not see, so an
 * entity left with no statement does not exist for the reader.
 */
export class Access {
  constructor(private readonly store: Store) {}

  /** What the actor may read. */
  async view(actor: Actor): Promise<AccessView> {
    if (actor.kind === 'anonymous')
      return { ...viewOf(actor, []), scope: { agency: '', datasets: [], partial: [] } };
    const view = viewOf(actor, await this.store.sharing.datasetSharings());
    const partial = view.datasets.filter((d) => !view.whole.has(d));
    const agency = actor.kind === 'user' ? actor.agencyId : SYSTEM_AGENCY;
    return { ...view, scope: { agency, datasets: view.datasets, partial } };
  }

  /** Dataset names the actor may read something of. */
  async readableDatasets(actor: Actor): Promise<string[]> {
    return [...(await this.view(actor)).datasets];
  }

  /** The subset of `datasets` the actor may read something of. */
  async filterDatasets(actor: Actor, datasets: readonly string[]): Promise<string[]> {
    const readable = new Set(await this.readableDatasets(actor));
    return datasets.filter((d) => readable.has(d));
  }

  /** Whether the actor may write into the dataset: its agency's own, with the right to write. */
  async canWrite(actor: Actor, dataset: string): Promise<boolean> {
    const [row] = await this.store.datasets.getMany([dataset]);
    if (!row || !may(actor, 'data:write')) return false;
    return actor.kind !== 'user' || row.agency_id === actor.agencyId;
  }

  /** Whether the actor may administer the hub (agencies, groups, every user). */
  canAdminister(actor: Actor): boolean {
    return may(actor, 'hub:manage');
  }

  /** Whether the actor holds a permission. */
  may(actor: Actor, permission: Permission): boolean {
    return may(actor, permission);
  }

  /** Throw Forbidden/Unauthenticated unless the actor holds the permission. */
  require(actor: Actor, permission: Permission): void {
    requirePermission(actor, permission);
  }
}

/**
 * Keep of each fragment the statements the view may see, dropping fragments left empty. Whole
 * datasets pass untouched (no copy).
 */
export const visibleFragments = <S extends StatementDraft>(
  view: View,
  fragments: readonly Fragment<S>[],
): Fragment<S>[] => {
  const out: Fragment<S>[] = [];
  for (const f of fragments) {
    if (view.whole.has(f.dataset)) {
      out.push(f);
      continue;
    }
    const statements = f.statements.filter((s) => view.sees(f.dataset, s));
    if (statements.length > 0) out.push({ ...f, statements });
  }
  return out;
};
