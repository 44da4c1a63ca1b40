import type SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ImportsTable } from '../schema.js';
import { setAgency, SYSTEM_AGENCY, withAgency } from './agency-scope.js';
import { mergePacked } from './fragment-codec.js';
import { moveCheckpoint, type CheckpointMove } from './import-checkpoints.repo.js';
import { recordImportOutcome, type ImportOutcome } from './import-outcome.js';

/** One entity's worth of a batch: what the dataset states about it, packed by packStatements. */
export interface FragmentWrite {
  entityId: string;
  originalId: string;
  schema: string;
  caption: string;
  /** The statements, packed (see fragment-codec.ts); packing can happen off the writing thread. */
  packed: string;
  /** Whether any statement may be seen outside its agency (`draftsShareable`), computed where it is packed. */
  shareable: boolean;
}

/** Where a batch goes, and what is known about it. */
interface BatchTarget {
  run: string;
  dataset: string;
  agency: string;
  firstSeq: number;
  mayHaveWritten: (entityId: string) => boolean;
  checkpoint: CheckpointMove | undefined;
}

/** A fragment an earlier batch of the same run wrote. */
export interface SameRunRow {
  entity_id: string;
  original_id: string;
  schema: string;
  caption: string;
  statements: string;
  shareable: number;
}

const fromRow = (row: SameRunRow): FragmentWrite => ({
  entityId: row.entity_id,
  originalId: row.original_id,
  schema: row.schema,
  caption: row.caption,
  packed: row.statements,
  shareable: row.shareable === 1,
});

/** Two fragments of one entity in one run as one: the later one's fields, the statements of both. */
const addUp = (earlier: FragmentWrite, later: FragmentWrite): FragmentWrite => ({
  ...later,
  caption: later.caption || earlier.caption,
  packed: mergePacked(earlier.packed, later.packed),
  shareable: earlier.shareable || later.shareable,
});

/** Whether writing `f` over the stored `row` would change nothing (the run is the same by lookup). */
const unchanged = (row: SameRunRow, f: FragmentWrite): boolean =>
  row.statements === f.packed &&
  row.caption === f.caption &&
  row.original_id === f.originalId &&
  row.schema === f.schema &&
  (row.shareable === 1) === f.shareable;

/**
 * PostgreSQL: the fragments of these entities that `run` already wrote in `dataset`, by one key look-up
 * per id whatever the statistics say. The fence (`offset 0`) keeps PostgreSQL from turning the
 * look-ups into a join over a scan of the whole table, which it chose while a bulk load grew the table
 * faster than autovacuum analyzed it: a scan per batch, each longer than the last.
 */
export const sameRunOnPostgres = (
  ids: readonly string[],
  dataset: string,
  run: string,
): RawBuilder<SameRunRow> =>
  sql<SameRunRow>`select f.entity_id, f.original_id, f.schema, f.caption, f.statements, f.shareable
    from unnest(${ids}::text[]) as i(id)
    cross join lateral (select * from fragments
      where entity_id = i.id and dataset_id = ${dataset} and import_run = ${run} offset 0) as f`;

// A batch's commit copies the write-ahead log into the database once it holds this many pages (512
// MiB of 4 KiB pages, against SQLite's 1,000): index pages that many batches change are copied once.
// Ids in no particular order (passport numbers) change a page of the key's index for nearly every
// fragment; against 64 MiB, a 1,000,000-row CSV with such ids went from ~15,500 to ~18,300 rows/s.
// An import ends with settleLog, and the store's journal_size_limit then gives the file back (db.ts).
const BULK_AUTOCHECKPOINT = 131_072;

const SQLITE_UPSERT = `insert into fragments (dataset_id, entity_id, agency_id, original_id, schema, caption, seq, import_run, statements, shareable)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (entity_id, dataset_id) do update set original_id = excluded.original_id, schema = excluded.schema,
    caption = excluded.caption, import_run = excluded.import_run, statements = excluded.statements,
    shareable = excluded.shareable`;
const SQLITE_SAME_RUN = `select entity_id, original_id, schema, caption, statements, shareable from fragments
  where entity_id = ? and dataset_id = ? and import_run = ?`;

