import { DEFAULT_MARKING, type StatementDraft } from '@clew/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { freshLocation, seedDataset, testDialects, type TestLocation } from '../testing/dialects.js';
import { draftsShareable, mergePacked, packStatements, unpackDrafts } from './fragment-codec.js';
import type { FragmentWrite } from './writes.repo.js';

const dialects = await testDialects();

const draft = (prop: string, value: string, over: Partial<StatementDraft> = {}): StatementDraft => ({
  ...DEFAULT_MARKING,
  entityId: 'p1.x',
  dataset: 'ds',
  agency: 'ag',
  schema: 'Person',
  prop,
  propType: 'name',
  value,
  seq: 0,
  ...over,
});

const fragment = (drafts: StatementDraft[]): FragmentWrite => ({
  entityId: 'p1.x',
  originalId: 'p1',
  schema: 'Person',
  caption: drafts[0]?.value ?? 'Person',
  packed: packStatements(drafts),
  shareable: draftsShareable(drafts),
});

const head = { dataset_id: 'ds', entity_id: 'p1.x', agency_id: 'ag', schema: 'Person' };

describe('mergePacked', () => {
  it('packs what the two fragments state, the first one’s values first, as packStatements does', () => {
    const a = [draft('name', 'Ann'), draft('name', 'Anne', { source: 'register' })];
    const annie = draft('name', 'Annie', { tlp: 'RED' });
    const annB = draft('name', 'Ann B.', { source: 'register' });
    const b = [draft('name', 'Anne', { source: 'elsewhere' }), annie, annB];
    const merged = mergePacked(packStatements(a), packStatements(b));
    expect(merged).toBe(packStatements([...a, annie, annB]));
    expect(unpackDrafts({ ...head, statements: merged }).map((d) => [d.value, d.source, d.tlp])).toEqual([
      ['Ann', DEFAULT_MARKING.source, 'AMBER'],
      ['Anne', 'register', 'AMBER'],
      ['Annie', DEFAULT_MARKING.source, 'RED'],
      ['Ann B.', 'register', 'AMBER'],
    ]);
  });

  it('gives the first fragment itself when the second adds no value, whatever its markings', () => {
    const a = packStatements([draft('name', 'Ann'), draft('firstName', 'Ann')]);
    expect(mergePacked(a, packStatements([draft('name', 'Ann', { collected: '2024-05-01' })]))).toBe(a);
    expect(mergePacked(a, packStatements([draft('firstName', 'Ann'), draft('name', 'Ann')]))).toBe(a);
    expect(mergePacked(a, packStatements([]))).toBe(a);
  });
});

describe.each(dialects)('WritesRepo on %s', (dialect) => {
  let loc: TestLocation;
  let store: Store | undefined;
  const open = async (): Promise<Store> => {
    loc = await freshLocation(dialect);
    store = await openStore(loc.config);
    await seedDataset(store, 'ds', 'ag');
    return store;
  };
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await loc.cleanup();
  });

  it('adds up an entity’s fragments across batches of one run, and keeps the first marking of a value', async () => {
    const s = await open();
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [fragment([draft('name', 'Ann')])]);
    // A later row restating the value under another marking changes nothing.
    await s.writes.writeBatch('run1', 'ds', 'ag', 1, [
      fragment([draft('name', 'Ann', { collected: '2024-05-01' })]),
    ]);
    await s.writes.writeBatch('run1', 'ds', 'ag', 2, [fragment([draft('name', 'Anne', { tlp: 'RED' })])]);
    const scope = { agency: '*', datasets: ['ds'], partial: [] };
    const [f] = await s.entities.fragments(['p1.x'], scope);
    expect(f?.statements.map((st) => [st.value, st.collected, st.tlp])).toEqual([
      ['Ann', null, 'AMBER'],
      ['Anne', null, 'RED'],
    ]);
    expect(await s.entities.list({ scope, limit: 10, offset: 0 })).toEqual({ total: 1, entityIds: ['p1.x'] });
  });
});

describe('WritesRepo on SQLite', () => {
  let loc: TestLocation;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await loc.cleanup();
  });

  it('gives the connection back with its own durability settings', async () => {
    loc = await freshLocation('sqlite');
    const s = await openStore(loc.config);
    store = s;
    await seedDataset(s, 'ds', 'ag');
    const settings = async (): Promise<unknown[]> => [
      (await sql<{ synchronous: number }>`pragma synchronous`.execute(s.db)).rows[0]?.synchronous,
      (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(s.db)).rows[0]
        ?.wal_autocheckpoint,
    ];
    const before = await settings();
    expect(before).toEqual([2, 1000]); // FULL, SQLite's default
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [fragment([draft('name', 'Ann')])]);
    expect(await settings()).toEqual(before);
    await expect(
      s.writes.writeBatch('run1', 'no-such-dataset', 'ag', 1, [fragment([draft('name', 'Bob')])]),
    ).rejects.toThrow();
    expect(await settings()).toEqual(before);
  });
});
