import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, DatasetsTable } from '../schema.js';

/** A dataset row. */
export type DatasetRow = Selectable<DatasetsTable>;

/** Datasets: collections owned by one agency. */
export class DatasetsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Datasets, optionally of one agency, by id. */
  list(agency?: string): Promise<DatasetRow[]> {
    let q = this.db.selectFrom('datasets').selectAll().orderBy('id');
    if (agency !== undefined) q = q.where('agency_id', '=', agency);
    return q.execute();
  }

  /** The datasets with these ids (those that exist). */
  async getMany(ids: readonly string[]): Promise<DatasetRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('datasets').selectAll().where('id', 'in', ids).execute();
  }

  /** Insert a new dataset; false if the name is taken. */
  async insert(row: Insertable<DatasetsTable>): Promise<boolean> {
    const res = await this.db
      .insertInto('datasets')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Delete datasets and everything in them (fragments, import records), in one transaction. */
  async purge(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('fragments').where('dataset_id', 'in', ids).execute();
      await trx.deleteFrom('imports').where('dataset_id', 'in', ids).execute();
      await trx.deleteFrom('dataset_shares').where('dataset_id', 'in', ids).execute();
      await trx.deleteFrom('datasets').where('id', 'in', ids).execute();
    });
  }
}
