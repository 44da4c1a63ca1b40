import type { Mapping, StatementTarget } from '@clew/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { received, rowColumns, type WithFragmentColumns } from './batch-transfer.js';
import { BULK_WORKER } from './bulk-threads.js';
import { mapTableBatch, type MappedBatch, type RowInput } from './table-map.js';

type Reply = { id: number; result: WithFragmentColumns<MappedBatch> } | { id: number; error: string };

const WORKER_FILE = fileURLToPath(new URL('./table-map.worker.js', import.meta.url));

/**
 * Maps batches of table rows on worker threads while the caller reads the file and writes earlier
 * batches (as ParsePool does for FtM lines). Falls back to mapping inline where the compiled worker
 * is not available (tests run the TypeScript sources). Each call's promise gets its own batch's
 * result, so callers that await in submission order keep file order.
 */
export class TableMapPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (b: MappedBatch) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;

  constructor(
    private readonly mapping: Mapping,
    private readonly target: StatementTarget | undefined,
    workers: number,
  ) {
    if (workers <= 0 || !existsSync(WORKER_FILE)) return;
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(WORKER_FILE, BULK_WORKER);
      worker.on('message', (m: Reply) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if ('error' in m) p?.reject(new Error(`mapping worker: ${m.error}`));
        else p?.resolve(received(m.result));
      });
      worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(worker);
    }
  }

  /** Map a batch of rows. */
  map(rows: RowInput[]): Promise<MappedBatch> {
    const id = this.nextId++;
    const worker = this.workers[id % Math.max(this.workers.length, 1)];
    if (!worker) {
      try {
        return Promise.resolve(mapTableBatch(this.mapping, rows, this.target));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, mapping: this.mapping, rows: rowColumns(rows), target: this.target });
    });
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
