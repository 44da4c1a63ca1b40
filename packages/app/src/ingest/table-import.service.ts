import {
  invalid,
  mapRow,
  type Actor,
  type FtmEntity,
  type Mapping,
  type RowError,
  type StatementTarget,
} from '@clew/core';
import type { FragmentWrite, Store } from '@clew/store';
import type { DatasetsService } from '../datasets/datasets.service.js';
import { toFragment } from './ftm-parse.js';
import type { ImportEvents } from './import-events.js';
import { KEPT_REJECTIONS, startImportRun } from './import-runs.js';
import { SeenFilter } from './seen-filter.js';
import { openTable } from './table-open.js';

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
  onProgress?: ((p: TableProgress) => void) | undefined;
  onReject?: ((r: RowError) => void) | undefined;
  onNotice?: ((message: string) => void) | undefined;
}

/** A table file to import into a dataset. */
export interface TableImportRequest extends TableRequest {
  dataset: string;
  batchSize?: number | undefined;
}

/**
 * Read a table through a mapping, row by row, calling `onBatch` with the entities of each batch of
 * rows (in file order). Refused rows are counted and reported; past `maxErrors` the run stops.
 */
const runTable = async (
  req: TableRequest,
  batchSize: number,
  onBatch: (entities: FtmEntity[], progress: TableProgress) => Promise<void>,
): Promise<Omit<TableReport, 'importId' | 'dataset'>> => {
  const started = performance.now();
  const table = await openTable(req.file, req.mapping);
  const p: TableProgress = {
    rows: 0,
    accepted: 0,
    rejected: 0,
    entities: 0,
    statements: 0,
    bytesRead: 0,
    totalBytes: table.totalBytes,
  };
  const bySchema: Record<string, number> = {};
  const rejections: RowError[] = [];
  const notices: string[] = [];
  const reject = (r: RowError): void => {
    if (rejections.length < KEPT_REJECTIONS) rejections.push(r);
    req.onReject?.(r);
  };
  let batch: FtmEntity[] = [];
  let rowsInBatch = 0;
  const flush = async (): Promise<void> => {
    p.bytesRead = table.bytesRead();
    await onBatch(batch, p);
    batch = [];
    rowsInBatch = 0;
    req.onProgress?.({ ...p });
  };
  for await (const e of table.events) {
    if (e.kind === 'header') continue;
    if (e.kind === 'notice') {
      notices.push(e.message);
      req.onNotice?.(e.message);
      continue;
    }
    p.rows++;
    rowsInBatch++;
    if (e.kind === 'error') {
      p.rejected++;
      reject(
        e.column === undefined
          ? { row: e.row, reason: e.reason }
          : { row: e.row, column: e.column, reason: e.reason },
      );
    } else {
      const r = mapRow(req.mapping, e.values, e.row);
      if (r.ok) {
        p.accepted++;
        for (const ent of r.entities) {
          batch.push(ent);
          bySchema[ent.schema.name] = (bySchema[ent.schema.name] ?? 0) + 1;
        }
      } else {
        p.rejected++;
        r.errors.forEach(reject);
      }
    }
    if (req.maxErrors !== undefined && p.rejected > req.maxErrors) {
      throw invalid(
        `more than ${req.maxErrors} rows refused (row ${e.row} was the last): is the mapping right for this file?`,
        { file: req.file, line: e.row },
      );
    }
    if (rowsInBatch >= batchSize) await flush();
  }
  if (rowsInBatch > 0) await flush();
  return { ...p, bySchema, rejections, notices, seconds: (performance.now() - started) / 1000 };
};

/** Map a table without writing anything: what would be created, and which rows would be refused. */
export const checkTable = async (req: TableRequest): Promise<TableReport> => {
  const report = await runTable(req, 2000, (entities, p) => {
    p.entities += entities.length;
    return Promise.resolve();
  });
  return { ...report, importId: undefined, dataset: undefined };
};

/** Import of CSV and XLSX tables through declarative mappings. */
export class TableImportService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetsService,
    private readonly events: ImportEvents,
  ) {}

  /**
   * Import a table into a dataset through a mapping: each batch of rows is one transaction, written
   * by the same path as an FtM import; refused rows are reported with their row, column and field.
   * Idempotent: ids come from the rows, so importing the same file again changes nothing.
   */
  async importTable(actor: Actor, req: TableImportRequest): Promise<TableReport> {
    const dataset = await this.datasets.forWriting(actor, req.dataset);
    const target: StatementTarget = {
      dataset: dataset.name,
      agency: dataset.agency,
      namespaceKey: dataset.namespaceKey,
      defaults: dataset.defaults,
    };
    const importId = await startImportRun(this.store, {
      dataset: dataset.name,
      kind: 'table',
      fileName: req.file,
      actor,
    });
    let seq = await this.store.writes.nextSeq(dataset.name);
    const seen = new SeenFilter();
    let last: TableProgress | undefined;
    const finish = (status: string, p: TableProgress | undefined): Promise<void> =>
      this.store.writes.finishImport(importId, {
        status,
        accepted: p?.accepted ?? 0,
        rejected: p?.rejected ?? 0,
        statements: p?.statements ?? 0,
        finishedAt: new Date().toISOString(),
      });
    try {
      const report = await runTable(req, req.batchSize ?? 2000, async (entities, p) => {
        const fragments: FragmentWrite[] = [];
        for (const entity of entities) {
          const { fragment, statements } = toFragment(entity, target);
          fragments.push(fragment);
          p.statements += statements;
        }
        seq += await this.store.writes.writeBatch(
          importId,
          dataset.name,
          dataset.agency,
          seq,
          fragments,
          (id) => seen.has(id),
        );
        for (const f of fragments) seen.add(f.entityId);
        p.entities += entities.length;
        last = { ...p };
      });
      await finish('done', report);
      await this.events.finished({ actor, dataset: dataset.name, importId });
      return { ...report, importId, dataset: dataset.name };
    } catch (e) {
      await finish('failed', last);
      throw e;
    }
  }
}
