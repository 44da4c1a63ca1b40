import { DEFAULT_MARKING, type StatementDraft } from '@clew/core';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDataset, testDialects } from '../testing/dialects.js';
import { freshStores } from '../testing/fresh-stores.js';
import { draftsShareable, mergePacked, packStatements, unpackDrafts } from './fragment-codec.js';
import { SYSTEM_AGENCY, withAgency } from './agency-scope.js';
import { sameRunOnPostgres, type FragmentWrite } from './writes.repo.js';

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
  const stores = freshStores(dialect, (s) => seedDataset(s, 'ds', 'ag'));

  it('adds up an entity’s fragments across batches of one run, and keeps the first marking of a value', async () => {
    const s = await stores.open();
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
  const stores = freshStores('sqlite', (s) => seedDataset(s, 'ds', 'ag'));

  it('gives the connection back with its own durability settings', async () => {
    const s = await stores.open();
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

describe('WritesRepo on SQLite, at the end of an import', () => {
  const stores = freshStores('sqlite', (s) => seedDataset(s, 'ds', 'ag'));

  it('copies what the import left in the write-ahead log into the database', async () => {
    const s = await stores.open();
    const file = join(stores.location.config.dataDir, 'clew.sqlite');
    const batch = Array.from({ length: 3_000 }, (_, i) => {
      const entityId = `p${String(i)}.${'0'.repeat(40)}`;
      return { ...fragment([draft('name', `Ann ${String(i)}`, { entityId })]), entityId };
    });
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, batch, () => false);
    // A batch does not checkpoint below BULK_AUTOCHECKPOINT pages: its pages are in the log alone.
    const before = statSync(file).size;
    await s.writes.settleLog();
    expect(statSync(file).size).toBeGreaterThan(before + 3_000 * 50);
  });
});

// PostgreSQL only (where it runs: always in CI, see testDialects).
describe.each(dialects.filter((d) => d === 'postgres'))('WritesRepo on %s alone', (dialect) => {
  const stores = freshStores(dialect, (s) => seedDataset(s, 'ds', 'ag'));

  it('looks up a run’s earlier fragments by key, on a table bulk-loaded faster than it was analyzed', async () => {
    const s = await stores.open();
    const ids = Array.from({ length: 30_000 }, (_, i) => `p${String(i)}.${'0'.repeat(40)}`);
    for (let at = 0; at < ids.length; at += 5_000) {
      const batch = ids.slice(at, at + 5_000).map((entityId) => ({
        ...fragment([draft('name', `Ann ${entityId}`, { entityId })]),
        entityId,
      }));
      await s.writes.writeBatch('run1', 'ds', 'ag', at, batch, () => false);
    }
    const asked = ids.filter((_, i) => i % 30 === 0); // 1,000 ids, as a batch of repeated entities asks
    const plan = await withAgency(s.db, SYSTEM_AGENCY, async (db) => {
      await sql`set local jit = off`.execute(db);
      return sql<{ 'QUERY PLAN': string }>`explain ${sameRunOnPostgres(asked, 'ds', 'run1')}`.execute(db);
    });
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    // `entity_id in (…)` was planned as a scan of every fragment here; one key look-up per id is not.
    expect(text).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(text).not.toMatch(/Seq Scan on fragments/);
    const found = await withAgency(s.db, SYSTEM_AGENCY, (db) =>
      sameRunOnPostgres(asked, 'ds', 'run1').execute(db),
    );
    expect(found.rows.map((r) => r.entity_id).sort()).toEqual([...asked].sort());
  });
});