/** Writes: batches of fragments from an import, and the bookkeeping of import runs. */
export class WritesRepo {
  private sqliteStatements:
    | { upsert: SqliteDatabase.Statement; sameRun: SqliteDatabase.Statement<unknown[], SameRunRow> }
    | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
    /** The SQLite connection under `db` (see Connection.sqlite); required on SQLite. */
    private readonly sqlite?: SqliteDatabase.Database,
  ) {}

  /** The next free import position in a dataset. */
  async nextSeq(dataset: string): Promise<number> {
    const row = await withAgency(this.db, SYSTEM_AGENCY, (db) =>
      db
        .selectFrom('fragments')
        .select((eb) => eb.fn.max('seq').as('m'))
        .where('dataset_id', '=', dataset)
        .executeTakeFirst(),
    );
    const max = row?.m as number | null | undefined;
    return max === null || max === undefined ? 0 : max + 1;
  }

  /**
   * Write a batch in one transaction, so a crash leaves either all of it or none. A fragment written
   * by an earlier import run is replaced (a re-import updates, never duplicates); fragments of one
   * entity within the same run add up, and one that would not change is not written again. Returns
   * how many positions (seq) the batch used: one per distinct entity, in batch order.
   */
  async writeBatch(
    run: string,
    dataset: string,
    agency: string,
    firstSeq: number,
    batch: readonly FragmentWrite[],
    /** False when an earlier batch of this run certainly wrote no fragment of the entity (skips a lookup). */
    mayHaveWritten: (entityId: string) => boolean = () => true,
    /**
     * The move of the import's checkpoint, given the positions the batch uses; made in the batch's
     * own transaction, so the checkpoint and the batch commit together.
     */
    checkpoint?: (positions: number) => CheckpointMove,
  ): Promise<number> {
    const merged = new Map<string, FragmentWrite>();
    for (const f of batch) {
      const prev = merged.get(f.entityId);
      merged.set(f.entityId, prev ? addUp(prev, f) : f);
    }
    const move = checkpoint?.(merged.size);
    if (merged.size === 0) {
      if (move) await moveCheckpoint(this.db, move);
      return 0;
    }
    const target = { run, dataset, agency, firstSeq, mayHaveWritten, checkpoint: move };
    if (this.dialect === 'sqlite') await this.writeSqlite(target, [...merged.values()]);
    else await this.writePostgres(target, merged);
    return merged.size;
  }

  /**
   * SQLite: prepared single-row statements on the connection Kysely holds for the transaction (no
   * other query runs on it meanwhile), with `synchronous = NORMAL` and a checkpoint of the write-ahead
   * log every BULK_AUTOCHECKPOINT pages for the batch alone (decision 0011). In WAL mode a commit then reaches the operating system
   * but is not flushed to the disk: a kill -9 loses nothing committed, a power cut may lose the last
   * batches (never half of one, and never their checkpoint without them) — which the next run of the
   * import writes again. Other writers on the connection keep the store's own setting.
   */
  private async writeSqlite(t: BatchTarget, fragments: readonly FragmentWrite[]): Promise<void> {
    const raw = this.sqlite;
    if (!raw) throw new Error('WritesRepo on SQLite needs the SQLite connection');
    this.sqliteStatements ??= {
      upsert: raw.prepare(SQLITE_UPSERT),
      sameRun: raw.prepare<unknown[], SameRunRow>(SQLITE_SAME_RUN),
    };
    const { upsert, sameRun } = this.sqliteStatements;
    await this.db.connection().execute(async (conn) => {
      const synchronous = raw.pragma('synchronous', { simple: true }) as number;
      const autocheckpoint = raw.pragma('wal_autocheckpoint', { simple: true }) as number;
      raw.pragma('synchronous = NORMAL');
      raw.pragma(`wal_autocheckpoint = ${String(BULK_AUTOCHECKPOINT)}`);
      try {
        await conn.transaction().execute(async (trx) => {
          if (t.checkpoint) await moveCheckpoint(trx, t.checkpoint);
          let seq = t.firstSeq;
          for (let f of fragments) {
            const at = seq++;
            const row = t.mayHaveWritten(f.entityId) ? sameRun.get(f.entityId, t.dataset, t.run) : undefined;
            if (row) {
              f = addUp(fromRow(row), f);
              if (unchanged(row, f)) continue;
            }
            upsert.run(
              t.dataset,
              f.entityId,
              t.agency,
              f.originalId,
              f.schema,
              f.caption,
              at,
              t.run,
              f.packed,
              f.shareable ? 1 : 0,
            );
          }
        });
      } finally {
        raw.pragma(`synchronous = ${String(synchronous)}`);
        raw.pragma(`wal_autocheckpoint = ${String(autocheckpoint)}`);
      }
    });
  }

  /** PostgreSQL: one look-up of the batch's same-run fragments, then one upsert for the batch. */
  private async writePostgres(t: BatchTarget, merged: Map<string, FragmentWrite>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // A committed batch may be lost if PostgreSQL itself crashes (never half of one): the import is
      // idempotent and resumable, and bulk loads run four times faster without a flush per commit.
      await sql`set local synchronous_commit = off`.execute(trx);
      // A table growing under a bulk load has no fresh statistics: estimates of millions of rows made
      // PostgreSQL compile each batch's queries (JIT, ~0.2 s a query) for plans that run in milliseconds.
      await sql`set local jit = off`.execute(trx);
      await setAgency(trx, SYSTEM_AGENCY);
      if (t.checkpoint) await moveCheckpoint(trx, t.checkpoint);
      const seqs = new Map<string, number>();
      let next = t.firstSeq;
      for (const id of merged.keys()) seqs.set(id, next++);
      const check = [...merged.keys()].filter((id) => t.mayHaveWritten(id));
      if (check.length > 0) {
        const sameRun = await sameRunOnPostgres(check, t.dataset, t.run).execute(trx);
        for (const row of sameRun.rows) {
          const later = merged.get(row.entity_id);
          if (!later) continue;
          const f = addUp(fromRow(row), later);
          if (unchanged(row, f)) merged.delete(row.entity_id);
          else merged.set(row.entity_id, f);
        }
      }
      if (merged.size === 0) return;
      const final = [...merged.values()];
      // One statement for the whole batch: the rows travel as arrays and unnest into a table, which
      // PostgreSQL plans once instead of parsing thousands of bound parameters.
      await sql`insert into fragments (dataset_id, entity_id, agency_id, original_id, schema, caption, seq, import_run, statements, shareable)
        select ${t.dataset}, e, ${t.agency}, o, s, c, q, ${t.run}, p, h
        from unnest(${final.map((f) => f.entityId)}::text[], ${final.map((f) => f.originalId)}::text[], ${final.map((f) => f.schema)}::text[],
                    ${final.map((f) => f.caption)}::text[], ${final.map((f) => seqs.get(f.entityId) ?? 0)}::bigint[],
                    ${final.map((f) => f.packed)}::text[],
                    ${final.map((f) => (f.shareable ? 1 : 0))}::integer[]) as t(e, o, s, c, q, p, h)
        on conflict (entity_id, dataset_id) do update set original_id = excluded.original_id, schema = excluded.schema,
          caption = excluded.caption, import_run = excluded.import_run, statements = excluded.statements,
          shareable = excluded.shareable`.execute(trx);
    });
  }

  /**
   * SQLite: copy what a bulk import left in the write-ahead log into the database, once, when the
   * import ends (as far as readers allow: a passive checkpoint waits for nobody), so that neither a
   * later write nor a request pays for up to BULK_AUTOCHECKPOINT pages of it. PostgreSQL: nothing.
   */
  async settleLog(): Promise<void> {
    const raw = this.sqlite;
    if (this.dialect !== 'sqlite' || !raw) return;
    await this.db.connection().execute(() => {
      raw.pragma('wal_checkpoint(PASSIVE)');
      return Promise.resolve();
    });
  }

  /** Record that an import run started. */
  async startImport(row: Omit<ImportsTable, 'accepted' | 'rejected' | 'statements'>): Promise<void> {
    await this.db.insertInto('imports').values(row).execute();
  }

  /** Record the outcome of an import run. */
  async finishImport(id: string, outcome: ImportOutcome): Promise<void> {
    await recordImportOutcome(this.db, id, outcome);
  }

  /** Size of the stored data in bytes (the SQLite file's pages, or PostgreSQL's tables and indexes). */
  async sizeBytes(dialect: 'sqlite' | 'postgres'): Promise<number> {
    if (dialect === 'sqlite') {
      const r = await sql<{
        n: number;
      }>`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`.execute(this.db);
      return r.rows[0]?.n ?? 0;
    }
    const r = await sql<{ n: string }>`select pg_total_relation_size('fragments') as n`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }
}
