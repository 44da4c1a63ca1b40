import type { MatchRecord } from '@clew/core';
import type { MatchSource, Store } from '@clew/store';
import { BlockMatchIndex, type MatchIndex } from './match-index.js';
import { HUB_PARAMS, MATCHABLE_SCHEMATA, recordIds, sourceRecords, splitRecordId } from './match-records.js';
import type { IndexStatus } from './matching.types.js';

/** Who holds a dataset, and the region its phones are read in. */
export interface DatasetInfo {
  agency: string;
  region: string | undefined;
}

/**
 * The hub's match index: built from the store on first use (a CLI command that never matches never
 * pays for it; a server warms it at start), then kept current as records arrive.
 */
export class HubMatchIndex {
  private index: MatchIndex | undefined;
  private building: Promise<MatchIndex> | undefined;
  private buildSeconds: number | null = null;
  private readonly datasets = new Map<string, DatasetInfo>();

  constructor(
    private readonly store: Store,
    private readonly make: () => MatchIndex = () => new BlockMatchIndex(HUB_PARAMS),
  ) {}

  /** The index, built from every matchable record of the hub if this is the first use. */
  get(): Promise<MatchIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Whether the index is built, how many records it holds, how long building took. */
  status(): IndexStatus {
    return {
      ready: this.index !== undefined,
      records: this.index?.size ?? 0,
      buildSeconds: this.buildSeconds,
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
      for (const id of recordIds(s.dataset, s.entityId)) index.remove(id);
      const [whole, ...rest] = sourceRecords(s, (await this.info(s.dataset)).region);
      if (!whole) continue;
      for (const r of [whole, ...rest]) index.add(r);
      out.push(whole);
    }
    return out;
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
    const index = this.make();
    await this.loadDatasets();
    for (const dataset of this.datasets.keys()) {
      for await (const page of this.store.matches.sources(dataset, MATCHABLE_SCHEMATA))
        await this.add(index, page);
    }
    this.buildSeconds = (performance.now() - started) / 1000;
    this.index = index;
    return index;
  }
}
