import type { StatementTarget } from '@clew/core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { received, type WithFragmentColumns } from './batch-transfer.js';
import { BULK_WORKER } from './bulk-threads.js';
import { parseFtmBatch, type ParsedBatch } from './ftm-parse.js';

type Reply = { id: number; result: WithFragmentColumns<ParsedBatch> } | { id: number; error: string };

const WORKER_FILE = fileURLToPath(new URL('./ftm-parse.worker.js', import.meta.url));

/**
 * Parses batches of FtM lines on a worker thread while the caller writes the previous batch: on a
 * 2-core machine that overlaps parsing with the database's work. Falls back to parsing inline where
 * the compiled worker is not available (tests run the TypeScript sources).
 */
export class ParsePool {
  private readonly worker: Worker | undefined;
  private readonly pending = new Map<
    number,
    { resolve: (b: ParsedBatch) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;

  constructor(
    private readonly target: StatementTarget,
    useWorker: boolean,
  ) {
    if (useWorker && existsSync(WORKER_FILE)) {
      this.worker = new Worker(WORKER_FILE, BULK_WORKER);
      this.worker.on('message', (m: Reply) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if ('error' in m) p?.reject(new Error(`parse worker: ${m.error}`));
        else p?.resolve(received(m.result));
      });
      this.worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
    }
  }

  /** Parse a batch (in order of submission when on the worker). */
  parse(lines: string[], firstLine: number): Promise<ParsedBatch> {
    const worker = this.worker;
    if (!worker) {
      try {
        return Promise.resolve(parseFtmBatch(lines, firstLine, this.target));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, lines, firstLine, target: this.target });
    });
  }

  /** Stop the worker. */
  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
