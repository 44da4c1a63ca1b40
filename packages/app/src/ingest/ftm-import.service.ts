import { invalid, parseFtmLine, requirePurpose, statementsToFtm, type Actor } from '@clew/core';
import { nodeHashing, type Store } from '@clew/store';
import type { DatasetsService } from '../datasets/datasets.service.js';
import { BATCHES_AHEAD } from './bulk-threads.js';
import type { ImportEvents } from './import-events.js';
import { KEPT_REJECTIONS, startImportRun } from './import-runs.js';
import { rejectionOf, type ParsedBatch, type Rejection } from './ftm-parse.js';
import { ParsePool } from './parse-pool.js';
import { SeenFilter } from './seen-filter.js';
import type { AuditService } from '../audit/audit.service.js';

/** Counters of an import in progress. */
export interface ImportProgress {
  lines: number;
  accepted: number;
  rejected: number;
  statements: number;
}

/** What an import did. */
export interface ImportReport extends ImportProgress {
  importId: string;
  dataset: string;
  /** The first rejections (all of them are passed to onReject as they happen). */
  rejections: Rejection[];
  seconds: number;
}

/** An FtM JSON lines import. `open` is called once per pass, so a strict import can check the whole file first. */
export interface FtmImportRequest {
  dataset: string;
  fileName: string;
  open: () => AsyncIterable<string>;
  /** Reject the whole file, writing nothing, if any line is bad. */
  strict?: boolean | undefined;
  batchSize?: number | undefined;
  /** Parse on a worker thread, overlapping with the writes (the CLI and API do; tests parse inline). */
  parallel?: boolean | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  onReject?: ((r: Rejection) => void) | undefined;
}

export type { Rejection };

/** Import and export of FollowTheMoney JSON lines. */
export class FtmIngestService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetsService,
    private readonly events: ImportEvents,
    private readonly audit: AuditService,
  ) {}

  /**
   * Import FtM JSON lines into a dataset: streaming in batches, each batch one transaction; bad lines
   * are reported with their line number and skipped (or, with strict, the file is refused whole).
   * Idempotent: the same file imported twice leaves the same statements.
   */
  async importFtm(actor: Actor, req: FtmImportRequest): Promise<ImportReport> {
    const dataset = await this.datasets.forWriting(actor, req.dataset);
    await this.audit.record(actor, {
      action: 'import',
      targets: [dataset.name],
      details: { format: 'ftm', strict: req.strict ?? false },
    });
    const started = performance.now();
    if (req.strict) await this.checkAll(req);
    const importId = await startImportRun(this.store, {
      dataset: dataset.name,
      kind: 'ftm',
      fileName: req.fileName,
      actor,
    });
    const progress: ImportProgress = { lines: 0, accepted: 0, rejected: 0, statements: 0 };
    const rejections: Rejection[] = [];
    const batchSize = req.batchSize ?? 2000;
    let seq = await this.store.writes.nextSeq(dataset.name);
    const pool = new ParsePool(
      {
        dataset: dataset.name,
        agency: dataset.agency,
        namespaceKey: dataset.namespaceKey,
        defaults: dataset.defaults,
      },
      req.parallel ?? false,
    );
    // Up to BATCHES_AHEAD batches are being parsed while the oldest one is written, in file order.
    const inFlight: Promise<ParsedBatch>[] = [];
    const seen = new SeenFilter();
    const writeOldest = async (): Promise<void> => {
      const next = inFlight.shift();
      if (!next) return;
      const batch = await next;
      for (const r of batch.rejections) {
        progress.rejected++;
        if (rejections.length < KEPT_REJECTIONS) rejections.push(r);
        req.onReject?.(r);
      }
      seq += await this.store.writes.writeBatch(
        importId,
        dataset.name,
        dataset.agency,
        seq,
        batch.fragments,
        (id) => seen.has(id),
      );
      for (const f of batch.fragments) seen.add(f.entityId);
      progress.accepted += batch.fragments.length;
      progress.statements += batch.statements;
      req.onProgress?.({ ...progress });
    };
    try {
      let lines: string[] = [];
      let firstLine = 1;
      for await (const line of req.open()) {
        progress.lines++;
        lines.push(line);
        if (lines.length < batchSize) continue;
        inFlight.push(pool.parse(lines, firstLine));
        firstLine += lines.length;
        lines = [];
        if (inFlight.length >= BATCHES_AHEAD) await writeOldest();
      }
      if (lines.length > 0) inFlight.push(pool.parse(lines, firstLine));
      while (inFlight.length > 0) await writeOldest();
    } catch (e) {
      // Settle every parse still running before giving up, so none rejects unobserved.
      await Promise.allSettled(inFlight);
      await this.store.writes.finishImport(importId, {
        status: 'failed',
        ...progress,
        finishedAt: new Date().toISOString(),
      });
      throw e;
    } finally {
      await pool.close();
      await this.store.writes.settleLog();
    }
    await this.store.writes.finishImport(importId, {
      status: 'done',
      ...progress,
      finishedAt: new Date().toISOString(),
    });
    await this.events.finished({ actor, dataset: dataset.name, importId });
    return {
      importId,
      dataset: dataset.name,
      ...progress,
      rejections,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** Export a dataset as FtM JSON lines, in import order, with the ids its files used. */
  async *exportFtm(actor: Actor, datasetName: string, purpose?: string): AsyncGenerator<string> {
    const dataset = await this.datasets.forWriting(actor, datasetName);
    await this.audit.record(actor, {
      action: 'export',
      targets: [dataset.name],
      purpose: requirePurpose(actor, purpose),
      details: { format: 'ftm' },
    });
    for await (const fragment of this.store.entities.datasetFragments(dataset.name)) {
      if (fragment.statements.length === 0) {
        // An entity the file gave with no properties still exists, and comes back as it went in.
        yield JSON.stringify({ id: fragment.originalId, schema: fragment.schema, properties: {} });
        continue;
      }
      yield JSON.stringify(
        statementsToFtm(nodeHashing, dataset.namespaceKey, dataset.defaults, fragment.statements),
      );
    }
  }

  private async checkAll(req: FtmImportRequest): Promise<void> {
    let line = 0;
    for await (const text of req.open()) {
      line++;
      if (text.trim() === '') continue;
      try {
        parseFtmLine(text);
      } catch (e) {
        const r = rejectionOf(line, e);
        req.onReject?.(r);
        throw invalid(`${req.fileName} line ${line}: ${r.reason} (strict mode: nothing was imported)`, {
          file: req.fileName,
          line,
          entity: r.entity,
          property: r.property,
        });
      }
    }
  }
}
