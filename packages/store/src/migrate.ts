import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResult } from 'kysely';
import { unavailable } from '@clew/core';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

const TABLE = 'clew_migration';

/** The PostgreSQL schema in use (introspection lists every schema's tables); undefined on SQLite. */
const currentSchema = async (db: Kysely<Database>): Promise<string | undefined> =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;

/** Names of the migrations already applied to this database (empty for a new one). */
const appliedMigrations = async (db: Kysely<Database>, schema: string | undefined): Promise<string[]> => {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === TABLE && (schema === undefined || t.schema === schema))) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
};

/**
 * Bring the schema up to date. A database that has migrations this version does not know was
 * written by a newer Clew: refuse it, and change nothing.
 */
export const migrateToLatest = async (db: Kysely<Database>, location: string): Promise<MigrationResult[]> => {
  const known = new Set(Object.keys(MIGRATIONS));
  const schema = await currentSchema(db);
  const unknown = (await appliedMigrations(db, schema)).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw unavailable(
      `the database at ${location} was written by a newer version of Clew (it has migration "${unknown[0] ?? ''}", ` +
        'which this version does not know). Upgrade Clew to open it.',
    );
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    migrationTableName: TABLE,
    migrationLockTableName: `${TABLE}_lock`,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw unavailable(`migrating the database at ${location} failed: ${(error as Error).message}`);
  }
  return results ?? [];
};
