import type { Statement, StatementDraft } from '@clew/core';
import {
  CompiledQuery,
  PostgresAdapter,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
} from 'kysely';
import type { Database, FragmentsTable } from '../schema.js';
import { SYSTEM_AGENCY, withAgency } from './agency-scope.js';
import { unpackDrafts, unpackStatements } from './fragment-codec.js';

/** A fragment row: one dataset's statements about one entity. */
export type FragmentRow = Selectable<FragmentsTable>;

/** Filters for listing fragments. */
export interface FragmentListQuery {
  scope: ReadScope;
  schema?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Which datasets a read may touch: `datasets` in all, of which `partial` only where a fragment holds
 * some statement that may leave its agency (another agency's dataset shared with the reader).
 */
export interface ReadScope {
  /** The agency reading (`*` for the hub itself): the database's row-level security filters by it. */
  agency: string;
  datasets: readonly string[];
  partial: readonly string[];
}

/** Whether a row may be returned for the scope: the guard under the query's own filter. */
const rowInScope = (scope: ReadScope, row: { dataset_id: string; shareable: number }): boolean =>
  scope.datasets.includes(row.dataset_id) && (row.shareable === 1 || !scope.partial.includes(row.dataset_id));

/** Refuse to return a row outside the scope: a query that lost its filter fails, it does not leak. */
const guard = <R extends { dataset_id: string; shareable: number }>(scope: ReadScope, rows: R[]): R[] => {
  for (const r of rows) {
    if (!rowInScope(scope, r))
      throw new Error(`read guard: a row of "${r.dataset_id}" is outside the read scope`);
  }
  return rows;
};

type FragmentQuery = SelectQueryBuilder<Database, 'fragments', object>;

/** Restrict a query on fragments to a read scope. */
export const inScope = <Q extends FragmentQuery>(q: Q, scope: ReadScope): Q => {
  const partial = new Set(scope.partial);
  const whole = scope.datasets.filter((d) => !partial.has(d));
  // One IN on the leading index column keeps the (dataset_id, seq) order usable; the partial
  // datasets' condition is a filter on the same index entry.
  const all = q.where('dataset_id', 'in', scope.datasets);
  if (partial.size === 0) return all as Q;
  return all.where((eb) =>
    eb.or([eb('shareable', '=', 1), ...(whole.length > 0 ? [eb('dataset_id', 'in', whole)] : [])]),
  ) as Q;
};

/**
 * `inScope(selectAll …).where('entity_id', 'in', ids).orderBy('entity_id').orderBy('dataset_id')` as
 * SQL text, written out: building and compiling it through Kysely cost more than running it. `$n`
 * placeholders on PostgreSQL, `?` on SQLite; the parameters in the order of the placeholders.
 */
export const fragmentsQuery = (
  postgres: boolean,
  ids: readonly string[],
  scope: ReadScope,
): CompiledQuery => {
  const parameters: unknown[] = [];
  const mark = (value: unknown): string => {
    parameters.push(value);
    return postgres ? `$${String(parameters.length)}` : '?';
  };
  const list = (values: readonly unknown[]): string => `(${values.map(mark).join(', ')})`;
  let where = `"dataset_id" in ${list(scope.datasets)}`;
  if (scope.partial.length > 0) {
    const partial = new Set(scope.partial);
    const whole = scope.datasets.filter((d) => !partial.has(d));
    const shareable = `"shareable" = ${mark(1)}`;
    where += whole.length > 0 ? ` and (${shareable} or "dataset_id" in ${list(whole)})` : ` and ${shareable}`;
  }
  where += ` and "entity_id" in ${list(ids)}`;
  return CompiledQuery.raw(
    `select * from "fragments" where ${where} order by "entity_id", "dataset_id"`,
    parameters,
  );
};

/** One dataset's statements about one entity, unpacked (with statement ids, or as drafts without). */
export interface Fragment<S extends StatementDraft = Statement> {
  dataset: string;
  entityId: string;
  originalId: string;
  schema: string;
  statements: S[];
}

const toFragment = <S extends StatementDraft>(
  r: FragmentRow,
  unpack: (r: FragmentRow) => S[],
): Fragment<S> => ({
  dataset: r.dataset_id,
  entityId: r.entity_id,
  originalId: r.original_id,
  schema: r.schema,
  statements: unpack(r),
});

/** Reads of entities and their statements. Callers pass the datasets the actor may see. */
export class EntitiesRepo {
  /**
   * `checks: false` removes the queries' own scope filter (the row guard stays): only for the tests
   * that show what stands behind it — PostgreSQL's row-level security, SQLite's guard.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly checks = true,
  ) {}

  private scoped<Q extends FragmentQuery>(q: Q, scope: ReadScope): Q {
    return this.checks ? inScope(q, scope) : q;
  }

  /** The fragments of these entities within the given datasets, by entity and dataset. */
  async fragments(entityIds: readonly string[], scope: ReadScope): Promise<Fragment[]> {
    return (await this.fragmentRows(entityIds, scope)).map((r) => toFragment(r, unpackStatements));
  }

  /**
   * `fragments` with the statements as drafts, without their ids (a SHA-1 each, most of what reading
   * a few entities costs): for readers that never name single statements, such as the merge of an entity.
   */
  async fragmentDrafts(entityIds: readonly string[], scope: ReadScope): Promise<Fragment<StatementDraft>[]> {
    return (await this.fragmentRows(entityIds, scope)).map((r) => toFragment(r, unpackDrafts));
  }

  private async fragmentRows(entityIds: readonly string[], scope: ReadScope): Promise<FragmentRow[]> {
    if (entityIds.length === 0 || scope.datasets.length === 0) return [];
    const rows = await withAgency(this.db, scope.agency, async (db) => {
      if (!this.checks) {
        return db
          .selectFrom('fragments')
          .selectAll()
          .where('entity_id', 'in', entityIds)
          .orderBy('entity_id')
          .orderBy('dataset_id')
          .execute();
      }
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      return (await db.executeQuery<FragmentRow>(fragmentsQuery(postgres, entityIds, scope))).rows;
    });
    return guard(scope, rows);
  }

  /** A page of fragments in import order (entity ids only), and how many there are in all. */
  async list(q: FragmentListQuery): Promise<{ total: number; entityIds: string[] }> {
    if (q.scope.datasets.length === 0) return { total: 0, entityIds: [] };
    return withAgency(this.db, q.scope.agency, async (db) => {
      let base = this.scoped(db.selectFrom('fragments'), q.scope);
      if (q.schema !== undefined) base = base.where('schema', '=', q.schema);
      const count = await base
        .select(['dataset_id', 'shareable', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['dataset_id', 'shareable'])
        .execute();
      const rows = await base
        .select(['entity_id', 'dataset_id', 'shareable'])
        .orderBy('dataset_id')
        .orderBy('seq')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      const total = guard(q.scope, count).reduce((n, c) => n + c.n, 0);
      return { total, entityIds: guard(q.scope, rows).map((r) => r.entity_id) };
    });
  }

  /** How many entities each dataset holds, by schema. */
  async countsBySchema(scope: ReadScope): Promise<{ dataset: string; schema: string; count: number }[]> {
    if (scope.datasets.length === 0) return [];
    const rows = await withAgency(this.db, scope.agency, (db) =>
      this.scoped(db.selectFrom('fragments'), scope)
        .select(['dataset_id', 'schema', 'shareable', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['dataset_id', 'schema', 'shareable'])
        .orderBy('dataset_id')
        .orderBy('schema')
        .execute(),
    );
    const out = new Map<string, { dataset: string; schema: string; count: number }>();
    for (const r of guard(scope, rows)) {
      const key = `${r.dataset_id}\u0000${r.schema}`;
      const c = out.get(key) ?? { dataset: r.dataset_id, schema: r.schema, count: 0 };
      c.count += r.n;
      out.set(key, c);
    }
    return [...out.values()];
  }

  /**
   * All fragments of one dataset in import order, read in pages so memory stays flat; statements come
   * as drafts (no ids), since whole-dataset readers never name single statements.
   */
  async *datasetFragments(dataset: string, pageSize = 2000): AsyncGenerator<Fragment<StatementDraft>> {
    let after = -1;
    for (;;) {
      // Whole-dataset readers (exports, graphs, match indexes) read as the hub and filter for the reader.
      const page = await withAgency(this.db, SYSTEM_AGENCY, (db) =>
        db
          .selectFrom('fragments')
          .selectAll()
          .where('dataset_id', '=', dataset)
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize)
          .execute(),
      );
      const last = page[page.length - 1];
      if (!last) return;
      after = last.seq;
      for (const row of page) yield toFragment(row, unpackDrafts);
    }
  }
}
