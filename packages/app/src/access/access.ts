import {
  may,
  requirePermission,
  viewOf,
  type Actor,
  type Permission,
  type StatementDraft,
  type View,
} from '@clew/core';
import {
  SYSTEM_AGENCY,
  type DatasetSharingRow,
  type Fragment,
  type ReadScope,
  type Store,
} from '@clew/store';

/** An actor's view of the hub, with the scope the store filters reads by. */
export interface AccessView extends View {
  /** The datasets to read, and which of them only where a fragment may leave its agency. */
  readonly scope: ReadScope;
}

/**
 * The one place that decides what an actor may see and do. It asks the store who shares what with
 * whom and the pure policy in core (`viewOf`, `may`) for the rules. Every read path takes its view
 * from here: the store filters rows by `scope`, and `visible` drops the statements the view may not
 * see, so an entity left with no statement does not exist for the reader.
 *
 * A withdrawn share or a disabled user applies to the next request. Without `cached`, every call
 * reads the store again. With it — only where this process is the store's one writer (a SQLite hub
 * opened for writing holds the writer lock) — what it read is kept until `changing` reports a write
 * of who may see or do what: every such write of the process goes through `changing` (sharing,
 * datasets, agencies, users, tokens), so nothing read before a write is used after it.
 */
export class Access {
  private generation = 0;
  private sharings: { generation: number; rows: Promise<DatasetSharingRow[]> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly cached = false,
  ) {}

  /**
   * The generation of what the store says about access, bumped by every write through `changing`;
   * undefined when nothing may be kept (the store may change under this process).
   */
  get version(): number | undefined {
    return this.cached ? this.generation : undefined;
  }

  /** Run a write of sharing, datasets, agencies, users or tokens; whatever was kept is dropped once it ends. */
  async changing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.generation++;
      this.sharings = undefined;
    }
  }

  /** What the actor may read. */
  async view(actor: Actor): Promise<AccessView> {
    if (actor.kind === 'anonymous')
      return { ...viewOf(actor, []), scope: { agency: '', datasets: [], partial: [] } };
    const view = viewOf(actor, await this.datasetSharings());
    const partial = view.datasets.filter((d) => !view.whole.has(d));
    const agency = actor.kind === 'user' ? actor.agencyId : SYSTEM_AGENCY;
    return { ...view, scope: { agency, datasets: view.datasets, partial } };
  }

  // Who shares what with whom: read once per generation when kept (concurrent callers share the read).
  private datasetSharings(): Promise<DatasetSharingRow[]> {
    if (!this.cached) return this.store.sharing.datasetSharings();
    const { generation } = this;
    if (this.sharings?.generation === generation) return this.sharings.rows;
    const rows = this.store.sharing.datasetSharings();
    const kept = { generation, rows };
    this.sharings = kept;
    rows.catch(() => {
      if (this.sharings === kept) this.sharings = undefined;
    });
    return rows;
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
