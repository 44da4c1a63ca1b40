import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely, type Selectable } from 'kysely';
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
  /** The head the last append on the store's own SQLite connection left (see `sqliteAppend`). */
  private readonly known: KnownHead = { head: undefined, mark: '' };
  /** The appends' statements on `sqlite`, prepared once. */
  private rawRun: Run | undefined;

  /**
   * @param readonlyFile a SQLite store opened read-only still records its reads: each append opens
   *   its own short write connection to this file (BEGIN IMMEDIATE serialises it with the writer).
   * @param sqlite the SQLite connection under `db` (see Connection.sqlite), required on SQLite:
   *   appends run their statements on it directly, while they hold the connection through Kysely.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly readonlyFile?: string,
    private readonly sqlite?: SqliteDatabase.Database,
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
      const synchronous = handle ? 'NORMAL' : 'FULL';
      const raw = this.sqlite;
      if (!raw) throw new Error('AuditRepo on SQLite needs the SQLite connection');
      const run = (this.rawRun ??= rawRunner(raw));
      // Held through Kysely, so no other query runs on the connection during the append.
      const written = await this.db
        .connection()
        .execute(() => sqliteAppend(run, build, synchronous, this.known));
      await handle?.sync();
      return written;
    }
    const writer = new SqliteDatabase(this.readonlyFile, { timeout: 5000 });
    try {
      return await sqliteAppend(rawRunner(writer), build, 'FULL');
    } finally {
      writer.close();
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

/**
 * The head an append on one connection left, and the connection's mark when it committed: the head
 * is still the chain's while the mark is unchanged. An undefined head is read from the table.
 */
interface KnownHead {
  head: AuditHead | undefined;
  mark: string;
}

/**
 * What tells a connection that someone else wrote since it last looked: `data_version` changes when
 * another connection (another process, or a read-only store's short write connection) commits,
 * `total_changes()` when this connection changes any row outside an append (a repair, a test's
 * tampering), `schema_version` on any change of the tables. One statement, a few µs, where reading
 * the head costs two queries.
 */
const MARK = CompiledQuery.raw(
  'select data_version, schema_version, total_changes() as changes from pragma_data_version, pragma_schema_version',
);
const READ_SYNCHRONOUS = CompiledQuery.raw('pragma synchronous');
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const LAST_ENTRY = CompiledQuery.raw('select "seq", "hash" from "audit_entries" order by "seq" desc limit 1');
const LAST_CHECKPOINT = CompiledQuery.raw(
  'select "n", "seq" from "audit_checkpoints" order by "n" desc limit 1',
);

/** Run one statement of an append on a SQLite connection; its rows (none for a write). */
type Run = (q: CompiledQuery) => Promise<unknown[]> | unknown[];

/** Through Kysely, on the connection it holds for the append. */
const kyselyRunner =
  (conn: Kysely<Database>): Run =>
  async (q) =>
    (await conn.executeQuery(q)).rows;

/** On a better-sqlite3 connection directly, each statement prepared once (an append is a few µs each). */
const rawRunner = (raw: SqliteDatabase.Database): Run => {
  const prepared = new Map<string, SqliteDatabase.Statement>();
  return (q) => {
    let st = prepared.get(q.sql);
    if (!st) {
      st = raw.prepare(q.sql);
      prepared.set(q.sql, st);
    }
    if (st.reader) return st.all(...q.parameters);
    st.run(...q.parameters);
    return [];
  };
};

const markOf = async (run: Run): Promise<string> => {
  const [r] = (await run(MARK)) as Record<string, number>[];
  return r ? `${r.data_version}/${r.schema_version}/${r.changes}` : '';
};

const headOf = async (run: Run): Promise<AuditHead> => {
  const [last] = (await run(LAST_ENTRY)) as { seq: number; hash: string }[];
  const [cp] = (await run(LAST_CHECKPOINT)) as { n: number; seq: number }[];
  return {
    seq: last?.seq ?? 0,
    hash: last?.hash ?? GENESIS_HASH,
    checkpoints: cp?.n ?? 0,
    lastCheckpointSeq: cp?.seq ?? 0,
  };
};

/**
 * Append on SQLite under BEGIN IMMEDIATE (the write lock, taken before the head is read, so no other
 * writer interleaves), the caller holding the connection. `synchronous` is the connection's for this
 * commit only: NORMAL when the caller flushes the log itself. With `known` (the store's own
 * connection, which lives as long as the repo), the head of the last append is trusted while the
 * connection's mark is unchanged, else read again. The statements are SQL text written once:
 * building each through Kysely's query builder cost more than running it.
 */
