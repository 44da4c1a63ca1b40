import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The agency a database session acts for, when it acts for the hub itself (imports, exports, indexes). */
export const SYSTEM_AGENCY = '*';

/**
 * Run `fn` with the database told which agency it serves. On PostgreSQL, row-level security on
 * `fragments` (migration 0004) then returns only that agency's rows and the rows shared with it —
 * a backstop below the application's own filter; an unset agency sees no row at all. The setting is
 * local to a transaction, so a pooled connection never carries it to the next request. On SQLite
 * (one process, no roles) it does nothing: the repositories' row guard is the backstop there.
 */
/** Tell the database, for the rest of this transaction, which agency it serves (PostgreSQL only). */
export const setAgency = async (trx: Kysely<Database>, agency: string): Promise<void> => {
  await sql`select set_config('clew.agency', ${agency}, true)`.execute(trx);
};

export const withAgency = async <T>(
  db: Kysely<Database>,
  agency: string,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> => {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return fn(db);
  if (db.isTransaction) {
    await setAgency(db, agency);
    return fn(db);
  }
  return db.transaction().execute(async (trx) => {
    await setAgency(trx, agency);
    return fn(trx);
  });
};

/** The role the application acts as on PostgreSQL: not a superuser, not the owner, no BYPASSRLS. */
export const APP_ROLE = 'clew_app';
