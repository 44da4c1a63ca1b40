import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One dataset with its owner and the agencies it is shared with (groups expanded). */
export interface DatasetSharingRow {
  dataset: string;
  owner: string;
  sharedWith: string[];
}

/** A grant: a dataset shared with an agency or a group of agencies. */
export interface ShareGrant {
  dataset: string;
  granteeKind: 'agency' | 'group';
  granteeId: string;
}

/** Who each dataset is shared with, and the groups of agencies that sharing can name. */
export class SharingRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every dataset with its owner and the agencies that may read it. Small (one row per dataset). */
  async datasetSharings(): Promise<DatasetSharingRow[]> {
    const [datasets, shares, groups] = await Promise.all([
      this.db.selectFrom('datasets').select(['id', 'agency_id']).orderBy('id').execute(),
      this.db.selectFrom('dataset_shares').select(['dataset_id', 'grantee_kind', 'grantee_id']).execute(),
      this.db.selectFrom('agency_groups').select(['group_id', 'agency_id']).execute(),
    ]);
    const members = new Map<string, string[]>();
    for (const g of groups) members.set(g.group_id, [...(members.get(g.group_id) ?? []), g.agency_id]);
    const shared = new Map<string, Set<string>>();
    for (const s of shares) {
      const set = shared.get(s.dataset_id) ?? new Set<string>();
      for (const a of s.grantee_kind === 'group' ? (members.get(s.grantee_id) ?? []) : [s.grantee_id])
        set.add(a);
      shared.set(s.dataset_id, set);
    }
    return datasets.map((d) => ({
      dataset: d.id,
      owner: d.agency_id,
      sharedWith: [...(shared.get(d.id) ?? [])].sort(),
    }));
  }

  /** The grants of these datasets. */
  async grants(datasets: readonly string[]): Promise<ShareGrant[]> {
    if (datasets.length === 0) return [];
    const rows = await this.db
      .selectFrom('dataset_shares')
      .select(['dataset_id', 'grantee_kind', 'grantee_id'])
      .where('dataset_id', 'in', datasets)
      .orderBy('dataset_id')
      .orderBy('grantee_kind')
      .orderBy('grantee_id')
      .execute();
    return rows.map((r) => ({
      dataset: r.dataset_id,
      granteeKind: r.grantee_kind === 'group' ? 'group' : 'agency',
      granteeId: r.grantee_id,
    }));
  }

  async grant(g: ShareGrant, by: string, at: string): Promise<void> {
    await this.db
      .insertInto('dataset_shares')
      .values({
        dataset_id: g.dataset,
        grantee_kind: g.granteeKind,
        grantee_id: g.granteeId,
        created_at: at,
        created_by: by,
      })
      .onConflict((oc) => oc.columns(['dataset_id', 'grantee_kind', 'grantee_id']).doNothing())
      .execute();
  }

  /** Withdraw a grant; true when there was one. */
  async withdraw(g: ShareGrant): Promise<boolean> {
    const res = await this.db
      .deleteFrom('dataset_shares')
      .where('dataset_id', '=', g.dataset)
      .where('grantee_kind', '=', g.granteeKind)
      .where('grantee_id', '=', g.granteeId)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Groups and their member agencies. */
  async groups(): Promise<{ group: string; agencies: string[] }[]> {
    const rows = await this.db
      .selectFrom('agency_groups')
      .selectAll()
      .orderBy('group_id')
      .orderBy('agency_id')
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r.agency_id]);
    return [...out].map(([group, agencies]) => ({ group, agencies }));
  }

  async addToGroup(group: string, agency: string): Promise<void> {
    await this.db
      .insertInto('agency_groups')
      .values({ group_id: group, agency_id: agency })
      .onConflict((oc) => oc.columns(['group_id', 'agency_id']).doNothing())
      .execute();
  }

  async removeFromGroup(group: string, agency: string): Promise<void> {
    await this.db
      .deleteFrom('agency_groups')
      .where('group_id', '=', group)
      .where('agency_id', '=', agency)
      .execute();
  }
}
