import {
  ClewError,
  invalid,
  type Actor,
  type Mapping,
  type RowError,
  type StatementTarget,
} from '@clew/core';
import type { CheckpointMove, ImportCheckpointsTable, ImportKey, Store } from '@clew/store';
import type { DatasetsService } from '../datasets/datasets.service.js';
import { BATCHES_AHEAD } from './bulk-threads.js';
import type { ImportEvents } from './import-events.js';
import { KEPT_REJECTIONS, startImportRun } from './import-runs.js';
import { SeenFilter } from './seen-filter.js';
import { TableJobs } from './table-jobs.js';
import type { MappedBatch, RowInput } from './table-map.js';
import { TableMapPool } from './table-map-pool.js';
import { openTable } from './table-open.js';
import { fileIdentity, mappingHash } from './table-resume.js';

/** Counters of a table import (or check) in progress. */
export interface TableProgress {
  rows: number;
  accepted: number;
  rejected: number;
  entities: number;
  statements: number;
  bytesRead: number;
  totalBytes: number;
}

/** What a table import or check did: counters, entities by schema, the first rejections. */
export interface TableReport extends TableProgress {
  importId: string | undefined;
  dataset: string | undefined;
  /** Rows skipped because an earlier, interrupted run of the same import had committed them. */
  resumedAt: number;
  bySchema: Record<string, number>;
  rejections: RowError[];
  notices: string[];
  seconds: number;
}

/** A table file to read through a mapping. */
export interface TableRequest {
  file: string;
  mapping: Mapping;
  /** Stop, with an error, once more rows than this have been refused. */
  maxErrors?: number | undefined;
  /** Map on this many worker threads (0: inline, as tests do). */
  workers?: number | undefined;
  onProgress?: ((p: TableProgress) => void) | undefined;
  onReject?: ((r: RowError) => void) | undefined;
  onNotice?: ((message: string) => void) | undefined;
}

/** A table file to import into a dataset. */
export interface TableImportRequest extends TableRequest {
  dataset: string;
  batchSize?: number | undefined;
  /** The name the file is known by (an upload's original name); default the file's own name. */
  fileName?: string | undefined;
}

/** Where a run starts: rows to skip, counters so far, and what to do with each mapped batch. */
interface RunPlan {
  batchSize: number;
  skipRows: number;
  start: Omit<TableProgress, 'bytesRead' | 'totalBytes'>;
  target: StatementTarget | undefined;
  /** Write one mapped batch; `rowsDone` counts the data rows up to the batch's end. */
  write: (batch: MappedBatch, rowsDone: number, p: TableProgress) => Promise<void>;
}

const ZERO = { rows: 0, accepted: 0, rejected: 0, entities: 0, statements: 0 };

/**
 * Read a table through a mapping in batches of rows, mapped on worker threads (up to BATCHES_AHEAD
 * batches ahead) and handed to `plan.write` in file order. Refused rows are reported; past `maxErrors` the
 * run stops before writing the batch that crossed it.
 */
const runTable = async (
  req: TableRequest,
  plan: RunPlan,
): Promise<Omit<TableReport, 'importId' | 'dataset'>> => {
  const started = performance.now();
  const table = await openTable(req.file, req.mapping);
  const p: TableProgress = { ...plan.start, bytesRead: 0, totalBytes: table.totalBytes };
  const bySchema: Record<string, number> = {};
  const rejections: RowError[] = [];
  const notices: string[] = [];
  const pool = new TableMapPool(req.mapping, plan.target, req.workers ?? 0);
  const inFlight: { mapped: Promise<MappedBatch>; rowsDone: number }[] = [];
  const writeOldest = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    const batch = await next.mapped;
    if (req.maxErrors !== undefined && p.rejected + batch.rejected > req.maxErrors) {
      const last = batch.rejections.at(-1)?.row;
      throw invalid(
        `more than ${req.maxErrors} rows refused (row ${last ?? '?'} was the last): is the mapping right for this file?`,
        { file: req.file, line: last },
      );
    }
    for (const r of batch.rejections) {
      if (rejections.length < KEPT_REJECTIONS) rejections.push(r);
      req.onReject?.(r);
    }
    for (const [schema, n] of Object.entries(batch.bySchema)) bySchema[schema] = (bySchema[schema] ?? 0) + n;
    p.accepted += batch.accepted;
    p.rejected += batch.rejected;
    p.statements += batch.statements;
    p.bytesRead = table.bytesRead();
    await plan.write(batch, next.rowsDone, p);
    p.entities += batch.entities;
    req.onProgress?.({ ...p });
  };
  let rows: RowInput[] = [];
  let seen = 0;
  try {
    for await (const e of table.events) {
      if (e.kind === 'header') continue;
      if (e.kind === 'notice') {
        notices.push(e.message);
        req.onNotice?.(e.message);
        continue;
      }
      // Rows an interrupted run already committed are read (to find where to go on) but not mapped.
      if (++seen <= plan.skipRows) continue;
      p.rows++;
      rows.push(
        e.kind === 'row'
          ? { row: e.row, values: e.values }
          : { row: e.row, error: { column: e.column, reason: e.reason } },
      );
      if (rows.length < plan.batchSize) continue;
      inFlight.push({ mapped: pool.map(rows), rowsDone: p.rows });
      rows = [];
      if (inFlight.length >= BATCHES_AHEAD) await writeOldest();
    }
    if (rows.length > 0) inFlight.push({ mapped: pool.map(rows), rowsDone: p.rows });
    while (inFlight.length > 0) await writeOldest();
  } finally {
    // Settle every batch still mapping before giving up, so none rejects unobserved.
    await Promise.allSettled(inFlight.map((b) => b.mapped));
    await pool.close();
  }
  p.bytesRead = table.bytesRead();
  return {
    ...p,
    resumedAt: plan.skipRows,
    bySchema,
    rejections,
    notices,
    seconds: (performance.now() - started) / 1000,
  };
};