const sqliteAppend = async (
  run: Run,
  build: (head: AuditHead) => AuditAppend,
  synchronous: 'FULL' | 'NORMAL',
  known?: KnownHead,
): Promise<AuditAppend> => {
  const [current] = (await run(READ_SYNCHRONOUS)) as { synchronous: number }[];
  const before = current?.synchronous ?? 2;
  await run(CompiledQuery.raw(`pragma synchronous = ${synchronous}`));
  try {
    await run(BEGIN_IMMEDIATE);
    try {
      const trusted = known?.head !== undefined && (await markOf(run)) === known.mark;
      const head = trusted && known.head ? known.head : await headOf(run);
      if (known) known.head = undefined;
      const out = build(head);
      await writeSqlite(run, out);
      const mark = known ? await markOf(run) : '';
      await run(COMMIT);
      if (known) {
        known.head = headAfter(head, out);
        known.mark = mark;
      }
      return out;
    } catch (e) {
      await run(ROLLBACK);
      throw e;
    }
  } finally {
    await run(CompiledQuery.raw(`pragma synchronous = ${String(before)}`));
  }
};

/** The head once `a` is written after `head`. */
const headAfter = (head: AuditHead, a: AuditAppend): AuditHead => {
  const last = a.entries[a.entries.length - 1];
  const cp = a.checkpoints[a.checkpoints.length - 1];
  return {
    seq: last?.seq ?? head.seq,
    hash: last?.hash ?? head.hash,
    checkpoints: cp?.n ?? head.checkpoints,
    lastCheckpointSeq: cp?.seq ?? head.lastCheckpointSeq,
  };
};

const readCheckpoints = async (db: Kysely<Database>): Promise<AuditCheckpoint[]> =>
  (await db.selectFrom('audit_checkpoints').selectAll().orderBy('n').execute()).map(checkpointOfRow);

const readHead = (db: Kysely<Database>): Promise<AuditHead> => headOf(kyselyRunner(db));

/** The columns of an entry, in the order of a ChainedRecord's fields. */
const ENTRY_COLUMNS = [
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
] as const;
const ROW_COLUMNS = sql.join(ENTRY_COLUMNS.map((c) => sql.ref(c)));
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

/**
 * Rows per insert statement on SQLite: each size is one statement text, compiled once and kept
 * prepared by the store, so a batch of any size takes a few statements of a few sizes, never a new one.
 */
const SQLITE_CHUNKS = [256, 64, 16, 4, 1] as const;

const insertEntries = (rows: number): string => {
  const one = `(${ENTRY_COLUMNS.map(() => '?').join(', ')})`;
  return `insert into "audit_entries" (${ENTRY_COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, () => one).join(', ')}`;
};
const INSERT_ENTRIES = SQLITE_CHUNKS.map((n) => [n, insertEntries(n)] as const);

const paramsOf = (r: ChainedRecord): unknown[] => [
  r.seq,
  r.at,
  r.actorKind,
  r.actorId,
  r.actorAgency,
  r.action,
  r.targets,
  r.purpose,
  r.outcome,
  r.details,
  r.prevHash,
  r.hash,
];

const CHECKPOINT_COLUMNS = ['n', 'seq', 'hash', 'at', 'key_id', 'public_key', 'signature'] as const;
const INSERT_CHECKPOINT = `insert into "audit_checkpoints" (${CHECKPOINT_COLUMNS.map((c) => `"${c}"`).join(', ')}) values (${CHECKPOINT_COLUMNS.map(() => '?').join(', ')})`;

/** `write` on SQLite, with statement texts written once (the same rows). */
const writeSqlite = async (run: Run, a: AuditAppend): Promise<void> => {
  let i = 0;
  for (const [size, text] of INSERT_ENTRIES) {
    for (; a.entries.length - i >= size; i += size) {
      await run(CompiledQuery.raw(text, a.entries.slice(i, i + size).flatMap(paramsOf)));
    }
  }
  for (const c of a.checkpoints) {
    const row = rowOfCheckpoint(c);
    await run(
      CompiledQuery.raw(
        INSERT_CHECKPOINT,
        CHECKPOINT_COLUMNS.map((k) => row[k]),
      ),
    );
  }
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
