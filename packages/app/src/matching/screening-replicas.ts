import type { MatchRecord, ScreeningIndex } from '@clew/core';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicaMessage, ReplicaOp, ReplicaReply, ScreenHit, ScreenRequest } from './screening-work.js';

/** The compiled worker beside this module (absent when tests run the TypeScript sources). */
export const SCREENING_WORKER_FILE = fileURLToPath(new URL('./screening.worker.js', import.meta.url));

interface Pending {
  resolve: (hits: ScreenHit[]) => void;
  reject: (e: Error) => void;
}

/** One thread holding a copy of the index. */
class Replica {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  readonly ready: Promise<void>;

  constructor(file: string, bytes: Uint8Array, transfer: boolean, onFail: (e: Error) => void) {
    // The copy restores from the snapshot bytes without copying them again (ScreeningIndex.restore).
    this.worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 8192 } });
    const fail = (e: Error): void => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      onFail(e);
    };
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: ReplicaReply) => {
        if ('ready' in m) resolve();
        else if ('failed' in m) {
          const e = new Error(`screening replica: ${m.failed}`);
          reject(e);
          fail(e);
        } else {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if ('error' in m) p?.reject(new Error(`screening replica: ${m.error}`));
          else p?.resolve(m.hits);
        }
      });
      this.worker.on('error', (e) => {
        reject(e);
        fail(e);
      });
      this.worker.on('exit', (code) => {
        const e = new Error(`screening replica stopped (exit code ${String(code)})`);
        reject(e);
        fail(e);
      });
    });
    // Settled by whoever waits; a failure also reaches onFail.
    this.ready.catch(() => undefined);
    const init: ReplicaMessage = { init: bytes };
    this.worker.postMessage(init, transfer ? [bytes.buffer as ArrayBuffer] : []);
  }

  send(message: ReplicaMessage): void {
    this.worker.postMessage(message);
  }
}

/**
 * Copies of the hub's screening index on worker threads, so screening queries run beside the thread
 * that serves HTTP instead of on it (decision 0012). Each copy is restored from a snapshot of the
 * index and then takes every change the index takes, in the same order (changes are sent before any
 * later query, so a query sees every record indexed before it was asked). Queries go to the copy
 * with the fewest queries waiting.
 *
 * ```ts
 * const replicas = ScreeningReplicas.start(index, 1);   // index: the hub's ScreeningIndex
 * replicas.add(record); replicas.remove(id);            // after the index itself took the change
 * await replicas.ready;                                 // rejects if a copy could not be made
 * const hits = await replicas.screen(request);
 * ```
 */
export class ScreeningReplicas {
  private readonly replicas: Replica[];
  private ops: ReplicaOp[] = [];
  private flushing = false;
  private nextId = 0;
  private broken: Error | undefined;
  private allReady = false;
  /** Resolves when every copy is ready to answer. */
  readonly ready: Promise<void>;

  private constructor(index: ScreeningIndex, threads: number, file: string) {
    const bytes = index.snapshot();
    // The last copy takes the bytes themselves; the others a copy each.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    this.replicas = Array.from(
      { length: threads },
      (_, i) =>
        new Replica(file, bytes, whole && i === threads - 1, (e) => {
          this.broken ??= e;
        }),
    );
    this.ready = Promise.all(this.replicas.map((r) => r.ready)).then(() => {
      this.allReady = true;
    });
    // Settled by whoever waits; a failure is also in `failure`.
    this.ready.catch(() => undefined);
  }

  /** Copies of `index` on `threads` worker threads (at least one), from the compiled worker `file`. */
  static start(index: ScreeningIndex, threads: number, file = SCREENING_WORKER_FILE): ScreeningReplicas {
    return new ScreeningReplicas(index, Math.max(1, threads), file);
  }

  /** Whether the copies answer queries: every one is ready, and none has failed. */
  get answering(): boolean {
    return this.allReady && this.broken === undefined;
  }

  /** Why the copies can no longer answer (a thread failed), if they cannot. */
  get failure(): Error | undefined {
    return this.broken;
  }

  /** Index a record in every copy (after the hub's index took it). */
  add(record: MatchRecord): void {
    this.queue({ add: record });
  }

  /** Remove a record from every copy (after the hub's index did). */
  remove(id: string): void {
    this.queue({ remove: id });
  }

  /** Answer a query on the copy with the fewest waiting. */
  screen(request: ScreenRequest): Promise<ScreenHit[]> {
    if (this.broken) return Promise.reject(this.broken);
    this.flush();
    let replica = this.replicas[0];
    for (const r of this.replicas) if (replica && r.pending.size < replica.pending.size) replica = r;
    if (!replica) return Promise.reject(new Error('no screening replica'));
    const id = this.nextId++;
    const target = replica;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.send({ id, screen: request });
    });
  }

  /** Stop the threads. */
  async close(): Promise<void> {
    this.broken ??= new Error('screening replicas closed');
    await Promise.all(this.replicas.map((r) => r.worker.terminate()));
  }

  // Changes go in batches: at the next query, or once the current burst of work yields.
  private queue(op: ReplicaOp): void {
    if (this.broken) return; // queries no longer come here: the copies need no more changes
    this.ops.push(op);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flush();
    });
  }

  private flush(): void {
    this.flushing = false;
    if (this.ops.length === 0) return;
    const message: ReplicaMessage = { ops: this.ops };
    this.ops = [];
    for (const r of this.replicas) r.send(message);
  }
}
