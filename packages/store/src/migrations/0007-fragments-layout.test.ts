import { DEFAULT_MARKING } from '@clew/core';
import { Migrator, PostgresAdapter, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../db.js';
import { packStatements } from '../repos/fragment-codec.js';
import type { Database } from '../schema.js';
import { openStore, type Store } from '../store.js';
import { freshLocation, seedRows, testDialects, type TestLocation } from '../testing/dialects.js';
import { MIGRATIONS } from './index.js';

const dialects = await testDialects();

/** Bring a new database to the schema before migration 0007. */
const migrateBefore0007 = async (db: Kysely<Database>): Promise<void> => {
  const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0007'));
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(before) },
    migrationTableName: 'clew_migration',
    migrationLockTableName: 'clew_migration_lock',
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  }).migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error('migrating to 0006 failed');
};

const fragmentRow = (entity: string, seq: number, name: string) => ({
  dataset_id: 'ds',
  entity_id: entity,
  agency_id: 'ag',
  original_id: entity,
  schema: 'Person',
  caption: name,
  seq,
  import_run: 'run1',
  statements: packStatements([
    {
      ...DEFAULT_MARKING,
      entityId: entity,
      dataset: 'ds',
      agency: 'ag',
      schema: 'Person',
      prop: 'name',
      propType: 'name',
      value: name,
      seq: 0,
    },
  ]),
  shareable: 1,
});

/** The names of the indexes on fragments, sorted. */
const fragmentIndexes = async (store: Store): Promise<string[]> => {
  const rows =
    store.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_index_list('fragments')`.execute(store.db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes
          where tablename = 'fragments' and schemaname = current_schema()`.execute(store.db);
  return rows.rows.map((r) => r.name).sort();
};

describe.each(dialects)('migration 0007 (fragments layout) on %s', (dialect) => {
  let loc: TestLocation;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await loc.cleanup();
  });

  it('keeps every fragment, in import order, under the new indexes', async () => {
    loc = await freshLocation(dialect);
    const conn = await connect(loc.config);
    try {
      await migrateBefore0007(conn.db);
      const rows = seedRows('ds', 'ag');
      await conn.db.insertInto('agencies').values(rows.agency).execute();
      await conn.db.insertInto('datasets').values(rows.dataset).execute();
      // Entity order differs from import order: the copy must keep the positions.
      await conn.db
        .insertInto('fragments')
        .values([fragmentRow('c.x', 0, 'Cy'), fragmentRow('a.x', 1, 'Ann'), fragmentRow('b.x', 2, 'Bob')])
        .execute();
    } finally {
      await conn.close();
    }
    store = await openStore(loc.config);
    const scope = { agency: '*', datasets: ['ds'], partial: [] };
    expect(await store.entities.list({ scope, limit: 10, offset: 0 })).toEqual({
      total: 3,
      entityIds: ['c.x', 'a.x', 'b.x'],
    });
    const [ann] = await store.entities.fragments(['a.x'], scope);
    expect(ann?.statements.map((s) => s.value)).toEqual(['Ann']);
    expect(await store.entities.countsBySchema(scope)).toEqual([
      { dataset: 'ds', schema: 'Person', count: 3 },
    ]);
    expect(await store.writes.nextSeq('ds')).toBe(3);
    expect(await fragmentIndexes(store)).toEqual(
      dialect === 'sqlite'
        ? ['fragments_dataset_seq_schema_shareable', 'sqlite_autoindex_fragments_1']
        : ['fragments_dataset_seq_schema_shareable', 'fragments_pk'],
    );
    if (dialect === 'sqlite') {
      // A table without rowid has no rowid column: this fails on the old layout.
      const rows = await sql<{ rowid: number }>`select rowid from fragments order by rowid`.execute(store.db);
      expect(rows.rows).toHaveLength(3);
    }
  });
});
