import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Selectable } from 'kysely';
import { GENESIS_HASH, type AuditCheckpoint, type ChainedRecord } from '@clew/core';
import { open, type FileHandle } from 'node:fs/promises';
import type { Dialect } from '../db.js';
import type { Database } from '../schema.js';
import type { AuditCheckpointsTable, AuditEntriesTable } from '../schema/audit.js';

/** The chain's head: the last entry and the last checkpoint number (0 and the genesis hash when empty). */
export interface AuditHead {
  seq: number;
  hash: string;
  checkpoints: number;
  /** The seq the last checkpoint signed (0 when none). */
  lastCheckpointSeq: number;
}

/** What one locked append writes: entries continuing the head, and checkpoints of them. */
export interface AuditAppend {
  entries: readonly ChainedRecord[];
  checkpoints: readonly AuditCheckpoint[];
}

/** Filters for listing entries, newest first. */
export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  agency?: string | undefined;
  /** Entries that name this id among their targets. */
  target?: string | undefined;
  /** ISO timestamps, inclusive lower and exclusive upper bound. */
  from?: string | undefined;
  to?: string | undefined;
  /** Entries before this seq (the next page of a newest-first listing). */
  beforeSeq?: number | undefined;
  limit: number;
}

// PostgreSQL: one advisory lock per schema serialises appends to the chain (held to the commit).
const PG_LOCK = sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.clew_audit'))`;

/**
 * Rows of the audit log: appended under one lock, so there is a single chain. An append resolves
 * once what it wrote is durable. On SQLite the store's own connection commits without waiting for
 * the disk (`synchronous = NORMAL`: the commit is in the write-ahead log, not yet flushed), then the
 * log file is flushed (fsync) on libuv's thread pool before `append` resolves: the same guarantee
 * as a `FULL` commit, without the thread serving requests blocking for the flush — and the records
 * made meanwhile go into the next append (group commit, see the audit service).
 */
export class AuditRepo {
  /** The write-ahead log's file, opened at the first append (null: not in WAL mode, commits are FULL). */
  private wal: Promise<FileHandle | null> | undefined;

