import { SqliteAdapter, sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

/** On SQLite, tables keyed by text are stored clustered on their key (one B-tree instead of two). */
const clustered = <T extends string, C extends string>(
  db: Kysely<unknown>,
  t: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> =>
  db.getExecutor().adapter instanceof SqliteAdapter ? t.modifyEnd(sql`without rowid`) : t;

/** The initial schema: hub metadata, agencies, datasets, fragments (packed statements), imports. */
export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('clew_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('agencies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('datasets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('default_source', 'text', (c) => c.notNull())
      .addColumn('default_collected', 'text')
      .addColumn('default_source_reliability', 'text', (c) => c.notNull())
      .addColumn('default_info_assessment', 'text', (c) => c.notNull())
      .addColumn('default_handling', 'text', (c) => c.notNull())
      .addColumn('default_handling_conditions', 'text')
      .addColumn('default_tlp', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await clustered(
      db,
      db.schema
        .createTable('fragments')
        .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
        .addColumn('original_id', 'text', (c) => c.notNull())
        .addColumn('schema', 'text', (c) => c.notNull())
        .addColumn('caption', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('import_run', 'text', (c) => c.notNull())
        .addColumn('statements', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fragments_pk', ['entity_id', 'dataset_id']),
    ).execute();
    await db.schema
      .createIndex('fragments_dataset_seq')
      .on('fragments')
      .columns(['dataset_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('fragments_dataset_schema_seq')
      .on('fragments')
      .columns(['dataset_id', 'schema', 'seq'])
      .execute();
    await db.schema
      .createTable('imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('accepted', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('statements', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['imports', 'fragments', 'datasets', 'agencies', 'clew_meta']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
