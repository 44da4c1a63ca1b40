import { RowMapper, type Mapping, type RowError, type StatementTarget, type TableRecord } from '@clew/core';
import type { FragmentWrite } from '@clew/store';
import { toFragment } from './ftm-parse.js';

/** One row as read: its cells, or why the reader refused it. */
export type RowInput =
  | { row: number; values: TableRecord }
  | { row: number; error: { column?: string | undefined; reason: string } };

/** A batch of rows mapped: the fragments to write (when a target is given), counters, refusals. */
export interface MappedBatch {
  fragments: FragmentWrite[];
  rejections: RowError[];
  accepted: number;
  rejected: number;
  entities: number;
  statements: number;
  bySchema: Record<string, number>;
}

/**
 * Map a batch of rows and, for an import, pack each entity as its dataset's fragment. Pure CPU work
 * with plain-data input and output, so it runs the same inline or on a worker thread.
 */
export const mapTableBatch = (
  mapping: Mapping,
  rows: readonly RowInput[],
  target: StatementTarget | undefined,
): MappedBatch => {
  const out: MappedBatch = {
    fragments: [],
    rejections: [],
    accepted: 0,
    rejected: 0,
    entities: 0,
    statements: 0,
    bySchema: {},
  };
  const mapper = new RowMapper(mapping);
  for (const r of rows) {
    if ('error' in r) {
      out.rejected++;
      out.rejections.push(
        r.error.column === undefined
          ? { row: r.row, reason: r.error.reason }
          : { row: r.row, column: r.error.column, reason: r.error.reason },
      );
      continue;
    }
    const m = mapper.map(r.values, r.row);
    if (!m.ok) {
      out.rejected++;
      out.rejections.push(...m.errors);
      continue;
    }
    out.accepted++;
    for (const entity of m.entities) {
      out.entities++;
      out.bySchema[entity.schema.name] = (out.bySchema[entity.schema.name] ?? 0) + 1;
      if (target === undefined) continue;
      const { fragment, statements } = toFragment(entity, target);
      out.fragments.push(fragment);
      out.statements += statements;
    }
  }
  return out;
};
