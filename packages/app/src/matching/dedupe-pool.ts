import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  DedupeWork,
  type ConvertReply,
  type ConvertRequest,
  type PairsReply,
  type PairsRequest,
} from './dedupe-work.js';

const WORKER_FILE = fileURLToPath(new URL('./dedupe.worker.js', import.meta.url));

/** Threads of a pass at most: each holds a copy of every record, so memory grows with them. */
const MAX_THREADS = 4;

type Reply = { id: number; result: unknown } | { id: number; error: string };

/** One thread of the pool: a worker, or the calling thread where the compiled worker is missing (tests). */
class Lane {
  private readonly worker: Worker | undefined;
  private readonly inline = new DedupeWork();
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(useWorker: boolean) {
    if (!useWorker) return;
    // A larger young generation: converting and comparing allocate many short-lived objects.
    this.worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxYoungGenerationSizeMb: 96, maxOldGenerationSizeMb: 8192 },
    });
    this.worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if ('error' in m) p?.reject(new Error(`dedupe worker: ${m.error}`));
      else p?.resolve(m.result);
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  convert(req: ConvertRequest): Promise<ConvertReply> {
    if (!this.worker) return Promise.resolve(this.inline.convert(req));
    return this.send({ convert: req }) as Promise<ConvertReply>;
  }

  pairs(req: PairsRequest): Promise<PairsReply> {
    if (!this.worker) return Promise.resolve(this.inline.pairs(req));
    return this.send({ pairs: req }) as Promise<PairsReply>;
  }

  private send(body: object): Promise<unknown> {
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker?.postMessage({ id, ...body });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/**
 * The threads of a dedupe pass: pages are converted round-robin (each thread keeps what it
 * converted), then each thread compares its share of the pairs. One thread per core (at most four),
 * inline when the compiled worker is not there (tests run the TypeScript sources).
 */
export class DedupePool {
  private readonly lanes: Lane[];
  private next = 0;

  // Each thread holds every record's compact form (~350 MB at a million) and decodes what it needs.
  constructor(threads = Math.min(availableParallelism(), MAX_THREADS)) {
    const useWorker = existsSync(WORKER_FILE);
    this.lanes = Array.from({ length: useWorker ? Math.max(1, threads) : 1 }, () => new Lane(useWorker));
  }

  /** Convert a page on the next thread. */
  convert(req: ConvertRequest): Promise<ConvertReply> {
    const lane = this.lanes[this.next++ % this.lanes.length];
    if (!lane) throw new Error('no dedupe thread');
    return lane.convert(req);
  }

  /** Compare every pair, each thread those of the records it converted; their pairs, in no particular order. */
  async pairs(req: PairsRequest): Promise<PairsReply[]> {
    return Promise.all(this.lanes.map((lane) => lane.pairs(req)));
  }

  /** Stop the threads. */
  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.close()));
  }
}
