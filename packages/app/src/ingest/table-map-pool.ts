import type { Mapping, StatementTarget } from '@clew/core';
import { fileURLToPath } from 'node:url';
import { received, rowColumns, type RowColumns, type WithFragmentColumns } from './batch-transfer.js';
import { BatchWorkers } from './bulk-threads.js';
import { mapTableBatch, type MappedBatch, type RowInput } from './table-map.js';

/** A batch of rows for the mapping worker. */
export interface MapRequest {
  mapping: Mapping;
  rows: RowColumns;
  target: StatementTarget | undefined;
}

const WORKER_FILE = fileURLToPath(new URL('./table-map.worker.js', import.meta.url));

/**
 * Maps batches of table rows on worker threads while the caller reads the file and writes earlier
 * batches (as ParsePool does for FtM lines). Falls back to mapping inline where the compiled worker
 * is not available (tests run the TypeScript sources). Each call's promise gets its own batch's
 * result, so callers that await in submission order keep file order.
 */
export class TableMapPool {
  private readonly threads: BatchWorkers<MapRequest, WithFragmentColumns<MappedBatch>> | undefined;

  constructor(
    private readonly mapping: Mapping,
    private readonly target: StatementTarget | undefined,
    workers: number,
  ) {
    this.threads = BatchWorkers.start(WORKER_FILE, workers, 'mapping worker');
  }

  /** Map a batch of rows. */
  map(rows: RowInput[]): Promise<MappedBatch> {
    if (!this.threads)
      return new Promise((resolve) => {
        resolve(mapTableBatch(this.mapping, rows, this.target));
      });
    return this.threads
      .run({ mapping: this.mapping, rows: rowColumns(rows), target: this.target })
      .then(received);
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await this.threads?.close();
  }
}
