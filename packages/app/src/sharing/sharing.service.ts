import { actorLabel, ClewError, invalid, may, type Actor } from '@clew/core';
import type { ShareGrant, Store } from '@clew/store';
import type { Access } from '../access/access.js';

/** A dataset's sharing as its owner sees it. */
export interface DatasetSharingView {
  dataset: string;
  owner: string;
  grants: { kind: 'agency' | 'group'; id: string }[];
}

const notFound = (name: string): ClewError =>
  new ClewError('NotFound', `no dataset "${name}"`, { field: 'dataset' });

/**
 * Who may read which dataset. Only the owning agency's dataset managers (or the hub administrator)
 * share or withdraw; a withdrawal applies to the next request, since every request asks again.
 */
export class SharingService {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
  ) {}

  /** The grants of a dataset the actor manages. */
  async get(actor: Actor, dataset: string): Promise<DatasetSharingView> {
    const owner = await this.managed(actor, dataset);
    const grants = await this.store.sharing.grants([dataset]);
    return { dataset, owner, grants: grants.map((g) => ({ kind: g.granteeKind, id: g.granteeId })) };
  }

  /** Share a dataset with an agency or a group. */
  async share(actor: Actor, grant: ShareGrant): Promise<DatasetSharingView> {
    const owner = await this.managed(actor, grant.dataset);
    if (grant.granteeKind === 'agency') {
      const [agency] = await this.store.agencies.getMany([grant.granteeId]);
      if (!agency) throw new ClewError('NotFound', `no agency "${grant.granteeId}"`, { field: 'agency' });
      if (agency.id === owner)
        throw invalid('a dataset is always visible to its own agency', { field: 'agency' });
    } else if (!(await this.store.sharing.groups()).some((g) => g.group === grant.granteeId)) {
      throw new ClewError('NotFound', `no group "${grant.granteeId}"`, { field: 'group' });
    }
    await this.access.changing(() =>
      this.store.sharing.grant(grant, actorLabel(actor), new Date().toISOString()),
    );
    return this.get(actor, grant.dataset);
  }

  /** Withdraw a grant. */
  async withdraw(actor: Actor, grant: ShareGrant): Promise<DatasetSharingView> {
    await this.managed(actor, grant.dataset);
    if (!(await this.access.changing(() => this.store.sharing.withdraw(grant))))
      throw new ClewError(
        'NotFound',
        `"${grant.dataset}" is not shared with ${grant.granteeKind} "${grant.granteeId}"`,
      );
    return this.get(actor, grant.dataset);
  }

  /** Groups of agencies (hub administrators define them; anyone signed in may read them). */
  async groups(actor: Actor): Promise<{ group: string; agencies: string[] }[]> {
    if (actor.kind === 'anonymous') throw new ClewError('Unauthenticated', 'sign in first');
    return this.store.sharing.groups();
  }

  /** Add an agency to a group (creating the group), or remove it. */
  async setMembership(actor: Actor, group: string, agency: string, member: boolean): Promise<void> {
    if (!may(actor, 'hub:manage')) throw new ClewError('Forbidden', 'only hub administrators manage groups');
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(group))
      throw invalid('a group name is 2 to 63 characters of a-z, 0-9 and "-"', { field: 'group' });
    const [row] = await this.store.agencies.getMany([agency]);
    if (!row) throw new ClewError('NotFound', `no agency "${agency}"`, { field: 'agency' });
    await this.access.changing(() =>
      member
        ? this.store.sharing.addToGroup(group, agency)
        : this.store.sharing.removeFromGroup(group, agency),
    );
  }

  /** The owner of a dataset the actor manages; any other dataset does not exist for the actor. */
  private async managed(actor: Actor, dataset: string): Promise<string> {
    const [row] = await this.store.datasets.getMany([dataset]);
    if (!row) throw notFound(dataset);
    if (may(actor, 'hub:manage')) return row.agency_id;
    if (actor.kind === 'user' && actor.agencyId === row.agency_id && may(actor, 'datasets:manage'))
      return row.agency_id;
    throw notFound(dataset);
  }
}
