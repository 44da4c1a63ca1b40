import { existsSync } from 'node:fs';
import { ScreeningIndex, type MatchRecord } from '@clew/core';
import type { MatchSource, Store } from '@clew/store';
import { importRuns, readIndexSnapshot, writeIndexSnapshot, type ImportRun } from './index-snapshot.js';
import { indexOptions, newMatchIndex, type MatchIndex } from './match-index.js';
import {
  HUB_PARAMS,
  indexFingerprint,
  MATCHABLE_SCHEMATA,
  modelVersion,
  recordIds,
  sourceRecords,
  splitRecordId,
} from './match-records.js';
import type { IndexStatus } from './matching.types.js';
import { SCREENING_WORKER_FILE, ScreeningReplicas } from './screening-replicas.js';
import { screenOn, type ScreenHit, type ScreenRequest } from './screening-work.js';

/** Who holds a dataset, and the region its phones are read in. */
export interface DatasetInfo {
  agency: string;
  region: string | undefined;
}

/** Where the index is saved for restarts, and for which hub. */
export interface IndexSnapshotOptions {
  /** The snapshot file (in the hub's data directory). */
  path: string;
  /** The hub's id: a snapshot taken on another hub is not used. */
  hubId: string;
  /** False for a read-only hub: restore, never write. */
  save: boolean;
  /** Save this long after the last change (imports come in bursts); default 10 s. */
  delayMs?: number;
}

/**
 * The hub's match index: restored from its snapshot, or built from the store, on first use (a CLI
 * command that never matches never pays for it; a server warms it at start), then kept current as
 * records arrive. A snapshot says which import runs it reflects; runs it does not know (finished
 * after it was taken, or not finished then) are read again from the store on restore, and a run it
 * knows that the store no longer has (a purged dataset) makes the hub rebuild instead.
 */
export class HubMatchIndex {
  private index: ScreeningIndex | undefined;
  private building: Promise<MatchIndex> | undefined;
  private buildSeconds: number | null = null;
  private readonly datasets = new Map<string, DatasetInfo>();
  // Runs every fragment of which the index reflects (only finished runs: see ImportRun.done).
  private readonly reflected = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  // Copies of the index that answer screening queries on other threads, once ready (see screen()).
  private replicas: ScreeningReplicas | undefined;
  /** The last failure to save the snapshot (retried at the next change), if any. */
  saveError: Error | undefined;
  /** Where the index came from: its snapshot (topped up from the store) or the store alone. */
  origin: 'snapshot' | 'store' | undefined;

  /**
   * @param replicaThreads screening queries run on this many worker threads, each with a copy of the
   *   index (decision 0012; a server's choice, 0 for the CLI): 0 runs them on the calling thread.
   */
  constructor(
    private readonly store: Store,
    private readonly snapshot?: IndexSnapshotOptions,
    private readonly replicaThreads = 0,
    private readonly workerFile = SCREENING_WORKER_FILE,
  ) {}

  /** The index, restored or built from every matchable record of the hub if this is the first use. */
  get(): Promise<MatchIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /**
   * Screen an example against the index: on a replica thread when they are ready, else here. A
   * replica that fails leaves the queries to this thread (the failure is in `status().replicas`).
   */
  async screen(request: ScreenRequest): Promise<ScreenHit[]> {
    await this.get();
    const { index, replicas } = this;
    if (!index) throw new Error('the match index is not built');
    if (!replicas?.answering) return screenOn(index, request);
    return replicas.screen(request).catch((e: unknown) => {
      if (replicas.failure) return screenOn(index, request);
      throw e;
    });
  }

  /** Build the index (if not yet) and wait until its replicas answer or have failed. */
  async ready(): Promise<void> {
    await this.get();
    await this.replicas?.ready.catch(() => undefined);
  }

  /** Write a pending snapshot and stop the replica threads. */
  async close(): Promise<void> {
    const replicas = this.replicas;
    this.replicas = undefined;
    await replicas?.close();
    await this.flush();
  }

  /** Whether the index is built, how many records it holds, how long building (or restoring) took. */
  status(): IndexStatus {
    const { replicas } = this;
    return {
      ready: this.index !== undefined,
      records: this.index?.size ?? 0,
      buildSeconds: this.buildSeconds,
      replicas: {
        threads: replicas ? this.replicaThreads : 0,
        ready: replicas?.answering ?? false,
        failure: replicas?.failure?.message ?? null,
      },
    };
  }

  /** The agency and phone region of a dataset (read again when a dataset is new to the index). */
  async info(dataset: string): Promise<DatasetInfo> {
    const known = this.datasets.get(dataset);
    if (known) return known;
    await this.loadDatasets();
    return this.datasets.get(dataset) ?? { agency: '', region: undefined };
  }

