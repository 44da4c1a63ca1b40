import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { DEFAULT_MARKING, type StatementDraft } from '@clew/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { openStore, type Store } from '../store.js';
import { freshLocation, seedDataset, testDialects, type TestLocation } from '../testing/dialects.js';
import { draftsShareable, packStatements } from './fragment-codec.js';
import { fragmentsQuery, inScope, type ReadScope } from './entities.repo.js';

// Kysely that only compiles, to compare the written-out SQL with what the query builder made of it.
const compiler = (postgres: boolean): Kysely<Database> =>
  new Kysely<Database>({
    dialect: {
      createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });

const SCOPES: ReadScope[] = [
  { agency: 'a', datasets: ['ds'], partial: [] },
  { agency: 'a', datasets: ['ds', 'other', 'third'], partial: [] },
  { agency: 'a', datasets: ['shared'], partial: ['shared'] },
  { agency: 'a', datasets: ['ds', 'shared', 'third', 'more'], partial: ['shared', 'more'] },
];

describe('entities repo: reading fragments', () => {
  for (const postgres of [false, true]) {
    it(`writes out the query the builder makes, on ${postgres ? 'PostgreSQL' : 'SQLite'}`, () => {
      const db = compiler(postgres);
      for (const scope of SCOPES) {
        for (const ids of [['p1'], ['p1', 'p2', 'p3', 'p4', 'p5']]) {
          const built = inScope(db.selectFrom('fragments').selectAll(), scope)
            .where('entity_id', 'in', ids)
            .orderBy('entity_id')
            .orderBy('dataset_id')
            .compile();
          const written = fragmentsQuery(postgres, ids, scope);
          expect(written.sql).toBe(built.sql);
          expect(written.parameters).toEqual(built.parameters);
        }
      }
    });
  }
});

const draft = (entityId: string, value: string, seq: number, tlp: StatementDraft['tlp']): StatementDraft => ({
  ...DEFAULT_MARKING,
  entityId,
  dataset: 'ds',
  agency: 'ag',
  schema: 'Person',
  prop: 'name',
  propType: 'name',
  value,
  seq,
  tlp,
});

for (const dialect of await testDialects()) {
  describe(`entities repo on ${dialect}`, () => {
    let location: TestLocation;
    let store: Store;
    beforeAll(async () => {
      location = await freshLocation(dialect);
      store = await openStore(location.config);
      await seedDataset(store, 'ds', 'ag');
      const people: [string, StatementDraft['tlp']][] = [
        ['p1', 'RED'],
        ['p2', 'GREEN'],
        ['p3', 'AMBER'],
      ];
      await store.writes.writeBatch(
        'run1',
        'ds',
        'ag',
        0,
        people.map(([id, tlp]) => {
          const drafts = [draft(`${id}.x`, `${id} name`, 0, tlp), draft(`${id}.x`, `${id} alias`, 1, tlp)];
          return {
            entityId: `${id}.x`,
            originalId: id,
            schema: 'Person',
            caption: `${id} name`,
            packed: packStatements(drafts),
            shareable: draftsShareable(drafts),
          };
        }),
      );
      await store.agencies.insert({
        id: 'other',
        name: 'Other',
        kind: 'police',
        country: 'fr',
        created_at: 'now',
      });
      await store.sharing.grant({ dataset: 'ds', granteeKind: 'agency', granteeId: 'other' }, 'test', 'now');
    });
    afterAll(async () => {
      await store.close();
      await location.cleanup();
    });

    it('reads fragments through the written-out query, whole and shared, with or without statement ids', async () => {
      const ids = ['p3.x', 'p1.x', 'p2.x', 'none.x'];
      const whole = { agency: 'ag', datasets: ['ds'], partial: [] };
      const shared = { agency: 'other', datasets: ['ds'], partial: ['ds'] };
      const all = await store.entities.fragments(ids, whole);
      expect(all.map((f) => f.entityId)).toEqual(['p1.x', 'p2.x', 'p3.x']);
      expect(all[0]?.statements.map((st) => st.id)).toEqual([
        expect.stringMatching(/^[0-9a-f]{40}$/),
        expect.stringMatching(/^[0-9a-f]{40}$/),
      ]);
      // Only the fragments holding a statement that may leave the agency (not RED).
      expect((await store.entities.fragments(ids, shared)).map((f) => f.entityId)).toEqual(['p2.x', 'p3.x']);
      const drafts = await store.entities.fragmentDrafts(ids, whole);
      expect(drafts).toEqual(
        all.map((f) => ({ ...f, statements: f.statements.map(({ id: _id, ...rest }) => rest) })),
      );
      expect(await store.entities.fragmentDrafts([], whole)).toEqual([]);
    });
  });
}
