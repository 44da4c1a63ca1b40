import type { Actor } from '@clew/core';
import type { Store } from '@clew/store';

/**
 * The one place that decides which datasets an actor may read. Until sign-in and sharing arrive,
 * the hub's operator and the system see every dataset; a user sees only its own agency's datasets
 * (deny by default). Services ask here first and pass the answer to the store, so every read path —
 * get, list, counts, statements, export — is filtered the same way.
 */
export class Access {
  constructor(private readonly store: Store) {}

  /** Dataset names the actor may read. */
  async readableDatasets(actor: Actor): Promise<string[]> {
    switch (actor.kind) {
      case 'system':
      case 'operator':
        return (await this.store.datasets.list()).map((d) => d.id);
      case 'user':
        return (await this.store.datasets.list(actor.agencyId)).map((d) => d.id);
    }
  }

  /** The subset of `datasets` the actor may read. */
  async filterDatasets(actor: Actor, datasets: readonly string[]): Promise<string[]> {
    const readable = new Set(await this.readableDatasets(actor));
    return datasets.filter((d) => readable.has(d));
  }

  /** Whether the actor may write into the dataset (its agency's own, or any for the operator). */
  async canWrite(actor: Actor, dataset: string): Promise<boolean> {
    const [row] = await this.store.datasets.getMany([dataset]);
    if (!row) return false;
    switch (actor.kind) {
      case 'system':
      case 'operator':
        return true;
      case 'user':
        return row.agency_id === actor.agencyId;
    }
  }

  /** Whether the actor may administer agencies and datasets. */
  canAdminister(actor: Actor): boolean {
    switch (actor.kind) {
      case 'system':
      case 'operator':
        return true;
      case 'user':
        return actor.roles.includes('hub-admin');
    }
  }
}
