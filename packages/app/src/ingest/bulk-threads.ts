import type { WorkerOptions } from 'node:worker_threads';

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
