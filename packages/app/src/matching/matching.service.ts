import {
  ClewError,
  compare,
  getProperty,
  getSchema,
  notFound,
  type Actor,
  type MatchRecord,
  requirePurpose,
} from '@clew/core';
import { type CandidateWrite, type MatchCandidateRow, type MatchSource, type Store } from '@clew/store';
import type { Access } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FinishedImport, ImportEvents } from '../ingest/import-events.js';
import { HubMatchIndex } from './hub-index.js';
import { dedupeRun } from './dedupe-run.js';
import { Judging } from './judging.js';
import type { MatchIndex } from './match-index.js';
import {
  CANDIDATE_THRESHOLD,
  candidateRow,
  HUB_PARAMS,
  MATCHABLE_SCHEMATA,
  exampleRecord,
  explanationJson,
  modelVersion,
  parseExplanation,
  splitRecordId,
} from './match-records.js';
import { candidateScope, visibleEntities } from './visibility.js';
import type {
  CandidateFilter,
  CandidateSide,
  CandidatePage,
  CandidateStatus,
  CandidateView,
  ComparisonView,
  EntityExample,
  IdentityView,
  IndexStatus,
  JudgementView,
  ProgressListener,
  ScreeningBatch,
  ScreeningOptions,
  ScreeningResponse,
  Verdict,
  XrefResult,
} from './matching.types.js';

const MODEL_VERSION = modelVersion(HUB_PARAMS);
/** Candidates kept per arriving record. */
const PER_RECORD = 20;
/**
 * Pre-scored candidates compared in full per record: on arrival fewer than a screening query's (64),
 * since loading must keep pace with imports; `xref`, run on demand, compares as many as screening.
 * On the small demo world (18,711 records, people known to up to nine agencies), 24 finds 45,288
 * pairs scoring 0.5 or more, 64 finds 61,857, 200 finds 68,106 (docs/benchmarks.md).
 */
const ARRIVAL_CANDIDATES = 24;
/**
 * `xref` is one dedupe pass over the hub (dedupe-run.ts): blocks of up to 300 records, and of each
 * record's later candidates the best 16 by shared-block rarity compared (a pair is compared from its
 * first record only, so about as many per record as screening's 64 over both sides would give).
 */
const XREF_PASS = { cap: 300, candidates: 16 };
/**
 * A run of at least this many records, arriving while the index is not built (a CLI import), is
 * matched in one pass like `xref`: building the index would convert the whole hub anyway, and the
 * pass compares on every core. Smaller runs build (or restore) the index and query it per record.
 */
const BULK_ARRIVAL = 10_000;

const hidden = (): ClewError => notFound('entity not found', { field: 'id' });

/** Cross-matching: candidates on arrival and on demand, screening, comparison, judgements, identities. */
export class MatchingService {
  private readonly index: HubMatchIndex;
  private readonly judging: Judging;

  constructor(
    private readonly store: Store,
    private readonly access: Access,
    imports: ImportEvents,
    private readonly audit: AuditService,
    /** The hub's index (openHub passes one that snapshots to the data directory). */
    index?: HubMatchIndex,
    /** Runs of at least this many records arriving while the index is not built are matched in one pass. */
    private readonly bulkArrival = BULK_ARRIVAL,
  ) {
    this.index = index ?? new HubMatchIndex(store);
    this.judging = new Judging(store, access, audit);
    imports.on((run) => this.onImport(run));
  }

  /** Build the in-memory index now (a server does this at start), and say how it went. */
  async warm(): Promise<IndexStatus> {
    await this.index.ready();
    return this.index.status();
  }

  /** The state of the in-memory index (its size is the whole hub's: for hub administrators). */
  status(actor: Actor): IndexStatus {
    this.access.require(actor, 'hub:manage');
    return this.index.status();
  }

  /** Match what an import run wrote against the rest of the hub (called after every import). */
  private async onImport(run: FinishedImport): Promise<void> {
    if (!this.index.status().ready) {
      const size = await this.store.matches.countSources(run.dataset, MATCHABLE_SCHEMATA, run.importId);
      if (size >= this.bulkArrival) return this.matchRunInOnePass(run);
    }
    const fresh = !this.index.status().ready;
    const index = await this.index.get();
    for await (const page of this.store.matches.sources(run.dataset, MATCHABLE_SCHEMATA, run.importId))
      await this.matchPage(index, run.dataset, page, {
        clear: true,
        reuse: fresh,
        candidates: ARRIVAL_CANDIDATES,
      });
  }