  /**
   * @param readonlyFile a SQLite store opened read-only still records its reads: each append opens
   *   its own short write connection to this file (BEGIN IMMEDIATE serialises it with the writer).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly readonlyFile?: string,
  ) {}

  /** Read the head and write what `build` makes of it, under the chain lock, in one transaction. */
  async append(build: (head: AuditHead) => AuditAppend): Promise<AuditAppend> {
    if (this.dialect === 'postgres') {
      return this.db.transaction().execute(async (trx) => {
        await PG_LOCK.execute(trx);
        return write(trx, build(await readHead(trx)));
      });
    }
    if (this.readonlyFile === undefined) {
      const wal = (this.wal ??= walOf(this.db));
      // A log that could not be opened is tried again at the next append.
      const handle = await wal.catch((e: unknown) => {
        if (this.wal === wal) this.wal = undefined;
        throw e;
      });
      const written = await sqliteAppend(this.db, build, handle ? 'NORMAL' : 'FULL');
      await handle?.sync();
      return written;
    }
    const writer = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(this.readonlyFile, { timeout: 5000 }) }),
    });
    try {
      return await sqliteAppend(writer, build, 'FULL');
    } finally {
      await writer.destroy();
    }
  }

  /** Close the write-ahead log's file (before the store closes). */
  async close(): Promise<void> {
    const wal = this.wal;
    this.wal = undefined;
    await (await wal?.catch(() => null))?.close();
  }

  /** The current head. */
  head(): Promise<AuditHead> {
    return readHead(this.db);
  }

  /** The head and every checkpoint, read in one snapshot so they agree with each other. */
  async snapshot(): Promise<{ head: AuditHead; checkpoints: AuditCheckpoint[] }> {
    const read = async (db: Kysely<Database>) => ({
      head: await readHead(db),
      checkpoints: await readCheckpoints(db),
    });
    if (this.dialect === 'postgres') {
      return this.db.transaction().setIsolationLevel('repeatable read').execute(read);
    }
    return this.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        return await read(conn);
      } finally {
        await sql`commit`.execute(conn);
      }
    });
  }

  /** Entries with `after < seq <= to`, in seq order. */
  async range(after: number, to: number): Promise<ChainedRecord[]> {
    // A bounded seq range rather than `seq > ? limit ?`: without fresh statistics PostgreSQL would
    // bitmap-scan and sort the whole rest of the table for every page. Each row comes as one JSON
    // array built by the database: a third less work than twelve columns.
    const rows = await sql<{ j: string }>`
      select ${this.dialect === 'postgres' ? sql`json_build_array(${ROW_COLUMNS})::text` : sql`json_array(${ROW_COLUMNS})`} as j
      from audit_entries where seq > ${after} and seq <= ${to} order by seq`.execute(this.db);
    return rows.rows.map((r) => recordOfArray(JSON.parse(r.j) as RowArray));
  }

  /** The lowest seq above `after`, if any. */
  async firstSeqAfter(after: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('audit_entries')
      .select('seq')
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row?.seq;
  }

  /** Every entry up to seq `upTo`, in seq order, read in pages (memory stays flat). */
  async *scan(upTo: number, pageSize = 20_000): AsyncGenerator<ChainedRecord[]> {
    let cursor = Number.MIN_SAFE_INTEGER;
    const fetch = (after: number): Promise<ChainedRecord[]> => {
      cursor = Math.min(after + pageSize, upTo);
      return this.range(after, cursor);
    };
    // From the lowest stored seq: a row whose seq was tampered to 0 or below is still read.
    const first = await this.firstSeqAfter(cursor);
    // The next page is fetched while the caller works on this one (PostgreSQL answers meanwhile).
    let next = first === undefined || first > upTo ? undefined : fetch(first - 1);
    try {
      while (next) {
        const page = await next;
        const last = page[page.length - 1];
        if (last) {
          next = cursor < upTo ? fetch(last.seq) : undefined;
          yield page;
          continue;
        }
        // An empty range: a gap in the chain (the verifier reports it) or the end.
        const jump = cursor < upTo ? await this.firstSeqAfter(cursor) : undefined;
        next = jump === undefined || jump > upTo ? undefined : fetch(jump - 1);
      }
    } finally {
      // A caller that stops early leaves one fetch running: settle it quietly.
      void next?.catch(() => undefined);
    }
  }

  /** Every checkpoint, by number. */
  checkpoints(): Promise<AuditCheckpoint[]> {
    return readCheckpoints(this.db);
  }

  /** Entries matching the filter, newest first. */
  async list(f: AuditFilter): Promise<ChainedRecord[]> {
    let q = this.db.selectFrom('audit_entries').selectAll();
    if (f.action !== undefined) q = q.where('action', '=', f.action);
    if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
    if (f.agency !== undefined) q = q.where('actor_agency', '=', f.agency);
    if (f.target !== undefined) {
      const needle = JSON.stringify(f.target);
      q = q.where(
        this.dialect === 'postgres'
          ? sql<boolean>`strpos(targets, ${needle}) > 0`
          : sql<boolean>`instr(targets, ${needle}) > 0`,
      );
    }
    if (f.from !== undefined) q = q.where('at', '>=', f.from);
    if (f.to !== undefined) q = q.where('at', '<', f.to);
    if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
    const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
    return rows.map(recordOfRow);
  }
}

/**
 * The write-ahead log of a SQLite store's connection, for flushing it: opened once, since SQLite
 * deletes it only when the last connection closes (the store's stays open while it is used) and
 * otherwise reuses the same file. Null when the database is not in WAL mode.
 */
const walOf = async (db: Kysely<Database>): Promise<FileHandle | null> => {
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  if (mode.rows[0]?.journal_mode.toLowerCase() !== 'wal') return null;
  const main = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
    db,
  );
  const file = main.rows[0]?.file;
  return file ? open(`${file}-wal`, 'r+') : null;
};

