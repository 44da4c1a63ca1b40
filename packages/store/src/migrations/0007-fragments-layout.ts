import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

const COLUMNS = sql.raw(
  'dataset_id, entity_id, agency_id, original_id, schema, caption, seq, import_run, statements, shareable',
);

/**
 * The one index of fragments besides their key: a dataset in import order, with each fragment's schema
 * and shareability, so counts by schema and pages by schema are read from the index alone.
 */
const createReadIndex = (db: Kysely<unknown>): Promise<void> =>
  db.schema
    .createIndex('fragments_dataset_seq_schema_shareable')
    .on('fragments')
    .columns(['dataset_id', 'seq', 'schema', 'shareable'])
    .execute();

/** The fragments table rebuilt as a rowid table, rows copied in import order, with its read index. */
const rebuild = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('fragments_rowid')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('original_id', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('import_run', 'text', (c) => c.notNull())
    .addColumn('statements', 'text', (c) => c.notNull())
    .addColumn('shareable', 'integer', (c) => c.notNull().defaultTo(sql`0`))
    .addPrimaryKeyConstraint('fragments_pk', ['entity_id', 'dataset_id'])
    .execute();
  // In import order, so whole-dataset readers (seq order) read the table front to back.
  await sql`insert into fragments_rowid (${COLUMNS})
      select ${COLUMNS} from fragments order by dataset_id, seq`.execute(db);
  // Nothing refers to fragments, so dropping it (with its two indexes) breaks no foreign key.
  await db.schema.dropTable('fragments').execute();
  await sql`alter table fragments_rowid rename to fragments`.execute(db);
  await createReadIndex(db);
};

/**
 * Cheaper writes of fragments (decision 0011). On SQLite, fragments move from a table clustered on
 * (entity, dataset) to a rowid table with that key as a unique index: an import appends each row at
 * the end of the table and inserts ~70 bytes into the key's index, instead of inserting the whole row
 * (~300 bytes) into a tree ordered by entity. On both engines, the two indexes by dataset and import
 * position (one with the schema second) become one, with the schema third: one index to update a row.
 */
export const fragmentsLayout: Migration = {
  async up(outer: Kysely<unknown>): Promise<void> {
    if (!(outer.getExecutor().adapter instanceof SqliteAdapter)) {
      // PostgreSQL migrations run in a transaction of the migrator's.
      await outer.schema.dropIndex('fragments_dataset_seq_shareable').execute();
      await outer.schema.dropIndex('fragments_dataset_schema_seq_shareable').execute();
      await createReadIndex(outer);
      return;
    }
    // Kysely runs SQLite migrations outside a transaction: one here, so a crash leaves the old table whole.
    await outer.transaction().execute((trx) => rebuild(trx));
  },
};
