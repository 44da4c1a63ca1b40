import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { ImportCheckpointsTable } from '../schema/imports.js';

/** What identifies one import for resuming it: the same file, through the same mapping, into the same dataset. */
export interface ImportKey {
  dataset: string;
  fileKey: string;
  mappingHash: string;
}

/** A checkpoint as stored. */
export type ImportCheckpoint = Selectable<ImportCheckpointsTable>;
export type { ImportCheckpointsTable };

/** Insert or replace a checkpoint, inside the caller's transaction (the one that writes its batch). */
export const saveCheckpoint = async (
  trx: Transaction<Database> | Kysely<Database>,
  row: ImportCheckpointsTable,
): Promise<void> => {
  const { dataset_id: _d, file_key: _f, mapping_hash: _m, ...rest } = row;
  await trx
    .insertInto('import_checkpoints')
    .values(row)
    .onConflict((oc) => oc.columns(['dataset_id', 'file_key', 'mapping_hash']).doUpdateSet(rest))
    .execute();
};

/** Checkpoints of interrupted table imports: where a second run of the same import resumes. */
export class ImportCheckpointsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The checkpoint of an interrupted run of this import, if there is one. */
  async find(key: ImportKey): Promise<ImportCheckpoint | undefined> {
    return this.db
      .selectFrom('import_checkpoints')
      .selectAll()
      .where('dataset_id', '=', key.dataset)
      .where('file_key', '=', key.fileKey)
      .where('mapping_hash', '=', key.mappingHash)
      .executeTakeFirst();
  }

  /** Record a checkpoint outside a batch (the start of a run, before anything is written). */
  async save(row: ImportCheckpointsTable): Promise<void> {
    await saveCheckpoint(this.db, row);
  }

  /** Mark a resumed run as running again. */
  async reopen(importId: string): Promise<void> {
    await this.db
      .updateTable('imports')
      .set({ status: 'running', finished_at: null })
      .where('id', '=', importId)
      .execute();
  }

  /** Record the outcome of a finished run and drop its checkpoint, in one transaction. */
  async finish(
    key: ImportKey,
    importId: string,
    outcome: { status: string; accepted: number; rejected: number; statements: number; finishedAt: string },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('imports')
        .set({
          status: outcome.status,
          accepted: outcome.accepted,
          rejected: outcome.rejected,
          statements: outcome.statements,
          finished_at: outcome.finishedAt,
        })
        .where('id', '=', importId)
        .execute();
      await trx
        .deleteFrom('import_checkpoints')
        .where('dataset_id', '=', key.dataset)
        .where('file_key', '=', key.fileKey)
        .where('mapping_hash', '=', key.mappingHash)
        .execute();
    });
  }
}
