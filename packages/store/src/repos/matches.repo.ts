import { tlpMayLeaveAgency } from '@clew/core';
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { SYSTEM_AGENCY, withAgency } from './agency-scope.js';
import type { MatchCandidatesTable, MatchJudgementsTable, MatchVerdictsTable } from '../schema/matching.js';

/** A stored candidate match. */
export type MatchCandidateRow = Selectable<MatchCandidatesTable>;
/** A stored judgement. */
export type MatchJudgementRow = Selectable<MatchJudgementsTable>;
/** The current verdict on a pair. */
export type MatchVerdictRow = Selectable<MatchVerdictsTable>;

/** A candidate to store: everything but its status and creation time, which the repo keeps. */
export type CandidateWrite = Omit<MatchCandidateRow, 'status' | 'created_at'>;

/** One dataset's record of an entity, as the matcher reads it: its property values only. */
export interface MatchSource {
  dataset: string;
  agency: string;
  entityId: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  /**
   * The values whose statements may leave the agency (TLP neither RED nor AMBER+STRICT), or null when
   * all of them may — what a reader the dataset is shared with sees.
   */
  shared: Record<string, string[]> | null;
}

/** Which records a reader sees: datasets whole, and datasets only where a record may all leave its agency. */
export interface CandidateScope {
  whole: readonly string[];
  partial: readonly string[];
}

/** Filters for listing candidates. */
export interface CandidateListQuery {
  /** Both records of a candidate must be in the reader's scope. */
  scope: CandidateScope;
  /** Candidates with at least one record in this dataset. */
  dataset?: string | undefined;
  status?: string | undefined;
  minScore?: number | undefined;
  limit: number;
  offset: number;
}

// 12 columns × 500 rows stays under SQLite's 32,766 bound parameters.
const CHUNK = 500;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The property values of a packed fragment (see fragment-codec.ts), all and those that may leave the agency. */
const propertiesOf = (packed: string): Pick<MatchSource, 'properties' | 'shared'> => {
  const { m, s } = JSON.parse(packed) as { m: (string | null)[][]; s: [string, string, number][] };
  const leaves = m.map((marking) => tlpMayLeaveAgency(marking[6] ?? 'RED'));
  const properties: Record<string, string[]> = {};
  for (const [prop, value] of s) (properties[prop] ??= []).push(value);
  if (leaves.every(Boolean)) return { properties, shared: null };
  const shared: Record<string, string[]> = {};
  for (const [prop, value, mi] of s) if (leaves[mi] === true) (shared[prop] ??= []).push(value);
  return { properties, shared };
};

/** A stored record as read, its statements still packed (parsed by {@link matchSource}, on any thread). */
export interface PackedSource {
  dataset_id: string;
  agency_id: string;
  entity_id: string;
  schema: string;
  caption: string;
  statements: string;
  seq: number;
}

/** The matcher's view of a stored record. */
export const matchSource = (r: PackedSource): MatchSource => ({
  dataset: r.dataset_id,
  agency: r.agency_id,
  entityId: r.entity_id,
  schema: r.schema,
  caption: r.caption,
  ...propertiesOf(r.statements),
});

type CandidateQuery = SelectQueryBuilder<Database, 'match_candidates', object>;

/** Restrict a query on candidates to those whose two records the scope sees (callers check it is not empty). */
const inScope = <Q extends CandidateQuery>(q: Q, scope: CandidateScope): Q =>
  q.where((eb) => {
    const side = (dataset: 'dataset_a' | 'dataset_b', open: 'open_a' | 'open_b') =>
      eb.or([
        ...(scope.whole.length > 0 ? [eb(dataset, 'in', scope.whole)] : []),
        ...(scope.partial.length > 0 ? [eb.and([eb(dataset, 'in', scope.partial), eb(open, '=', 1)])] : []),
      ]);
    return eb.and([side('dataset_a', 'open_a'), side('dataset_b', 'open_b')]);
  }) as Q;

