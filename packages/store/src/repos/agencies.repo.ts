import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AgenciesTable, Database } from '../schema.js';

/** An agency row. */
export type AgencyRow = Selectable<AgenciesTable>;

/** Agencies: the tenants of a hub. */
export class AgenciesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** All agencies, by id. */
  list(): Promise<AgencyRow[]> {
    return this.db.selectFrom('agencies').selectAll().orderBy('id').execute();
  }

  /** The agencies with these ids (those that exist). */
  async getMany(ids: readonly string[]): Promise<AgencyRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('agencies').selectAll().where('id', 'in', ids).execute();
  }

  /** Insert a new agency; false if the id is taken. */
  async insert(row: Insertable<AgenciesTable>): Promise<boolean> {
    const res = await this.db
      .insertInto('agencies')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Delete agencies that own no dataset and have no user; returns the ids deleted. */
  async purge(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const owning = await this.db
      .selectFrom('datasets')
      .select('agency_id')
      .where('agency_id', 'in', ids)
      .execute();
    const staffed = await this.db
      .selectFrom('users')
      .select('agency_id')
      .where('agency_id', 'in', ids)
      .execute();
    const keep = new Set([...owning, ...staffed].map((r) => r.agency_id));
    const gone = ids.filter((id) => !keep.has(id));
    if (gone.length > 0) {
      await this.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('agency_groups').where('agency_id', 'in', gone).execute();
        await trx.deleteFrom('agency_settings').where('agency_id', 'in', gone).execute();
        await trx.deleteFrom('agencies').where('id', 'in', gone).execute();
      });
    }
    return gone;
  }
}
