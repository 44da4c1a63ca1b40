import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { FragmentWrite } from '../repos/writes.repo.js';
import type { Store } from '../store.js';
import { seedDataset, testDialects } from '../testing/dialects.js';
import { freshStores } from '../testing/fresh-stores.js';

const dialects = await testDialects();

let written = 0;

/** Write a fragment of an entity of its own (one the run wrote before would be skipped as unchanged). */
const write = (store: Store, dataset: string, agency: string): Promise<number> => {
  const id = `p${String(++written)}`;
  const fragment: FragmentWrite = {
    entityId: `${id}.abc`,
    originalId: id,
    schema: 'Person',
    caption: 'Ana',
    packed: '{"m":[],"s":[]}',
    shareable: false,
  };
  return store.writes.writeBatch('run1', dataset, agency, 0, [fragment]);
};

/** The foreign keys of fragments: the columns of each, and the table and columns they refer to. */
const foreignKeys = async (store: Store): Promise<string[]> => {
  if (store.dialect === 'sqlite') {
    const rows = await sql<{
      id: number;
      from: string;
      table: string;
      to: string;
    }>`select id, "from", "table", "to"
      from pragma_foreign_key_list('fragments') order by id, seq`.execute(store.db);
    return rows.rows.map((r) => `${r.from} -> ${r.table}.${r.to}`).sort();
  }
  const rows = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = 'fragments'::regclass and contype = 'f'`.execute(store.db);
  return rows.rows.map((r) => r.def).sort();
};

describe.each(dialects)('migration 0008: fragments, their dataset and its agency, on %s', (dialect) => {
  const stores = freshStores(dialect, async (s) => {
    await seedDataset(s, 'ds-a', 'ag-a');
    await seedDataset(s, 'ds-b', 'ag-b');
  });

  it('keeps a fragment of a dataset under its own agency, and refuses unknown datasets and agencies', async () => {
    const store = await stores.open();
    expect(await write(store, 'ds-a', 'ag-a')).toBe(1);
    await expect(write(store, 'ds-x', 'ag-a')).rejects.toThrow(/foreign key/i);
    await expect(write(store, 'ds-a', 'ag-x')).rejects.toThrow(/foreign key/i);
  });

  if (dialect === 'postgres') {
    it('checks one composite key, which refuses a fragment under another agency than its dataset', async () => {
      const store = await stores.open();
      expect(await foreignKeys(store)).toEqual([
        'FOREIGN KEY (dataset_id, agency_id) REFERENCES datasets(id, agency_id)',
      ]);
      await expect(write(store, 'ds-a', 'ag-b')).rejects.toThrow(/foreign key/i);
    });
  } else {
    it('keeps its two foreign keys (SQLite checks them at no measurable cost)', async () => {
      const store = await stores.open();
      expect(await foreignKeys(store)).toEqual(['agency_id -> agencies.id', 'dataset_id -> datasets.id']);
    });
  }
});
