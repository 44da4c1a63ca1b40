import type { TableRecord } from '@clew/core';
import type { FragmentWrite } from '@clew/store';
import type { RowInput } from './table-map.js';

/**
 * Batches cross between an import's threads as columns of plain values, not an object per row or
 * per fragment: structured cloning writes and reads back every key of every object. As columns, the
 * writing thread reads a batch of fragments back in about half the time (1.6 against 2.9 µs a table
 * row of three fragments), and the mapping worker a batch of rows in about a third of it (0.5
 * against 1.35 µs a row of nine cells).
 */
export interface FragmentColumns {
  entityId: string[];
  originalId: string[];
  schema: string[];
  caption: string[];
  packed: string[];
  shareable: Uint8Array;
}

// Arrays are built by push: one made with `new Array(n)` stays "holey" for V8, which clones it as a
// sparse array, index by index, several times slower.

/** A batch of fragments as columns. */
export const fragmentColumns = (fragments: readonly FragmentWrite[]): FragmentColumns => {
  const c: FragmentColumns = {
    entityId: [],
    originalId: [],
    schema: [],
    caption: [],
    packed: [],
    shareable: new Uint8Array(fragments.length),
  };
  fragments.forEach((f, i) => {
    c.entityId.push(f.entityId);
    c.originalId.push(f.originalId);
    c.schema.push(f.schema);
    c.caption.push(f.caption);
    c.packed.push(f.packed);
    c.shareable[i] = f.shareable ? 1 : 0;
  });
  return c;
};

/** The fragments of a batch sent as columns. */
export const fragmentsOf = (c: FragmentColumns): FragmentWrite[] => {
  const out = new Array<FragmentWrite>(c.entityId.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = {
      entityId: c.entityId[i] as string,
      originalId: c.originalId[i] as string,
      schema: c.schema[i] as string,
      caption: c.caption[i] as string,
      packed: c.packed[i] as string,
      shareable: c.shareable[i] === 1,
    };
  }
  return out;
};

/** A batch's result with its fragments as columns, the way it crosses to the writing thread. */
export type WithFragmentColumns<T extends { fragments: FragmentWrite[] }> = Omit<T, 'fragments'> & {
  fragments: FragmentColumns;
};

/** A batch's result ready to cross to the writing thread. */
export const sendable = <T extends { fragments: FragmentWrite[] }>(batch: T): WithFragmentColumns<T> => ({
  ...batch,
  fragments: fragmentColumns(batch.fragments),
});

/** A batch's result as it was before it crossed. */
export const received = <T extends { fragments: FragmentWrite[] }>(batch: WithFragmentColumns<T>): T =>
  ({ ...batch, fragments: fragmentsOf(batch.fragments) }) as unknown as T;

/**
 * Rows as columns: each column name once, and the cells of every row in one flat array (`width`
 * cells a row, undefined where a row has no cell of that column). Rows the reader refused keep their
 * place, with their error. A row's cells come back in the order of the batch's columns (the readers
 * give every row the header's columns, in the header's order).
 */
export interface RowColumns {
  columns: string[];
  rows: number[];
  cells: (string | undefined)[];
  errors: [at: number, error: { column?: string | undefined; reason: string }][];
}

/** A batch of rows as columns. */
export const rowColumns = (input: readonly RowInput[]): RowColumns => {
  const index = new Map<string, number>();
  for (const r of input) {
    if ('error' in r) continue;
    for (const k in r.values) if (!index.has(k)) index.set(k, index.size);
  }
  const columns = [...index.keys()];
  const width = columns.length;
  const out: RowColumns = { columns, rows: [], cells: [], errors: [] };
  input.forEach((r, i) => {
    out.rows.push(r.row);
    const at = out.cells.length;
    for (let j = 0; j < width; j++) out.cells.push(undefined);
    if ('error' in r) out.errors.push([i, r.error]);
    else for (const k in r.values) out.cells[at + (index.get(k) as number)] = r.values[k];
  });
  return out;
};

/** The rows of a batch sent as columns. */
export const rowsOf = (c: RowColumns): RowInput[] => {
  const width = c.columns.length;
  const out = new Array<RowInput>(c.rows.length);
  for (const [at, error] of c.errors) out[at] = { row: c.rows[at] as number, error };
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== undefined) continue;
    const values: TableRecord = {};
    for (let j = 0; j < width; j++) {
      const v = c.cells[i * width + j];
      if (v !== undefined) values[c.columns[j] as string] = v;
    }
    out[i] = { row: c.rows[i] as number, values };
  }
  return out;
};