  /**
   * Match a large run as `xref` does, in one pass over the hub, instead of building the index to
   * query each record. The index stays unbuilt: when next needed it is restored or built from the
   * store, which holds the run.
   */
  private async matchRunInOnePass(run: FinishedImport): Promise<void> {
    const datasets = (await this.store.datasets.list()).map((d) => d.id);
    const focus = { dataset: run.dataset, importRun: run.importId };
    const info = (d: string) => this.index.info(d);
    const { rows, entities } = await dedupeRun(this.store, info, focus, datasets, XREF_PASS);
    await this.store.matches.clearNewCandidates(run.dataset, entities);
    await this.store.matches.upsertCandidates(rows, rows[0]?.updated_at ?? new Date().toISOString());
  }

  /** Re-match a whole dataset against the hub, replacing its unjudged candidates. */
  xref(actor: Actor, dataset: string, onProgress?: ProgressListener): Promise<XrefResult> {
    return this.audit.around(
      actor,
      { action: 'admin', targets: [dataset], details: { matching: 'xref' } },
      () => this.rematch(actor, dataset, onProgress),
      (r) => ({ details: { matching: 'xref', records: r.records, candidates: r.candidates } }),
    );
  }

  private async rematch(actor: Actor, dataset: string, onProgress?: ProgressListener): Promise<XrefResult> {
    const view = await this.access.view(actor);
    if (!view.datasets.includes(dataset)) throw notFound(`no dataset "${dataset}"`, { field: 'dataset' });
    if (!(await this.access.canWrite(actor, dataset)))
      throw new ClewError('Forbidden', `you may not re-match dataset "${dataset}"`, { field: 'dataset' });
    const started = performance.now();
    const counts = await this.store.entities.countsBySchema({
      ...view.scope,
      datasets: [dataset],
      partial: [],
    });
    const total = counts
      .filter((c) => MATCHABLE_SCHEMATA.includes(c.schema))
      .reduce((n, c) => n + c.count, 0);
    await this.store.matches.clearNewCandidates(dataset);
    onProgress?.(0, total);
    const others = (await this.store.datasets.list()).map((d) => d.id);
    const { records, rows } = await dedupeRun(
      this.store,
      (d) => this.index.info(d),
      { dataset },
      others,
      XREF_PASS,
      onProgress,
      total,
    );
    await this.store.matches.upsertCandidates(rows, rows[0]?.updated_at ?? new Date().toISOString());
    const { whole, partial } = candidateScope(view);
    const sees = (d: string, open: number) => whole.includes(d) || (open === 1 && partial.includes(d));
    const seen = rows.filter((c) => sees(c.dataset_a, c.open_a) && sees(c.dataset_b, c.open_b)).length;
    onProgress?.(records, total);
    return { dataset, records, candidates: seen, seconds: (performance.now() - started) / 1000 };
  }

  /** Index a page of one dataset's records, find their candidates, and store them. */
  private async matchPage(
    index: MatchIndex,
    dataset: string,
    page: readonly MatchSource[],
    how: { clear: boolean; reuse: boolean; candidates: number },
  ): Promise<CandidateWrite[]> {
    const { clear, reuse, candidates } = how;
    const records = await this.index.add(index, page, reuse);
    const now = new Date().toISOString();
    const found = new Map<string, CandidateWrite>();
    const { agency } = await this.index.info(dataset);
    for (const record of records) {
      const self = splitRecordId(record.id);
      // Arrival matching is the hub's own work: it compares records on all they state; reads filter.
      const hits = index.query(record, {
        limit: PER_RECORD,
        minScore: CANDIDATE_THRESHOLD,
        candidates,
        accept: (id) => {
          const other = splitRecordId(id);
          return other.variant !== 'shared' && other.entityId !== self.entityId;
        },
      });
      for (const hit of hits) {
        const other = splitRecordId(hit.id);
        const mine = { entity: self.entityId, dataset, agency, open: self.variant === 'open' ? 1 : 0 };
        const theirs = {
          entity: other.entityId,
          dataset: other.dataset,
          agency: (await this.index.info(other.dataset)).agency,
          open: other.variant === 'open' ? 1 : 0,
        };
        const row = candidateRow(mine, theirs, {
          score: hit.comparison.score,
          explanation: explanationJson(hit.comparison.features),
          modelVersion: MODEL_VERSION,
          at: now,
        });
        const key = `${row.entity_a}\u0000${row.dataset_a}\u0000${row.entity_b}\u0000${row.dataset_b}`;
        if (!found.has(key)) found.set(key, row);
      }
    }
    if (clear)
      await this.store.matches.clearNewCandidates(
        dataset,
        page.map((s) => s.entityId),
      );
    const rows = [...found.values()];
    await this.store.matches.upsertCandidates(rows, now);
    return rows;
  }

