import { randomUUID } from 'node:crypto';
import {
  ClewError,
  captionOf,
  entityToDrafts,
  invalid,
  parseFtmLine,
  signEntityId,
  statementsToFtm,
  type Actor,
  type ErrorLocation,
} from '@clew/core';
import { nodeHashing, type FragmentWrite, type Store } from '@clew/store';
import type { DatasetsService, WritableDataset } from '../datasets/datasets.service.js';

/** One rejected line: where, which entity and property, and why. */
export interface Rejection {
  line: number;
  entity?: string | undefined;
  property?: string | undefined;
  reason: string;
}

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
  onProgress?: ((p: ImportProgress) => void) | undefined;
  onReject?: ((r: Rejection) => void) | undefined;
}

const KEPT_REJECTIONS = 1000;

const rejectionOf = (line: number, e: unknown): Rejection => {
  if (e instanceof ClewError) {
    const w: ErrorLocation = e.where ?? {};
    return { line, entity: w.entity, property: w.property ?? w.field, reason: e.message };
  }
  throw e;
};

const actorName = (actor: Actor): string =>
  actor.kind === 'user'
    ? `user:${actor.userId}`
    : actor.kind === 'operator'
      ? `operator:${actor.name}`
      : `system:${actor.reason}`;

/** Import and export of FollowTheMoney JSON lines. */
export class FtmIngestService {
  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetsService,
  ) {}

  /**
   * Import FtM JSON lines into a dataset: streaming in batches, each batch one transaction; bad lines
   * are reported with their line number and skipped (or, with strict, the file is refused whole).
   * Idempotent: the same file imported twice leaves the same statements.
   */
  async importFtm(actor: Actor, req: FtmImportRequest): Promise<ImportReport> {
    const dataset = await this.datasets.forWriting(actor, req.dataset);
    const started = performance.now();
    if (req.strict) await this.checkAll(req);
    const importId = randomUUID();
    await this.store.writes.startImport({
      id: importId,
      dataset_id: dataset.name,
      kind: 'ftm',
      file_name: req.fileName,
      actor: actorName(actor),
      started_at: new Date().toISOString(),
      finished_at: null,
      status: 'running',
    });
    const progress: ImportProgress = { lines: 0, accepted: 0, rejected: 0, statements: 0 };
    const rejections: Rejection[] = [];
    const batchSize = req.batchSize ?? 2000;
    let seq = await this.store.writes.nextSeq(dataset.name);
    let batch: FragmentWrite[] = [];
    const flush = async (): Promise<void> => {
      seq += await this.store.writes.writeBatch(importId, dataset.name, dataset.agency, seq, batch);
      batch = [];
      req.onProgress?.({ ...progress });
    };
    try {
      for await (const line of req.open()) {
        progress.lines++;
        if (line.trim() === '') continue;
        try {
          const fragment = toWrite(line, dataset);
          batch.push(fragment);
          progress.accepted++;
          progress.statements += fragment.statements.length;
        } catch (e) {
          const r = rejectionOf(progress.lines, e);
          progress.rejected++;
          if (rejections.length < KEPT_REJECTIONS) rejections.push(r);
          req.onReject?.(r);
        }
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    } catch (e) {
      await this.store.writes.finishImport(importId, {
        status: 'failed',
        ...progress,
        finishedAt: new Date().toISOString(),
      });
      throw e;
    }
    await this.store.writes.finishImport(importId, {
      status: 'done',
      ...progress,
      finishedAt: new Date().toISOString(),
    });
    return {
      importId,
      dataset: dataset.name,
      ...progress,
      rejections,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** Export a dataset as FtM JSON lines, in import order, with the ids its files used. */
  async *exportFtm(actor: Actor, datasetName: string): AsyncGenerator<string> {
    const dataset = await this.datasets.forWriting(actor, datasetName);
    for await (const fragment of this.store.entities.datasetFragments(dataset.name)) {
      if (fragment.statements.length === 0) continue;
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

const toWrite = (line: string, dataset: WritableDataset): FragmentWrite => {
  const entity = parseFtmLine(line);
  const statements = entityToDrafts(nodeHashing, entity, {
    dataset: dataset.name,
    agency: dataset.agency,
    namespaceKey: dataset.namespaceKey,
    defaults: dataset.defaults,
  });
  return {
    entityId: signEntityId(nodeHashing, dataset.namespaceKey, entity.id),
    originalId: entity.id,
    schema: entity.schema.name,
    caption: captionOf(entity.schema, Object.fromEntries(entity.properties)),
    statements,
  };
};
