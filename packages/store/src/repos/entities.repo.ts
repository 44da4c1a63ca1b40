import type { Statement, StatementDraft } from '@clew/core';
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Database, FragmentsTable } from '../schema.js';
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
  datasets: readonly string[];
  partial: readonly string[];
}

type FragmentQuery = SelectQueryBuilder<Database, 'fragments', object>;

/** Restrict a query on fragments to a read scope. */
const inScope = <Q extends FragmentQuery>(q: Q, scope: ReadScope): Q => {
  const partial = new Set(scope.partial);
  const whole = scope.datasets.filter((d) => !partial.has(d));
  return q.where((eb) =>
    eb.or([
      ...(whole.length > 0 ? [eb('dataset_id', 'in', whole)] : []),
      ...(partial.size > 0 ? [eb.and([eb('dataset_id', 'in', [...partial]), eb('shareable', '=', 1)])] : []),
    ]),
  ) as Q;
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
  constructor(private readonly db: Kysely<Database>) {}

  /** The fragments of these entities within the given datasets, by entity and dataset. */
  async fragments(entityIds: readonly string[], scope: ReadScope): Promise<Fragment[]> {
    if (entityIds.length === 0 || scope.datasets.length === 0) return [];
    const rows = await inScope(this.db.selectFrom('fragments').selectAll(), scope)
      .where('entity_id', 'in', entityIds)
      .orderBy('entity_id')
      .orderBy('dataset_id')
      .execute();
    return rows.map((r) => toFragment(r, unpackStatements));
  }

  /** A page of fragments in import order (entity ids only), and how many there are in all. */
  async list(q: FragmentListQuery): Promise<{ total: number; entityIds: string[] }> {
    if (q.scope.datasets.length === 0) return { total: 0, entityIds: [] };
    let base = inScope(this.db.selectFrom('fragments'), q.scope);
    if (q.schema !== undefined) base = base.where('schema', '=', q.schema);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.select('entity_id').orderBy('dataset_id').orderBy('seq').limit(q.limit).offset(q.offset).execute(),
    ]);
    return { total: count.n, entityIds: rows.map((r) => r.entity_id) };
  }

  /** How many entities each dataset holds, by schema. */
  async countsBySchema(scope: ReadScope): Promise<{ dataset: string; schema: string; count: number }[]> {
    if (scope.datasets.length === 0) return [];
    const rows = await inScope(this.db.selectFrom('fragments'), scope)
      .select(['dataset_id', 'schema', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['dataset_id', 'schema'])
      .orderBy('dataset_id')
      .orderBy('schema')
      .execute();
    return rows.map((r) => ({ dataset: r.dataset_id, schema: r.schema, count: r.n }));
  }

  /**
   * All fragments of one dataset in import order, read in pages so memory stays flat; statements come
   * as drafts (no ids), since whole-dataset readers never name single statements.
   */
  async *datasetFragments(dataset: string, pageSize = 2000): AsyncGenerator<Fragment<StatementDraft>> {
    let after = -1;
    for (;;) {
      const page = await this.db
        .selectFrom('fragments')
        .selectAll()
        .where('dataset_id', '=', dataset)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      const last = page[page.length - 1];
      if (!last) return;
      after = last.seq;
      for (const row of page) yield toFragment(row, unpackDrafts);
    }
  }
}
