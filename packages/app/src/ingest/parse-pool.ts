import type { StatementTarget } from '@clew/core';
import { fileURLToPath } from 'node:url';
import { received, type WithFragmentColumns } from './batch-transfer.js';
import { BatchWorkers } from './bulk-threads.js';
import { parseFtmBatch, type ParsedBatch } from './ftm-parse.js';

/** A batch of FtM lines for the parse worker. */
export interface ParseRequest {
  lines: string[];
  firstLine: number;
  target: StatementTarget;
}

const WORKER_FILE = fileURLToPath(new URL('./ftm-parse.worker.js', import.meta.url));

/**
 * Parses batches of FtM lines on a worker thread while the caller writes the previous batch: on a
 * 2-core machine that overlaps parsing with the database's work. Falls back to parsing inline where
 * the compiled worker is not available (tests run the TypeScript sources).
 */
export class ParsePool {
  private readonly threads: BatchWorkers<ParseRequest, WithFragmentColumns<ParsedBatch>> | undefined;

  constructor(
    private readonly target: StatementTarget,
    useWorker: boolean,
  ) {
    this.threads = BatchWorkers.start(WORKER_FILE, useWorker ? 1 : 0, 'parse worker');
  }

  /** Parse a batch (in order of submission when on the worker). */
  parse(lines: string[], firstLine: number): Promise<ParsedBatch> {
    if (!this.threads)
      return new Promise((resolve) => {
        resolve(parseFtmBatch(lines, firstLine, this.target));
      });
    return this.threads.run({ lines, firstLine, target: this.target }).then(received);
  }

  /** Stop the worker. */
  async close(): Promise<void> {
    await this.threads?.close();
  }
}
