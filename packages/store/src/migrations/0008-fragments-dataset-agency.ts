import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * PostgreSQL: fragments refer to their dataset and its agency with one foreign key,
 * `(dataset_id, agency_id) → datasets (id, agency_id)`, instead of one to datasets and one to
 * agencies. Each foreign key is a trigger that runs for every row inserted: in a bulk load they were
 * ~8 of the backend's ~20 µs a fragment (docs/benchmarks.md). One key keeps both guarantees (the
 * dataset exists; its agency exists, through datasets' own key) and adds one: a fragment's agency is
 * its dataset's. On SQLite the two keys stay: checking them costs nothing measurable there, and
 * changing a constraint would mean rebuilding the table.
 */
export const fragmentsDatasetAgency: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    // PostgreSQL migrations run in a transaction of the migrator's.
    await sql`alter table datasets add constraint datasets_id_agency unique (id, agency_id)`.execute(db);
    // The two keys 0001 made (to datasets and to agencies), whatever PostgreSQL named them.
    const keys = await sql<{ name: string }>`select conname as name from pg_constraint
      where conrelid = 'fragments'::regclass and contype = 'f'
        and confrelid in ('datasets'::regclass, 'agencies'::regclass)`.execute(db);
    for (const { name } of keys.rows)
      await sql`alter table fragments drop constraint ${sql.id(name)}`.execute(db);
    await sql`alter table fragments add constraint fragments_dataset_agency
      foreign key (dataset_id, agency_id) references datasets (id, agency_id)`.execute(db);
  },
};
