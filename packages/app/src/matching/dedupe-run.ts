import { joinKeys, planDedupe, type DedupeKeys } from '@clew/core';
import type { CandidateWrite, Store } from '@clew/store';
import { DedupePool } from './dedupe-pool.js';
import type { DatasetInfo } from './hub-index.js';
import { candidateRow, HUB_PARAMS, MATCHABLE_SCHEMATA, modelVersion } from './match-records.js';
import type { ProgressListener } from './matching.types.js';

/** How a dedupe pass blocks and compares (see the core's dedupe-pass.ts). */
export interface DedupeRunOptions {
  /** Blocks of more records than this are dropped. */
  cap: number;
  /** Of each record's later candidates, the best this many by shared-block rarity are compared. */
  candidates: number;
  /** Threads; default one per core. */
  threads?: number;
}

/** Pages converted at once: enough to keep every thread busy while the store is read. */
const IN_FLIGHT = 4;

/** The records re-matched: a dataset, or one import run of it. */
export interface DedupeFocus {
  dataset: string;
  importRun?: string;
}

/**
 * Match records against the hub in one pass: the focus records, then every other matchable record of
 * the hub, each read once and converted on the pool's threads; then blocked, and each pair with a
 * focus record compared once. Returns the candidates scoring at least the model's threshold, as
 * cross-matching stores them, and the focus records' entity ids.
 */
export const dedupeRun = async (
  store: Store,
  info: (dataset: string) => Promise<DatasetInfo>,
  focus: DedupeFocus,
  datasets: readonly string[],
  options: DedupeRunOptions,
  onProgress?: ProgressListener,
  total = 0,
): Promise<{ records: number; rows: CandidateWrite[]; entities: string[] }> => {
  const pool = new DedupePool(options.threads);
  try {
    const meta: { entity: string; dataset: string; agency: string }[] = [];
    const open: Uint8Array[] = [];
    const focused: number[] = [];
    const encoded: string[] = [];
    const keys: DedupeKeys[] = [];
    const inFlight: Promise<void>[] = [];
    const entities: string[] = [];
    const read = async (d: string, importRun: string | undefined, skip: ReadonlySet<string>) => {
      const { agency, region } = await info(d);
      const inFocus = d === focus.dataset && importRun === focus.importRun;
      for await (const all of store.matches.packedSources(d, MATCHABLE_SCHEMATA, importRun)) {
        const page = skip.size === 0 ? all : all.filter((s) => !skip.has(s.entity_id));
        const slot = encoded.length;
        encoded.push('');
        keys.push({ offsets: new Int32Array(1), keys: new Int32Array(0) });
        open.push(new Uint8Array(0));
        const base = meta.length;
        for (const s of page) {
          meta.push({ entity: s.entity_id, dataset: d, agency });
          focused.push(inFocus ? 1 : 0);
        }
        const converted = pool.convert({ base, sources: page, regions: { [d]: region } }).then((r) => {
          encoded[slot] = r.encoded;
          keys[slot] = r.keys;
          open[slot] = r.open;
        });
        // Awaited below; handled now too, so a page failing while an earlier one is awaited is no crash.
        converted.catch(() => undefined);
        inFlight.push(converted);
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        if (!inFocus) continue;
        for (const s of page) entities.push(s.entity_id);
        onProgress?.(entities.length, total);
      }
    };
    await read(focus.dataset, focus.importRun, new Set());
    // The focus dataset's other records (when the focus is one run of it), then the other datasets.
    if (focus.importRun !== undefined) await read(focus.dataset, undefined, new Set(entities));
    for (const d of datasets) if (d !== focus.dataset) await read(d, undefined, new Set());
    await Promise.all(inFlight);
    const groups = new Map<string, number>();
    const group = Int32Array.from(meta, (m) => {
      const g = groups.get(m.entity) ?? groups.size;
      groups.set(m.entity, g);
      return g;
    });
    const plan = planDedupe(joinKeys(keys), options.cap);
    const shares = await pool.pairs({
      plan,
      encoded,
      group,
      focus: Uint8Array.from(focused),
      candidates: options.candidates,
    });
    const now = new Date().toISOString();
    const version = modelVersion(HUB_PARAMS);
    const rows: CandidateWrite[] = [];
    const opens = Uint8Array.from(open.flatMap((o) => [...o]));
    const side = (i: number) => {
      const m = meta[i];
      return m === undefined ? undefined : { ...m, open: opens[i] ?? 0 };
    };
    for (const s of shares)
      s.left.forEach((l, k) => {
        const [x, y] = [side(l), side(s.right[k] ?? 0)];
        if (!x || !y) return;
        rows.push(
          candidateRow(x, y, {
            score: s.score[k] ?? 0,
            explanation: s.explanation[k] ?? '[]',
            modelVersion: version,
            at: now,
          }),
        );
      });
    return { records: entities.length, rows, entities };
  } finally {
    await pool.close();
  }
};