  /**
   * Index these sources, replacing what the index held for them; returns each source's entry built
   * from all its statements (the one cross-matching on arrival compares). With `reuse`, entries the
   * index already holds are taken as they are.
   */
  async add(index: MatchIndex, sources: readonly MatchSource[], reuse = false): Promise<MatchRecord[]> {
    const out: MatchRecord[] = [];
    for (const s of sources) {
      // Just built from the store, the index already holds these records: compute nothing twice.
      const held = reuse ? recordIds(s.dataset, s.entityId).map((id) => index.get(id)) : [];
      const kept = held.find((r) => r !== undefined && splitRecordId(r.id).variant !== 'shared');
      if (kept) {
        out.push(kept);
        continue;
      }
      const region = (await this.info(s.dataset)).region;
      // The live index's replicas take the same changes, after it (it refuses a bad record first).
      const replicas = index === this.index ? this.replicas : undefined;
      for (const id of recordIds(s.dataset, s.entityId)) if (index.remove(id)) replicas?.remove(id);
      const [whole, ...rest] = sourceRecords(s, region);
      if (!whole) continue;
      for (const r of [whole, ...rest]) {
        index.add(r);
        replicas?.add(r);
      }
      out.push(whole);
    }
    return out;
  }

  /** A finished import run is in the index (after cross-matching it): save a snapshot soon. */
  reflect(run: string): void {
    if (!this.index) return;
    this.reflected.add(run);
    this.schedule();
  }

  /** Write a pending snapshot now (at close), and wait for any save under way. */
  async flush(): Promise<void> {
    if (this.timer === undefined) return this.saving;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
    if (this.saveError !== undefined) throw this.saveError;
  }

  private schedule(): void {
    if (!this.snapshot?.save) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.snapshot.delayMs ?? 10_000);
    this.timer.unref();
  }

  // The bytes and the runs they reflect are taken in one synchronous step, so they agree.
  private save(): Promise<void> {
    const { index, snapshot } = this;
    if (!index || !snapshot) return this.saving;
    const bytes = index.snapshot();
    const header = { hub: snapshot.hubId, model: snapshotModel(), runs: [...this.reflected] };
    this.saving = this.saving
      .then(() => writeIndexSnapshot(snapshot.path, header, bytes))
      .then(
        () => {
          this.saveError = undefined;
        },
        (e: unknown) => {
          this.saveError = e instanceof Error ? e : new Error(String(e));
        },
      );
    return this.saving;
  }

  private async loadDatasets(): Promise<void> {
    const [datasets, agencies] = await Promise.all([this.store.datasets.list(), this.store.agencies.list()]);
    const country = new Map(agencies.map((a) => [a.id, a.country?.toUpperCase()]));
    for (const d of datasets) {
      const region = country.get(d.agency_id);
      this.datasets.set(d.id, {
        agency: d.agency_id,
        region: region !== undefined && /^[A-Z]{2}$/.test(region) ? region : undefined,
      });
    }
  }

  private async build(): Promise<MatchIndex> {
    const started = performance.now();
    await this.loadDatasets();
    // Runs are listed before any fragment is read: a run finishing meanwhile is not trusted.
    const runs = await importRuns(this.store);
    const restored = await this.restore(runs);
    const index = restored ?? (await this.buildFromStore(runs));
    this.origin = restored ? 'snapshot' : 'store';
    this.buildSeconds = (performance.now() - started) / 1000;
    this.index = index;
    if (this.replicaThreads > 0 && existsSync(this.workerFile)) {
      this.replicas = ScreeningReplicas.start(index, this.replicaThreads, this.workerFile);
    }
    return index;
  }

  private async buildFromStore(runs: readonly ImportRun[]): Promise<ScreeningIndex> {
    const index = newMatchIndex(HUB_PARAMS);
    for (const dataset of this.datasets.keys()) {
      for await (const page of this.store.matches.sources(dataset, MATCHABLE_SCHEMATA))
        await this.add(index, page);
    }
    index.compact();
    this.reflected.clear();
    for (const r of runs) if (r.done) this.reflected.add(r.id);
    if (runs.length > 0) this.schedule();
    return index;
  }

  // The snapshot's index topped up with the runs it does not reflect, or undefined to build instead.
  private async restore(runs: readonly ImportRun[]): Promise<ScreeningIndex | undefined> {
    if (!this.snapshot) return undefined;
    const found = await readIndexSnapshot(this.snapshot.path, {
      hub: this.snapshot.hubId,
      model: snapshotModel(),
    });
    if (!found) return undefined;
    const known = new Set(runs.map((r) => r.id));
    if (found.header.runs.some((id) => !known.has(id))) return undefined;
    let index: ScreeningIndex;
    try {
      index = ScreeningIndex.restore(found.bytes, indexOptions(HUB_PARAMS));
    } catch {
      return undefined;
    }
    this.reflected.clear();
    for (const id of found.header.runs) this.reflected.add(id);
    const missing = runs.filter((r) => !this.reflected.has(r.id));
    for (const run of missing) {
      for await (const page of this.store.matches.sources(run.dataset, MATCHABLE_SCHEMATA, run.id))
        await this.add(index, page);
      if (run.done) this.reflected.add(run.id);
    }
    if (missing.length > 0) this.schedule();
    return index;
  }
}

// The scoring model and the code that makes records and keys: a snapshot made by others is not used.
// Computed on first use (it normalises a few records), so a command that never snapshots never pays.
let model: string | undefined;
const snapshotModel = (): string => (model ??= `${modelVersion(HUB_PARAMS)}.${indexFingerprint()}`);
