import { DEFAULT_MARKING, type StatementDraft } from '@clew/core';
import { sql } from 'kysely';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect } from './db.js';
import { openStore, type Store } from './store.js';
import type { ReadScope } from './repos/entities.repo.js';
import type { FragmentWrite } from './repos/writes.repo.js';
import { draftsShareable, packStatements } from './repos/fragment-codec.js';
import { freshLocation, seedDataset, testDialects } from './testing/dialects.js';
import { freshStores } from './testing/fresh-stores.js';

const dialects = await testDialects();

const draft = (
  entityId: string,
  prop: string,
  value: string,
  seq: number,
  over: Partial<StatementDraft> = {},
): StatementDraft => ({
  ...DEFAULT_MARKING,
  entityId,
  dataset: 'ds',
  agency: 'ag',
  schema: 'Person',
  prop,
  propType: 'name',
  value,
  seq,
  ...over,
});

const fragmentOf = (id: string, drafts: StatementDraft[]): FragmentWrite => ({
  entityId: `${id}.x`,
  originalId: id,
  schema: 'Person',
  caption: drafts[0]?.value ?? 'Person',
  packed: packStatements(drafts),
  shareable: draftsShareable(drafts),
});

const fragment = (id: string, names: string[]): FragmentWrite =>
  fragmentOf(
    id,
    names.map((n, i) => draft(`${id}.x`, 'name', n, i)),
  );

const seed = (store: Store): Promise<void> => seedDataset(store, 'ds', 'ag');

