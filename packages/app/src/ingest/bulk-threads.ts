import { existsSync } from 'node:fs';
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Batches an import keeps parsing or mapping ahead of the one it writes. The writer (the main thread,
 * in SQLite's synchronous calls) and the worker take turns unevenly; with two batches ahead each
 * waited for the other 6–14 % of the time. Memory grows by two batches of rows, a few MB.
 */
export const BATCHES_AHEAD = 4;

/**
 * Worker threads of bulk imports: a young generation of 128 MB (V8's default is about a sixth of
 * that), so more of the short-lived objects of parsing or mapping a row (drafts, packed JSON) die in
 * the nursery instead of being copied out of it. Against 64 MB, V8's GC helper threads took 4 µs of
 * CPU a table row instead of 7, for ~65 MB more peak RSS (256 MB: another 70 MB, little gain).
 */
export const BULK_WORKER: WorkerOptions = { resourceLimits: { maxYoungGenerationSizeMb: 128 } };

type Reply<Res> = { id: number; result: Res } | { id: number; error: string };

/**
 * Worker threads running `file` (which calls serveBatches) for an import's batches, round robin:
 * each call's promise is settled by its own batch's reply, so callers that await in submission order
 * keep file order. A thread's crash fails every batch it was sent.
 */
export class BatchWorkers<Req, Res> {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  private constructor(file: string, threads: number, name: string) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(file, BULK_WORKER);
      worker.on('message', (m: Reply<Res>) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if ('error' in m) p?.reject(new Error(`${name}: ${m.error}`));
        else p?.resolve(m.result);
      });
      worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(worker);
    }
  }

  /**
   * `threads` threads running the compiled worker `file`; none where none are asked for or the file is
   * not built (tests run the TypeScript sources), and the caller then does the work inline.
   */
  static start<Req, Res>(file: string, threads: number, name: string): BatchWorkers<Req, Res> | undefined {
    return threads > 0 && existsSync(file) ? new BatchWorkers<Req, Res>(file, threads, name) : undefined;
  }

  /** Send a batch to the next thread; settled with its reply. */
  run(req: Req): Promise<Res> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, req });
    });
  }

  /** Stop the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The worker side of BatchWorkers: answer each batch with `handle`'s result, or its error's message. */
export const serveBatches = (handle: (req: never) => unknown): void => {
  parentPort?.on('message', ({ id, req }: { id: number; req: never }) => {
    try {
      parentPort?.postMessage({ id, result: handle(req) });
    } catch (e) {
      parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
};