// `synchronous` is the connection's for this commit only: NORMAL when the caller flushes the log itself.
const sqliteAppend = (
  db: Kysely<Database>,
  build: (head: AuditHead) => AuditAppend,
  synchronous: 'FULL' | 'NORMAL',
): Promise<AuditAppend> =>
  db.connection().execute(async (conn) => {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(conn);
    const before = rows[0]?.synchronous ?? 2;
    await sql.raw(`pragma synchronous = ${synchronous}`).execute(conn);
    try {
      // BEGIN IMMEDIATE takes SQLite's write lock before the head is read, so no other writer interleaves.
      await sql`begin immediate`.execute(conn);
      try {
        const out = await write(conn, build(await readHead(conn)));
        await sql`commit`.execute(conn);
        return out;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw e;
      }
    } finally {
      await sql.raw(`pragma synchronous = ${String(before)}`).execute(conn);
    }
  });

const readCheckpoints = async (db: Kysely<Database>): Promise<AuditCheckpoint[]> =>
  (await db.selectFrom('audit_checkpoints').selectAll().orderBy('n').execute()).map(checkpointOfRow);

const readHead = async (db: Kysely<Database>): Promise<AuditHead> => {
  const last = await db
    .selectFrom('audit_entries')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const cp = await db
    .selectFrom('audit_checkpoints')
    .select(['n', 'seq'])
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    seq: last?.seq ?? 0,
    hash: last?.hash ?? GENESIS_HASH,
    checkpoints: cp?.n ?? 0,
    lastCheckpointSeq: cp?.seq ?? 0,
  };
};

const ROW_COLUMNS = sql.join(
  [
    'seq',
    'at',
    'actor_kind',
    'actor_id',
    'actor_agency',
    'action',
    'targets',
    'purpose',
    'outcome',
    'details',
    'prev_hash',
    'hash',
  ].map((c) => sql.ref(c)),
);
type RowArray = [
  number,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

const recordOfArray = (a: RowArray): ChainedRecord => ({
  seq: a[0],
  at: a[1],
  actorKind: a[2],
  actorId: a[3],
  actorAgency: a[4],
  action: a[5],
  targets: a[6],
  purpose: a[7],
  outcome: a[8],
  details: a[9],
  prevHash: a[10],
  hash: a[11],
});

// 13 columns a row: 500 rows stay under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_ROWS = 500;

const write = async (db: Kysely<Database>, a: AuditAppend): Promise<AuditAppend> => {
  for (let i = 0; i < a.entries.length; i += INSERT_ROWS) {
    await db
      .insertInto('audit_entries')
      .values(a.entries.slice(i, i + INSERT_ROWS).map(rowOfRecord))
      .execute();
  }
  if (a.checkpoints.length > 0) {
    await db.insertInto('audit_checkpoints').values(a.checkpoints.map(rowOfCheckpoint)).execute();
  }
  return a;
};

/** The stored row of a record. */
export const rowOfRecord = (r: ChainedRecord): AuditEntriesTable => ({
  seq: r.seq,
  at: r.at,
  actor_kind: r.actorKind,
  actor_id: r.actorId,
  actor_agency: r.actorAgency,
  action: r.action,
  targets: r.targets,
  purpose: r.purpose,
  outcome: r.outcome,
  details: r.details,
  prev_hash: r.prevHash,
  hash: r.hash,
});

const recordOfRow = (r: Selectable<AuditEntriesTable>): ChainedRecord => ({
  seq: r.seq,
  at: r.at,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  actorAgency: r.actor_agency,
  action: r.action,
  targets: r.targets,
  purpose: r.purpose,
  outcome: r.outcome,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const rowOfCheckpoint = (c: AuditCheckpoint): AuditCheckpointsTable => ({
  n: c.n,
  seq: c.seq,
  hash: c.hash,
  at: c.at,
  key_id: c.keyId,
  public_key: c.publicKey,
  signature: c.signature,
});

const checkpointOfRow = (r: Selectable<AuditCheckpointsTable>): AuditCheckpoint => ({
  n: r.n,
  seq: r.seq,
  hash: r.hash,
  at: r.at,
  keyId: r.key_id,
  publicKey: r.public_key,
  signature: r.signature,
});