  /**
   * Screen examples (yente's /match): each query against the datasets in scope — one dataset, or
   * `all` the reader may see — best entities first, each with its explanation. Entries are met only
   * as the reader may see them (see visibility.ts), so no score rests on a hidden value.
   */
  screen(
    actor: Actor,
    scope: string,
    queries: Readonly<Record<string, EntityExample>>,
    options: ScreeningOptions,
  ): Promise<ScreeningBatch> {
    const details = { matching: 'screen', scope, queries: Object.keys(queries).length, limit: options.limit };
    const purpose = requirePurpose(actor, options.purpose);
    return this.audit.around(
      actor,
      { action: 'search', purpose, details },
      () => this.screenAll(actor, scope, queries, options),
      (b) => ({
        targets: [...new Set(Object.values(b.responses).flatMap((r) => r.results.map((x) => x.id)))],
      }),
    );
  }

  private async screenAll(
    actor: Actor,
    scope: string,
    queries: Readonly<Record<string, EntityExample>>,
    options: ScreeningOptions,
  ): Promise<ScreeningBatch> {
    this.access.require(actor, 'data:search');
    const view = await this.access.view(actor);
    if (scope !== 'all' && !view.datasets.includes(scope))
      throw notFound(`no dataset "${scope}"`, { field: 'dataset' });
    const inScope = scope === 'all' ? view.datasets : [scope];
    const entryScope = { inScope, whole: inScope.filter((d) => view.whole.has(d)) };
    const threshold = options.threshold ?? HUB_PARAMS.threshold;
    const examples = Object.entries(queries);
    for (const [key, q] of examples) checkedExample(q, key);
    // Each query's best entry per entity, best first (on the index's replica threads when it has them).
    const ranked = await Promise.all(
      examples.map(async ([key, query]) => {
        const hits = await this.index.screen({
          example: query,
          limit: options.limit,
          minScore: options.cutoff ?? 0,
          scope: entryScope,
        });
        return { key, query, found: hits.map((h) => [splitRecordId(h.id).entityId, h] as const) };
      }),
    );
    const ids = ranked.flatMap((r) => r.found.map(([id]) => id));
    const entities = await visibleEntities(this.store, view, ids, new Set(inScope));
    const responses: Record<string, ScreeningResponse> = {};
    for (const { key, query, found } of ranked) {
      const results = found.flatMap(([id, hit]) => {
        const e = entities.get(id);
        if (!e) return [];
        const { score, features } = hit.comparison;
        const { caption, schema, properties, datasets } = e;
        return [
          {
            id,
            caption,
            schema,
            properties,
            datasets,
            score,
            match: score >= threshold,
            explanation: features,
          },
        ];
      });
      responses[key] = { results, total: results.length, query };
    }
    return { responses, limit: options.limit, threshold };
  }

  /** Compare two entities, each given by example or by the id of a stored entity the reader may see. */
  compare(
    actor: Actor,
    a: EntityExample | { id: string },
    b: EntityExample | { id: string },
  ): Promise<ComparisonView> {
    const targets = [a, b].flatMap((e) => ('schema' in e ? [] : [e.id]));
    return this.audit.around(actor, { action: 'read', targets, details: { matching: 'compare' } }, () =>
      this.compareTwo(actor, a, b),
    );
  }

  private async compareTwo(
    actor: Actor,
    a: EntityExample | { id: string },
    b: EntityExample | { id: string },
  ): Promise<ComparisonView> {
    this.access.require(actor, 'data:search');
    const [ra, rb] = [await this.recordOf(actor, a, 'a'), await this.recordOf(actor, b, 'b')];
    const c = compare(ra, rb, HUB_PARAMS);
    return {
      score: c.score,
      logOdds: c.logOdds,
      match: c.match,
      threshold: HUB_PARAMS.threshold,
      modelVersion: MODEL_VERSION,
      explanation: c.features,
    };
  }