describe.each(dialects)('store on %s', (dialect) => {
  const stores = freshStores(dialect, seed);
  it('migrates a new database and reopens it without change', async () => {
    await stores.open();
    const again = await stores.reopen();
    expect((await again.agencies.list()).map((a) => a.id)).toEqual(['ag']);
  });

  it('refuses a database written by a newer Clew, and changes nothing', async () => {
    const s = await stores.open();
    await sql`insert into clew_migration (name, timestamp) values ('9999-from-the-future', '2099-01-01')`.execute(
      s.db,
    );
    await s.close();
    stores.release();
    await expect(openStore(stores.location.config)).rejects.toThrow(
      /newer version of Clew.*9999-from-the-future/,
    );
    const conn = await connect(stores.location.config);
    const rows = await conn.db.selectFrom('agencies').select('id').execute();
    await conn.close();
    expect(rows).toHaveLength(1);
  });

  it('writes a batch, lists it in import order and counts it by schema', async () => {
    const s = await stores.open();
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [
      fragment('p1', ['Ann']),
      fragment('p2', ['Bob']),
      fragment('p3', ['Cy']),
    ]);
    const page = await s.entities.list({ scope: whole(['ds']), limit: 2, offset: 1 });
    expect(page).toEqual({ total: 3, entityIds: ['p2.x', 'p3.x'] });
    expect(await s.entities.countsBySchema(whole(['ds']))).toEqual([
      { dataset: 'ds', schema: 'Person', count: 3 },
    ]);
    expect(await s.entities.list({ scope: whole([]), limit: 10, offset: 0 })).toEqual({
      total: 0,
      entityIds: [],
    });
  });

  it('replaces what an earlier run wrote, and adds up fragments of the same run', async () => {
    const s = await stores.open();
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [fragment('p1', ['Ann', 'Anne'])]);
    await s.writes.writeBatch('run2', 'ds', 'ag', 1, [fragment('p1', ['Annie'])]);
    let [f] = await s.entities.fragments(['p1.x'], whole(['ds']));
    expect(f?.statements.map((st) => st.value)).toEqual(['Annie']);
    await s.writes.writeBatch('run2', 'ds', 'ag', 2, [fragment('p1', ['Annie', 'Ann B.'])]);
    [f] = await s.entities.fragments(['p1.x'], whole(['ds']));
    expect(f?.statements.map((st) => st.value)).toEqual(['Annie', 'Ann B.']);
    expect(f?.statements.map((st) => st.seq)).toEqual([0, 1]);
  });

  it('keeps each statement’s marking and derives stable statement ids', async () => {
    const s = await stores.open();
    const f = fragmentOf('p1', [
      draft('p1.x', 'name', 'Ann', 0),
      draft('p1.x', 'nationality', 'er', 1, {
        propType: 'country',
        tlp: 'RED',
        handling: 'H3',
        handlingConditions: 'ask first',
      }),
    ]);
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [f]);
    const [read] = await s.entities.fragments(['p1.x'], whole(['ds']));
    const nat = read?.statements[1];
    expect(nat).toMatchObject({
      prop: 'nationality',
      propType: 'country',
      tlp: 'RED',
      handling: 'H3',
      handlingConditions: 'ask first',
    });
    expect(nat?.id).toMatch(/^[0-9a-f]{40}$/);
    expect(read?.statements[0]?.tlp).toBe('AMBER');
  });

  it('reads another agency’s shared dataset only where a fragment holds a statement that may leave it', async () => {
    const s = await stores.open();
    const red = fragmentOf('p1', [draft('p1.x', 'name', 'Ann', 0, { tlp: 'RED' })]);
    const mixed = fragmentOf('p2', [
      draft('p2.x', 'name', 'Bob', 0, { tlp: 'AMBER+STRICT' }),
      draft('p2.x', 'name', 'Bobby', 1, { tlp: 'GREEN' }),
    ]);
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [red, mixed]);
    await s.sharing.grant({ dataset: 'ds', granteeKind: 'agency', granteeId: 'other' }, 'test', 'now');
    const partial = { agency: 'other', datasets: ['ds'], partial: ['ds'] };
    expect(await s.entities.list({ scope: partial, limit: 10, offset: 0 })).toEqual({
      total: 1,
      entityIds: ['p2.x'],
    });
    expect(await s.entities.countsBySchema(partial)).toEqual([{ dataset: 'ds', schema: 'Person', count: 1 }]);
    expect((await s.entities.fragments(['p1.x', 'p2.x'], partial)).map((f) => f.entityId)).toEqual(['p2.x']);
    expect((await s.entities.fragments(['p1.x', 'p2.x'], whole(['ds']))).map((f) => f.entityId)).toEqual([
      'p1.x',
      'p2.x',
    ]);
  });

  it('keeps agencies apart below the application: row-level security on PostgreSQL, a row guard on SQLite', async () => {
    const s = await stores.open({ unsafeWithoutReadChecks: true });
    await s.agencies.insert({
      id: 'other',
      name: 'Other',
      kind: 'police',
      country: 'fr',
      created_at: '2026-01-01',
    });
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, [fragment('p1', ['Ann'])]);
    // The query's own filter is off: ask for agency `other`'s view while naming only its (empty) scope.
    const scope: ReadScope = { agency: 'other', datasets: ['none'], partial: [] };
    const read = Promise.all([
      s.entities.fragments(['p1.x'], scope),
      s.entities.list({ scope, limit: 10, offset: 0 }),
      s.entities.countsBySchema(scope),
    ]);
    if (dialect === 'postgres') {
      // The application acts as a role that is no superuser, no owner and cannot bypass RLS.
      const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owner: boolean }>`
        select r.rolsuper, r.rolbypassrls, (select tableowner = current_user from pg_tables where tablename = 'fragments' and schemaname = current_schema()) as owner
        from pg_roles r where r.rolname = current_user`.execute(s.db);
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owner: false });
      expect(await read).toEqual([[], { total: 0, entityIds: [] }, []]);
      // Shared with `other`, a fragment that may leave its agency becomes visible — through RLS alone.
      await s.sharing.grant({ dataset: 'ds', granteeKind: 'agency', granteeId: 'other' }, 'test', 'now');
      const shared: ReadScope = { agency: 'other', datasets: ['ds'], partial: ['ds'] };
      expect((await s.entities.fragments(['p1.x'], shared)).map((f) => f.entityId)).toEqual(['p1.x']);
    } else {
      await expect(read).rejects.toThrow('read guard');
    }
  });

  it('writes nothing of a batch that fails half-way', async () => {
    const s = await stores.open();
    await expect(
      s.writes.writeBatch('run1', 'no-such-dataset', 'ag', 0, [
        fragment('p1', ['Ann']),
        fragment('p2', ['Bob']),
      ]),
    ).rejects.toThrow();
    expect(await s.entities.list({ scope: whole(['no-such-dataset', 'ds']), limit: 10, offset: 0 })).toEqual({
      total: 0,
      entityIds: [],
    });
  });

  it('reads a whole dataset back in pages, in import order', async () => {
    const s = await stores.open();
    const batch = Array.from({ length: 25 }, (_, i) => fragment(`p${i}`, [`N${i}`]));
    await s.writes.writeBatch('run1', 'ds', 'ag', 0, batch);
    const seen: string[] = [];
    for await (const f of s.entities.datasetFragments('ds', 7)) seen.push(f.originalId);
    expect(seen).toEqual(batch.map((b) => b.originalId));
    expect(await s.writes.nextSeq('ds')).toBe(25);
  });
});

const whole = (datasets: string[]): ReadScope => ({ agency: '*', datasets, partial: [] });

describe('SQLite store files', () => {
  it('refuses a second writer with a clear message', async () => {
    const loc = await freshLocation('sqlite');
    const first = await openStore(loc.config);
    try {
      await expect(openStore(loc.config)).rejects.toThrow(/already open for writing by process \d+/);
    } finally {
      await first.close();
    }
    const again = await openStore(loc.config);
    await again.close();
    await loc.cleanup();
  });

  it('refuses a file that is not a database, naming it', async () => {
    const loc = await freshLocation('sqlite');
    writeFileSync(join(loc.config.dataDir, 'clew.sqlite'), 'name,phone\nAnn,123\n');
    await expect(openStore(loc.config)).rejects.toThrow(/clew\.sqlite is not a Clew database/);
    await loc.cleanup();
  });

  it('uses WAL and synchronous=FULL', async () => {
    const loc = await freshLocation('sqlite');
    const s = await openStore(loc.config);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(s.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(s.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(sync.rows[0]?.synchronous).toBe(2);
    await s.close();
    await loc.cleanup();
  });
});
