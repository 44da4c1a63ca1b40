import { conflict, type ClewError } from '@clew/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { ImportCheckpointsTable } from '../schema/imports.js';
import { recordImportOutcome, type ImportOutcome } from './import-outcome.js';

/** What identifies one import for resuming it: the same file, through the same mapping, into the same dataset. */
export interface ImportKey {
  dataset: string;
  fileKey: string;
  mappingHash: string;
}

/** A checkpoint as stored. */
export type ImportCheckpoint = Selectable<ImportCheckpointsTable>;
export type { ImportCheckpointsTable };

/** A batch's move of its import's checkpoint: from where the run stood to where the batch ends. */
export interface CheckpointMove {
  from: ImportCheckpointsTable;
  to: ImportCheckpointsTable;
}

const busy = (row: ImportCheckpointsTable): ClewError =>
  conflict(
    `another run of this import (dataset ${row.dataset_id}) is writing it: wait for it to finish, or stop it and run the import again`,
  );

/**
 * Move a checkpoint inside the caller's transaction (the one that writes its batch) — only if it still
 * stands where this run left it. Two runs of one import (two processes on one PostgreSQL) can then
 * never both write: the second to commit finds the checkpoint moved, and its batch rolls back.
 */
export const moveCheckpoint = async (
  trx: Transaction<Database> | Kysely<Database>,
  move: CheckpointMove,
): Promise<void> => {
  const { dataset_id, file_key, mapping_hash, ...rest } = move.to;
  const r = await trx
    .updateTable('import_checkpoints')
    .set(rest)
    .where('dataset_id', '=', dataset_id)
    .where('file_key', '=', file_key)
    .where('mapping_hash', '=', mapping_hash)
    .where('import_id', '=', move.from.import_id)
    .where('rows_done', '=', move.from.rows_done)
    .executeTakeFirst();
  if (r.numUpdatedRows !== 1n) throw busy(move.to);
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

  /** Record the checkpoint of a new run, before anything is written; refused if another run holds one. */
  async claim(row: ImportCheckpointsTable): Promise<void> {
    const r = await this.db
      .insertInto('import_checkpoints')
      .values(row)
      .onConflict((oc) => oc.columns(['dataset_id', 'file_key', 'mapping_hash']).doNothing())
      .executeTakeFirst();
    if (r.numInsertedOrUpdatedRows !== 1n) throw busy(row);
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
  async finish(key: ImportKey, importId: string, outcome: ImportOutcome): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await recordImportOutcome(trx, importId, outcome);
      await trx
        .deleteFrom('import_checkpoints')
        .where('dataset_id', '=', key.dataset)
        .where('file_key', '=', key.fileKey)
        .where('mapping_hash', '=', key.mappingHash)
        .execute();
    });
  }
}
