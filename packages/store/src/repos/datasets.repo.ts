import type { Insertable, Kysely, Selectable } from 'kysely';
import { SYSTEM_AGENCY, withAgency } from './agency-scope.js';
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

  /** Delete datasets and everything in them (fragments, imports, shares, match candidates, hits), in one transaction. */
  async purge(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.transaction().execute((t) =>
      withAgency(t, SYSTEM_AGENCY, async (trx) => {
        await trx.deleteFrom('fragments').where('dataset_id', 'in', ids).execute();
        await trx.deleteFrom('import_checkpoints').where('dataset_id', 'in', ids).execute();
        await trx.deleteFrom('imports').where('dataset_id', 'in', ids).execute();
        await trx.deleteFrom('dataset_shares').where('dataset_id', 'in', ids).execute();
        await trx
          .deleteFrom('match_candidates')
          .where((eb) => eb.or([eb('dataset_a', 'in', ids), eb('dataset_b', 'in', ids)]))
          .execute();
        await trx
          .deleteFrom('hits')
          .where((eb) => eb.or([eb('asker_dataset', 'in', ids), eb('owner_dataset', 'in', ids)]))
          .execute();
        await trx.deleteFrom('datasets').where('id', 'in', ids).execute();
      }),
    );
  }
}
