import type { StatementDraft } from '@clew/core';
import { CompiledQuery, sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, FragmentsTable, ImportsTable } from '../schema.js';
import { setAgency, SYSTEM_AGENCY, withAgency } from './agency-scope.js';
import { packStatements, unpackDrafts } from './fragment-codec.js';
import { moveCheckpoint, type CheckpointMove } from './import-checkpoints.repo.js';

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

// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535; 10 columns × 1,000 rows fits both.
const ROW_CHUNK = 1000;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** b's statements after a's, skipping values a already has, renumbered. */
const mergeStatements = (a: readonly StatementDraft[], b: readonly StatementDraft[]): StatementDraft[] => {
  const key = (s: StatementDraft): string => `${s.prop}\u0000${s.value}`;
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const s of b) {
    if (seen.has(key(s))) continue;
    seen.add(key(s));
    out.push({ ...s, seq: out.length });
  }
  return out;
};

/** Writes: batches of fragments from an import, and the bookkeeping of import runs. */
export class WritesRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
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
   * entity within the same run add up. Returns how many positions (seq) the batch used.
   */
  async writeBatch(
    run: string,
    dataset: string,
    agency: string,
    firstSeq: number,
    batch: readonly FragmentWrite[],
    /** False when an earlier batch of this run certainly wrote no fragment of the entity (skips a lookup). */
    mayHaveWritten: (entityId: string) => boolean = () => true,
    /** Made in the batch's own transaction, so the checkpoint and the batch commit together. */
    checkpoint?: CheckpointMove,
  ): Promise<number> {
    const unpack = (f: FragmentWrite): StatementDraft[] =>
      unpackDrafts({
        dataset_id: dataset,
        entity_id: f.entityId,
        agency_id: agency,
        schema: f.schema,
        statements: f.packed,
      });
    // Fragments of one entity within a run add up: within this batch, and with earlier batches.
    const add = (earlier: FragmentWrite, later: FragmentWrite): FragmentWrite => ({
      ...later,
      caption: later.caption || earlier.caption,
      packed: packStatements(mergeStatements(unpack(earlier), unpack(later))),
      shareable: earlier.shareable || later.shareable,
    });
    const merged = new Map<string, FragmentWrite>();
    for (const f of batch) {
      const prev = merged.get(f.entityId);
      merged.set(f.entityId, prev ? add(prev, f) : f);
    }
    if (merged.size === 0) {
      if (checkpoint) await moveCheckpoint(this.db, checkpoint);
      return 0;
    }
    await this.db.transaction().execute(async (trx) => {
      // A committed batch may be lost if PostgreSQL itself crashes (never half of one): the import is
      // idempotent and resumable, and bulk loads run four times faster without a flush per commit.
      if (this.dialect === 'postgres') {
        await sql`set local synchronous_commit = off`.execute(trx);
        await setAgency(trx, SYSTEM_AGENCY);
      }
      if (checkpoint) await moveCheckpoint(trx, checkpoint);
      const fragments = [...merged.values()];
      const check = fragments.filter((f) => mayHaveWritten(f.entityId));
      for (const part of chunks(check, ROW_CHUNK)) {
        // Keyed on entity_id alone, so the primary key answers it; the dataset is filtered here.
        const sameRun = (
          await trx
            .selectFrom('fragments')
            .select([
              'dataset_id',
              'entity_id',
              'original_id',
              'schema',
              'caption',
              'statements',
              'shareable',
            ])
            .where(
              'entity_id',
              'in',
              part.map((f) => f.entityId),
            )
            .where('import_run', '=', run)
            .execute()
        ).filter((r) => r.dataset_id === dataset);
        for (const row of sameRun) {
          const next = merged.get(row.entity_id);
          if (!next) continue;
          const earlier: FragmentWrite = {
            entityId: row.entity_id,
            originalId: row.original_id,
            schema: row.schema,
            caption: row.caption,
            packed: row.statements,
            shareable: row.shareable === 1,
          };
          merged.set(row.entity_id, add(earlier, next));
        }
      }
      const final = [...merged.values()];
      let seq = firstSeq;
      if (this.dialect === 'postgres') {
        // One statement for the whole batch: the rows travel as nine arrays and unnest into a table,
        // which PostgreSQL plans once instead of parsing thousands of bound parameters.
        const ids = final.map((f) => f.entityId);
        await sql`insert into fragments (dataset_id, entity_id, agency_id, original_id, schema, caption, seq, import_run, statements, shareable)
          select ${dataset}, e, ${agency}, o, s, c, q, ${run}, p, h
          from unnest(${ids}::text[], ${final.map((f) => f.originalId)}::text[], ${final.map((f) => f.schema)}::text[],
                      ${final.map((f) => f.caption)}::text[], ${final.map((_, i) => seq + i)}::bigint[],
                      ${final.map((f) => f.packed)}::text[],
                      ${final.map((f) => (f.shareable ? 1 : 0))}::integer[]) as t(e, o, s, c, q, p, h)
          on conflict (entity_id, dataset_id) do update set original_id = excluded.original_id, schema = excluded.schema,
            caption = excluded.caption, import_run = excluded.import_run, statements = excluded.statements,
            shareable = excluded.shareable`.execute(trx);
        return;
      }
      for (const part of chunks(final, ROW_CHUNK)) {
        const params: unknown[] = [];
        for (const f of part) {
          params.push(
            dataset,
            f.entityId,
            agency,
            f.originalId,
            f.schema,
            f.caption,
            seq++,
            run,
            f.packed,
            f.shareable ? 1 : 0,
          );
        }
        await trx.executeQuery(CompiledQuery.raw(this.upsertSql(trx, part.length), params));
      }
    });
    return merged.size;
  }

  // Kysely writes the upsert once per batch size; the batches then only bind values (a third faster).
  private readonly upsertSqlCache = new Map<number, string>();

  private upsertSql(trx: Transaction<Database>, rows: number): string {
    let text = this.upsertSqlCache.get(rows);
    if (text === undefined) {
      const row: Insertable<FragmentsTable> = {
        dataset_id: '',
        entity_id: '',
        agency_id: '',
        original_id: '',
        schema: '',
        caption: '',
        seq: 0,
        import_run: '',
        statements: '',
        shareable: 0,
      };
      text = trx
        .insertInto('fragments')
        .values(Array.from({ length: rows }, () => row))
        .onConflict((oc) =>
          oc.columns(['entity_id', 'dataset_id']).doUpdateSet({
            original_id: (eb) => eb.ref('excluded.original_id'),
            schema: (eb) => eb.ref('excluded.schema'),
            caption: (eb) => eb.ref('excluded.caption'),
            import_run: (eb) => eb.ref('excluded.import_run'),
            statements: (eb) => eb.ref('excluded.statements'),
            shareable: (eb) => eb.ref('excluded.shareable'),
          }),
        )
        .compile().sql;
      this.upsertSqlCache.set(rows, text);
    }
    return text;
  }

  /** Record that an import run started. */
  async startImport(row: Omit<ImportsTable, 'accepted' | 'rejected' | 'statements'>): Promise<void> {
    await this.db.insertInto('imports').values(row).execute();
  }

  /** Record the outcome of an import run. */
  async finishImport(
    id: string,
    outcome: { status: string; accepted: number; rejected: number; statements: number; finishedAt: string },
  ): Promise<void> {
    await this.db
      .updateTable('imports')
      .set({
        status: outcome.status,
        accepted: outcome.accepted,
        rejected: outcome.rejected,
        statements: outcome.statements,
        finished_at: outcome.finishedAt,
      })
      .where('id', '=', id)
      .execute();
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