/** Map a table without writing anything: what would be created, and which rows would be refused. */
export const checkTable = async (req: TableRequest): Promise<TableReport> => {
  const report = await runTable(req, {
    batchSize: 2000,
    skipRows: 0,
    start: ZERO,
    target: undefined,
    write: () => Promise.resolve(),
  });
  return { ...report, importId: undefined, dataset: undefined };
};

/** Import of CSV and XLSX tables through declarative mappings, resumable where it stopped. */
export class TableImportService {
  /** Uploaded tables imported in the background, through mappings named from `mappingsDir`. */
  readonly jobs: TableJobs;

  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetsService,
    private readonly events: ImportEvents,
    mappingsDir: string,
  ) {
    this.jobs = new TableJobs(datasets, mappingsDir, (actor, req) => this.importTable(actor, req));
  }

  /**
   * Import a table into a dataset through a mapping: each batch of rows is one transaction, written
   * by the same path as an FtM import, with a checkpoint in the same transaction. Running the same
   * import again (same file, mapping and dataset) after a crash continues the interrupted run where
   * its last batch committed, and ends exactly as an uninterrupted run would. Refused rows are
   * reported with their row, column and field. Importing a finished file again changes nothing.
   */
  async importTable(actor: Actor, req: TableImportRequest): Promise<TableReport> {
    const dataset = await this.datasets.forWriting(actor, req.dataset);
    const target: StatementTarget = {
      dataset: dataset.name,
      agency: dataset.agency,
      namespaceKey: dataset.namespaceKey,
      defaults: dataset.defaults,
    };
    const key: ImportKey = {
      dataset: dataset.name,
      fileKey: await fileIdentity(req.file, req.fileName),
      mappingHash: mappingHash(req.mapping),
    };
    const resumed = await this.store.checkpoints.find(key);
    let checkpoint: ImportCheckpointsTable;
    if (resumed) {
      checkpoint = resumed;
      await this.store.checkpoints.reopen(resumed.import_id);
    } else {
      const importId = await startImportRun(this.store, {
        dataset: dataset.name,
        kind: 'table',
        fileName: req.fileName ?? req.file,
        actor,
      });
      checkpoint = {
        dataset_id: key.dataset,
        file_key: key.fileKey,
        mapping_hash: key.mappingHash,
        import_id: importId,
        batch_size: req.batchSize ?? 2000,
        rows_done: 0,
        next_seq: await this.store.writes.nextSeq(dataset.name),
        accepted: 0,
        rejected: 0,
        entities: 0,
        statements: 0,
        updated_at: new Date().toISOString(),
      };
      await this.store.checkpoints.claim(checkpoint);
    }
    const importId = checkpoint.import_id;
    // A resumed run cannot know which entities the interrupted one wrote: it looks each one up.
    const seen = new SeenFilter();
    const mayHaveWritten = resumed ? () => true : (id: string) => seen.has(id);
    const finish = (status: string, p: Omit<TableProgress, 'bytesRead' | 'totalBytes'>): Promise<void> =>
      this.store.checkpoints.finish(key, importId, {
        status,
        accepted: p.accepted,
        rejected: p.rejected,
        statements: p.statements,
        finishedAt: new Date().toISOString(),
      });
    try {
      const report = await runTable(req, {
        batchSize: checkpoint.batch_size,
        skipRows: checkpoint.rows_done,
        start: {
          rows: checkpoint.rows_done,
          accepted: checkpoint.accepted,
          rejected: checkpoint.rejected,
          entities: checkpoint.entities,
          statements: checkpoint.statements,
        },
        target,
        write: async (batch, rowsDone, p) => {
          const from = checkpoint;
          let to = from;
          // Where the next batch starts, committed with this one: one seq per distinct entity.
          const move = (positions: number): CheckpointMove => {
            to = {
              ...from,
              rows_done: rowsDone,
              next_seq: from.next_seq + positions,
              accepted: p.accepted,
              rejected: p.rejected,
              entities: p.entities + batch.entities,
              statements: p.statements,
              updated_at: new Date().toISOString(),
            };
            return { from, to };
          };
          await this.store.writes.writeBatch(
            importId,
            dataset.name,
            dataset.agency,
            from.next_seq,
            batch.fragments,
            mayHaveWritten,
            move,
          );
          checkpoint = to;
          for (const f of batch.fragments) seen.add(f.entityId);
        },
      });
      await finish('done', report);
      await this.events.finished({ actor, dataset: dataset.name, importId });
      return { ...report, importId, dataset: dataset.name };
    } catch (e) {
      // Another run of this import is writing it: that run, not this one, says how the import ends.
      if (e instanceof ClewError && e.code === 'Conflict') throw e;
      // Keep the checkpoint: running the same import again resumes after the last committed batch.
      await this.store.writes
        .finishImport(importId, {
          status: 'failed',
          accepted: checkpoint.accepted,
          rejected: checkpoint.rejected,
          statements: checkpoint.statements,
          finishedAt: new Date().toISOString(),
        })
        .catch(() => undefined);
      throw e;
    } finally {
      await this.store.writes.settleLog();
    }
  }
}
