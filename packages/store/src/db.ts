import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as KyselySqliteDatabase,
} from 'kysely';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { unavailable } from '@clew/core';
import type { Database } from './schema.js';
import { takeWriterLock, type WriterLock } from './sqlite-lock.js';

/** Which engine a store runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** Where the store lives: a SQLite file under dataDir, or PostgreSQL when databaseUrl is set. */
export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Open without taking the writer lock and refuse writes (SQLite); for read-only commands. */
  readonly?: boolean;
  /** PostgreSQL schema to use (tests give each suite its own). */
  pgSchema?: string;
  /**
   * Test builds only: drop the queries' own read filter, to show that the backstops hold (PostgreSQL's
   * row-level security; the row guard under it). Never set in a running hub.
   */
  unsafeWithoutReadChecks?: boolean;
}

/** An open database connection with its dialect. */
export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data is, for messages (never includes a password). */
  location: string;
  /**
   * SQLite only: the connection under Kysely, for the bulk write path, which runs prepared statements
   * on it while it holds the connection through Kysely (see WritesRepo): one row costs a few µs there,
   * against tens through Kysely's promise chain.
   */
  sqlite?: SqliteDatabase.Database | undefined;
  close(): Promise<void>;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

const checkSqliteFile = (file: string): void => {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(16);
  let n: number;
  try {
    n = readSync(fd, buf, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (n > 0 && buf.toString('latin1', 0, n) !== SQLITE_HEADER.slice(0, n)) {
    throw unavailable(`${file} is not a Clew database (it is not an SQLite file)`, { file });
  }
};

/** How many prepared statements a SQLite connection keeps for reuse. */
const PREPARED_KEPT = 256;

/**
 * The connection as Kysely sees it, with prepared statements kept by their SQL text: Kysely's driver
 * prepares every query again, and preparing a batch's thousand-row upsert costs as much as a fifth of
 * running it. A statement still being iterated (a streamed query) is never handed out twice.
 */
const cachingPrepares = (sqlite: SqliteDatabase.Database): KyselySqliteDatabase => {
  const kept = new Map<string, SqliteDatabase.Statement>();
  const prepare = (text: string): SqliteDatabase.Statement => {
    const known = kept.get(text);
    if (known && !known.busy) return known;
    const stmt = sqlite.prepare(text);
    if (kept.size >= PREPARED_KEPT) kept.delete(kept.keys().next().value ?? '');
    kept.set(text, stmt);
    return stmt;
  };
  return { prepare, close: () => sqlite.close() };
};

const openSqlite = (config: StoreConfig): Connection => {
  const dir = resolve(config.dataDir);
  const file = join(dir, 'clew.sqlite');
  if (!config.readonly) mkdirSync(dir, { recursive: true });
  else if (!existsSync(file)) throw unavailable(`no Clew database at ${file}`, { file });
  checkSqliteFile(file);
  const lock: WriterLock | undefined = config.readonly ? undefined : takeWriterLock(file);
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(file, { readonly: config.readonly ?? false, timeout: 5000 });
    if (!config.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('cache_size = -65536');
    // A bulk import lets the write-ahead log grow to 512 MiB between checkpoints (writes.repo.ts):
    // once a checkpoint has emptied it, the file is cut back to 64 MiB.
    sqlite.pragma('journal_size_limit = 67108864');
  } catch (e) {
    lock?.release();
    throw unavailable(`cannot open ${file}: ${(e as Error).message}`, { file });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingPrepares(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite,
    close: async () => {
      await db.destroy();
      lock?.release();
    },
  };
};

/** The URL without its password, for messages. */
export const redactUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
};

// PostgreSQL returns bigint as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

const openPostgres = async (config: StoreConfig, url: string, role?: string): Promise<Connection> => {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
  });
  const location = redactUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end();
    throw unavailable(`cannot connect to PostgreSQL at ${location}: ${(e as Error).message}`);
  }
  // Every connection acts as the application role, so row-level security applies to all it reads.
  const onCreateConnection = role
    ? async (c: { executeQuery: (q: CompiledQuery) => Promise<unknown> }): Promise<void> => {
        await c.executeQuery(CompiledQuery.raw(`set role ${role}`));
      }
    : undefined;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool, ...(onCreateConnection ? { onCreateConnection } : {}) }),
  });
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
};

/** Open the configured database (no migrations: see openStore); on PostgreSQL, as `role` when given. */
export const connect = async (config: StoreConfig, role?: string): Promise<Connection> => {
  const url = config.databaseUrl;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw unavailable(`CLEW_DATABASE_URL must start with postgres:// (got ${redactUrl(url)})`);
    }
    return openPostgres(config, url, role);
  }
  return openSqlite(config);
};