  private async recordOf(
    actor: Actor,
    e: EntityExample | { id: string },
    side: string,
  ): Promise<MatchRecord> {
    if ('schema' in e) return checkedRecord(e, side);
    const view = await this.access.view(actor);
    const entity = (await visibleEntities(this.store, view, [e.id])).get(e.id);
    if (!entity) throw hidden();
    return exampleRecord({ id: e.id, schema: entity.schema, properties: entity.properties });
  }

  /** A page of stored candidates whose two records the reader may see whole, best score first. */
  candidates(actor: Actor, filter: CandidateFilter): Promise<CandidatePage> {
    const details = {
      matching: 'candidates',
      dataset: filter.dataset ?? null,
      status: filter.status ?? null,
    };
    return this.audit.around(
      actor,
      { action: 'read', details },
      () => this.candidatePage(actor, filter),
      (p) => ({ details: { ...details, results: p.results.length } }),
    );
  }

  private async candidatePage(actor: Actor, filter: CandidateFilter): Promise<CandidatePage> {
    const view = await this.access.view(actor);
    if (filter.dataset !== undefined && !view.datasets.includes(filter.dataset))
      throw notFound(`no dataset "${filter.dataset}"`, { field: 'dataset' });
    const page = await this.store.matches.listCandidates({ scope: candidateScope(view), ...filter });
    const results = await this.views(page.rows);
    return { total: page.total, limit: filter.limit, offset: filter.offset, results };
  }

  /** The stored candidates of one pair of entities the reader may see. */
  pair(actor: Actor, a: string, b: string): Promise<CandidateView[]> {
    return this.audit.around(
      actor,
      { action: 'read', targets: [a, b], details: { matching: 'pair' } },
      async () => {
        const view = await this.access.view(actor);
        return this.views(await this.store.matches.candidatesOfPair(a, b, candidateScope(view)));
      },
    );
  }

  /** Candidates as the reader sees them; their rows were filtered, so their records are seen whole. */
  private async views(rows: readonly MatchCandidateRow[]): Promise<CandidateView[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.entity_a, r.entity_b]))];
    const datasets = [...new Set(rows.flatMap((r) => [r.dataset_a, r.dataset_b]))];
    const sources = await this.store.matches.sourcesOf(ids, datasets);
    const side = (id: string, dataset: string, agency: string): CandidateSide => {
      const s = sources.find((x) => x.entityId === id && x.dataset === dataset);
      return { id, dataset, agency, schema: s?.schema ?? '', caption: s?.caption ?? '' };
    };
    return rows.map((r) => ({
      a: side(r.entity_a, r.dataset_a, r.agency_a),
      b: side(r.entity_b, r.dataset_b, r.agency_b),
      score: r.score,
      match: r.score >= HUB_PARAMS.threshold,
      status: r.status as CandidateStatus,
      explanation: parseExplanation(r.explanation),
      modelVersion: r.model_version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /**
   * Judge a pair of entities the reader may both see: same, not same or unsure, with a reason. The
   * pair's candidates take the verdict as status (never proposed as new again) and the resolved
   * identities around the two entities are recomputed.
   */
  judge(actor: Actor, a: string, b: string, verdict: Verdict, reason: string): Promise<JudgementView> {
    return this.judging.judge(actor, a, b, verdict, reason);
  }

  /** Undo a `same`: judge the pair not the same; the identity splits where nothing else holds it. */
  split(actor: Actor, a: string, b: string, reason: string): Promise<JudgementView> {
    return this.judging.judge(actor, a, b, 'not-same', reason);
  }

  /** The judgements of a pair the reader may both see, oldest first. */
  judgements(actor: Actor, a: string, b: string): Promise<JudgementView[]> {
    return this.judging.judgements(actor, a, b);
  }

  /** The resolved identity of an entity, as the reader may see it (see Judging.identity). */
  identity(actor: Actor, entityId: string): Promise<IdentityView> {
    return this.judging.identity(actor, entityId);
  }
}

/** An Invalid error naming a query or compared entity and its bad schema or property, if it has one. */
const checkedExample = (e: EntityExample, key: string): void => {
  const schema = getSchema(e.schema, key);
  for (const prop of Object.keys(e.properties)) getProperty(schema, prop, key);
};

/** A query's or compared entity's record, or an Invalid error naming it and its bad schema or property. */
const checkedRecord = (e: EntityExample, key: string): MatchRecord => {
  checkedExample(e, key);
  return exampleRecord(e);
};