/** The key of an unordered pair of entities: the smaller id first. */
export const orderedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * Candidate matches, judgements, verdicts and resolved identities. Callers pass the datasets the
 * actor may read; the repo never decides access. Records are read as the hub itself (the index and
 * cross-matching on arrival are the hub's own work; what a reader sees is filtered above).
 */
export class MatchesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records of the given schemata in one dataset, in import order, read in pages (optionally of one import run). */
  async *sources(
    dataset: string,
    schemata: readonly string[],
    importRun?: string,
    pageSize = 5000,
  ): AsyncGenerator<MatchSource[]> {
    for await (const page of this.packedSources(dataset, schemata, importRun, pageSize))
      yield page.map(matchSource);
  }

  /** As {@link sources}, with statements left packed (a dedupe pass parses them on its threads). */
  async *packedSources(
    dataset: string,
    schemata: readonly string[],
    importRun?: string,
    pageSize = 5000,
  ): AsyncGenerator<PackedSource[]> {
    let after = -1;
    for (;;) {
      const page = await withAgency(this.db, SYSTEM_AGENCY, (db) => {
        let q = db
          .selectFrom('fragments')
          .select(['dataset_id', 'agency_id', 'entity_id', 'schema', 'caption', 'statements', 'seq'])
          .where('dataset_id', '=', dataset)
          .where('seq', '>', after)
          .where('schema', 'in', schemata);
        if (importRun !== undefined) q = q.where('import_run', '=', importRun);
        return q.orderBy('seq').limit(pageSize).execute();
      });
      const last = page[page.length - 1];
      if (!last) return;
      after = last.seq;
      yield page;
    }
  }

  /** How many records `sources` would give. */
  async countSources(dataset: string, schemata: readonly string[], importRun?: string): Promise<number> {
    const row = await withAgency(this.db, SYSTEM_AGENCY, (db) => {
      let q = db
        .selectFrom('fragments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('dataset_id', '=', dataset)
        .where('schema', 'in', schemata);
      if (importRun !== undefined) q = q.where('import_run', '=', importRun);
      return q.executeTakeFirst();
    });
    return Number(row?.n ?? 0);
  }

  /** These entities' records in the given datasets. */
  async sourcesOf(entityIds: readonly string[], datasets: readonly string[]): Promise<MatchSource[]> {
    if (datasets.length === 0) return [];
    const out: MatchSource[] = [];
    for (const chunk of chunks([...new Set(entityIds)], CHUNK)) {
      const rows = await withAgency(this.db, SYSTEM_AGENCY, (db) =>
        db
          .selectFrom('fragments')
          .select(['dataset_id', 'agency_id', 'entity_id', 'schema', 'caption', 'statements', 'seq'])
          .where('entity_id', 'in', chunk)
          .where('dataset_id', 'in', datasets)
          .orderBy('entity_id')
          .orderBy('dataset_id')
          .execute(),
      );
      out.push(...rows.map(matchSource));
    }
    return out;
  }

  /**
   * Store candidates: new pairs take the pair's current verdict as status (or `new`); stored ones get
   * the new score and explanation and keep their status and creation time.
   */
  async upsertCandidates(rows: readonly CandidateWrite[], now: string): Promise<void> {
    for (const chunk of chunks(rows, CHUNK)) {
      const verdicts = await this.verdictsOf(chunk.map((r) => [r.entity_a, r.entity_b] as const));
      await this.db
        .insertInto('match_candidates')
        .values(
          chunk.map((r) => ({
            ...r,
            status: verdicts.get(`${r.entity_a}\u0000${r.entity_b}`) ?? 'new',
            created_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['entity_a', 'dataset_a', 'entity_b', 'dataset_b']).doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            explanation: eb.ref('excluded.explanation'),
            model_version: eb.ref('excluded.model_version'),
            agency_a: eb.ref('excluded.agency_a'),
            agency_b: eb.ref('excluded.agency_b'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  /**
   * Drop the unjudged candidates of these records of one dataset (all of the dataset's when no ids
   * are given), before they are matched again; judged ones stay.
   */
  async clearNewCandidates(dataset: string, entityIds?: readonly string[]): Promise<void> {
    const del = (ids?: readonly string[]) =>
      this.db
        .deleteFrom('match_candidates')
        .where('status', '=', 'new')
        .where((eb) =>
          eb.or([
            eb.and([
              eb('dataset_a', '=', dataset),
              ...(ids === undefined ? [] : [eb('entity_a', 'in', ids)]),
            ]),
            eb.and([
              eb('dataset_b', '=', dataset),
              ...(ids === undefined ? [] : [eb('entity_b', 'in', ids)]),
            ]),
          ]),
        )
        .execute();
    if (entityIds === undefined) {
      await del();
      return;
    }
    for (const chunk of chunks(entityIds, CHUNK)) await del(chunk);
  }

  /** A page of candidates, best score first, and how many match the filter. */
  async listCandidates(q: CandidateListQuery): Promise<{ total: number; rows: MatchCandidateRow[] }> {
    if (q.scope.whole.length + q.scope.partial.length === 0) return { total: 0, rows: [] };
    let base = inScope(this.db.selectFrom('match_candidates'), q.scope);
    const { dataset, status, minScore } = q;
    if (dataset !== undefined)
      base = base.where((eb) => eb.or([eb('dataset_a', '=', dataset), eb('dataset_b', '=', dataset)]));
    if (status !== undefined) base = base.where('status', '=', status);
    if (minScore !== undefined) base = base.where('score', '>=', minScore);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base
        .selectAll()
        .orderBy('score', 'desc')
        .orderBy('entity_a')
        .orderBy('entity_b')
        .orderBy('dataset_a')
        .orderBy('dataset_b')
        .limit(q.limit)
        .offset(q.offset)
        .execute(),
    ]);
    return { total: count.n, rows };
  }

  /** The candidates of one pair of entities within the given datasets. */
  candidatesOfPair(a: string, b: string, scope: CandidateScope): Promise<MatchCandidateRow[]> {
    const [x, y] = orderedPair(a, b);
    if (scope.whole.length + scope.partial.length === 0) return Promise.resolve([]);
    return inScope(this.db.selectFrom('match_candidates').selectAll(), scope)
      .where('entity_a', '=', x)
      .where('entity_b', '=', y)
      .orderBy('score', 'desc')
      .execute();
  }

  /** Current verdicts of these pairs (each given smaller id first), by `a NUL b`. */
  async verdictsOf(pairs: readonly (readonly [string, string])[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ids = [...new Set(pairs.map((p) => p[0]))];
    for (const chunk of chunks(ids, CHUNK)) {
      const rows = await this.db
        .selectFrom('match_verdicts')
        .select(['entity_a', 'entity_b', 'verdict'])
        .where('entity_a', 'in', chunk)
        .execute();
      for (const r of rows) out.set(`${r.entity_a}\u0000${r.entity_b}`, r.verdict);
    }
    return out;
  }

  /** Every judged pair (for keeping judged pairs out of what is proposed as new). */
  async judgedPairs(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('match_verdicts')
      .select(['entity_a', 'entity_b', 'verdict'])
      .execute();
    return new Map(rows.map((r) => [`${r.entity_a}\u0000${r.entity_b}`, r.verdict]));
  }

  /**
   * Record a judgement in one transaction: the judgement itself, the pair's current verdict, and the
   * status of the pair's stored candidates.
   */
  async judge(j: MatchJudgementRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('match_judgements').values(j).execute();
      await trx
        .insertInto('match_verdicts')
        .values({
          entity_a: j.entity_a,
          entity_b: j.entity_b,
          verdict: j.verdict,
          judgement_id: j.id,
          updated_at: j.created_at,
        })
        .onConflict((oc) =>
          oc.columns(['entity_a', 'entity_b']).doUpdateSet({
            verdict: j.verdict,
            judgement_id: j.id,
            updated_at: j.created_at,
          }),
        )
        .execute();
      await trx
        .updateTable('match_candidates')
        .set({ status: j.verdict, updated_at: j.created_at })
        .where('entity_a', '=', j.entity_a)
        .where('entity_b', '=', j.entity_b)
        .execute();
    });
  }

  /** The judgements of one pair, oldest first. */
  judgementsOf(a: string, b: string): Promise<MatchJudgementRow[]> {
    const [x, y] = orderedPair(a, b);
    return this.db
      .selectFrom('match_judgements')
      .selectAll()
      .where('entity_a', '=', x)
      .where('entity_b', '=', y)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Current `same` verdicts touching any of these entities. */
  async sameVerdictsOf(entityIds: readonly string[]): Promise<MatchVerdictRow[]> {
    const out: MatchVerdictRow[] = [];
    for (const chunk of chunks([...new Set(entityIds)], CHUNK)) {
      out.push(
        ...(await this.db
          .selectFrom('match_verdicts')
          .selectAll()
          .where('verdict', '=', 'same')
          .where((eb) => eb.or([eb('entity_a', 'in', chunk), eb('entity_b', 'in', chunk)]))
          .execute()),
      );
    }
    return out;
  }

  /** Replace the cluster assignments of `entityIds`: those in `clusters` get theirs, the rest none. */
  async setClusters(entityIds: readonly string[], clusters: ReadonlyMap<string, string>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunks(entityIds, CHUNK))
        await trx.deleteFrom('resolved_entities').where('entity_id', 'in', chunk).execute();
      const rows = [...clusters].map(([entity_id, cluster_id]) => ({ entity_id, cluster_id }));
      for (const chunk of chunks(rows, CHUNK))
        if (chunk.length > 0) await trx.insertInto('resolved_entities').values(chunk).execute();
    });
  }

  /** The cluster of an entity, if it is in one. */
  async clusterOf(entityId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('resolved_entities')
      .select('cluster_id')
      .where('entity_id', '=', entityId)
      .executeTakeFirst();
    return row?.cluster_id;
  }

  /** The members of a cluster. */
  async clusterMembers(clusterId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('resolved_entities')
      .select('entity_id')
      .where('cluster_id', '=', clusterId)
      .orderBy('entity_id')
      .execute();
    return rows.map((r) => r.entity_id);
  }

  /** Every entity's cluster (entities in no cluster are absent). */
  async allClusters(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('resolved_entities').select(['entity_id', 'cluster_id']).execute();
    return new Map(rows.map((r) => [r.entity_id, r.cluster_id]));
  }

  /** Changes whenever a verdict does (so caches of resolved identities know when to rebuild). */
  async verdictsVersion(): Promise<string> {
    const r = await this.db
      .selectFrom('match_verdicts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
      .executeTakeFirst();
    return `${r?.n ?? 0}@${r?.at ?? ''}`;
  }
}
