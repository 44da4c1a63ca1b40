import type { Kysely, Migration } from 'kysely';

/** Checkpoints that let an interrupted table import resume. */
export const importCheckpoints: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('import_checkpoints')
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
      .addColumn('file_key', 'text', (c) => c.notNull())
      .addColumn('mapping_hash', 'text', (c) => c.notNull())
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id'))
      .addColumn('batch_size', 'integer', (c) => c.notNull())
      .addColumn('rows_done', 'bigint', (c) => c.notNull())
      .addColumn('next_seq', 'bigint', (c) => c.notNull())
      .addColumn('accepted', 'bigint', (c) => c.notNull())
      .addColumn('rejected', 'bigint', (c) => c.notNull())
      .addColumn('entities', 'bigint', (c) => c.notNull())
      .addColumn('statements', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_checkpoints_pk', ['dataset_id', 'file_key', 'mapping_hash'])
      .execute();
  },
};
