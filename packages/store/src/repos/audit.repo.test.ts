import { auditRecordOf, GENESIS_HASH, linkRecord, operatorActor, type ChainedRecord } from '@clew/core';
import { sql } from 'kysely';
import { hash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { freshLocation, testDialects, type TestLocation } from '../testing/dialects.js';
import { connect } from '../db.js';
import { AuditRepo, type AuditHead } from './audit.repo.js';

const hashing = { sha256Hex: (s: string) => hash('sha256', s, 'hex') };

/** Append `n` entries after whatever head the lock gives. */
const appendN = (store: { audit: AuditRepo }, n: number, tag: string) =>
  store.audit.append((head: AuditHead) => {
    const entries: ChainedRecord[] = [];
    let prev = head.hash;
    for (let i = 1; i <= n; i++) {
      const draft = auditRecordOf(
        operatorActor(tag),
        { action: 'read', targets: [`${tag}-${i}`] },
        head.seq + i,
        new Date().toISOString(),
      );
      const r = linkRecord(hashing, prev, draft);
      entries.push(r);
      prev = r.hash;
    }
    return { entries, checkpoints: [] };
  });

/** True when the stored entries form one gapless chain. */
const isOneChain = async (store: { audit: AuditRepo }): Promise<boolean> => {
  let prev = GENESIS_HASH;
  let seq = 0;
  for await (const page of store.audit.scan(Number.MAX_SAFE_INTEGER, 7)) {
    for (const r of page) {
      if (r.seq !== ++seq || r.prevHash !== prev || linkRecord(hashing, prev, r).hash !== r.hash)
        return false;
      prev = r.hash;
    }
  }
  return true;
};

for (const dialect of await testDialects()) {
  describe(`audit repo on ${dialect}`, () => {
    let location: TestLocation;
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      location = await freshLocation(dialect);
      a = await openStore(location.config);
      // A second connection: another server process on PostgreSQL, a read-only CLI on SQLite (whose
      // appends open their own short write connection). Read-only: the first one migrated.
      b = await openStore({ ...location.config, readonly: true });
    });
    afterAll(async () => {
      await b.close();
      await a.close();
      await location.cleanup();
    });

    it('serialises appends from two connections into one chain', async () => {
      const appends = Array.from(
        { length: 12 },
        (_, i) => () => appendN(i % 2 ? a : b, 3, i % 2 ? 'a' : 'b'),
      );
      if (dialect === 'postgres') await Promise.all(appends.map((f) => f()));
      // better-sqlite3 waits for a lock synchronously: two connections of one process must take turns
      // (across processes, as with `clew serve` and a read-only CLI command, BEGIN IMMEDIATE queues them).
      else for (const f of appends) await f();
      expect(await a.audit.head()).toMatchObject({ seq: 36, checkpoints: 0 });
      expect(await isOneChain(a)).toBe(true);
    });

    it('continues the chain from the table after a write outside the appends', async () => {
      await appendN(a, 2, 'a');
      const { seq } = await a.audit.head();
      // Through the same connection (a repair, a test's tampering): the head the last append left is stale.
      await a.db.deleteFrom('audit_entries').where('seq', '=', seq).execute();
      await appendN(a, 1, 'a');
      expect(await a.audit.head()).toMatchObject({ seq });
      expect(await isOneChain(a)).toBe(true);
      // And after another connection's append (a read-only store's own write connection on SQLite).
      await appendN(b, 1, 'b');
      await appendN(a, 1, 'a');
      expect(await a.audit.head()).toMatchObject({ seq: seq + 2 });
      expect(await isOneChain(a)).toBe(true);
      await a.db.deleteFrom('audit_entries').where('seq', '>', 36).execute();
    });

    it('finds entries by target, actor and action, newest first, and pages', async () => {
      expect((await a.audit.list({ target: 'a-2', limit: 50 })).every((r) => r.targets === '["a-2"]')).toBe(
        true,
      );
      const byB = await a.audit.list({ actorId: 'b', limit: 5 });
      expect(byB).toHaveLength(5);
      expect(byB.every((r) => r.actorId === 'b')).toBe(true);
      const next = await a.audit.list({ actorId: 'b', limit: 100, beforeSeq: byB[4]?.seq });
      expect(next).toHaveLength(13);
      expect(await a.audit.list({ action: 'export', limit: 5 })).toEqual([]);
    });
  });
}

describe('audit repo on sqlite, flushing the write-ahead log itself', () => {
  it('leaves the connection’s other commits FULL, and its own readable by every connection', async () => {
    const location = await freshLocation('sqlite');
    const store = await openStore(location.config);
    const reader = await openStore({ ...location.config, readonly: true });
    try {
      await appendN(store, 2, 'a');
      await appendN(store, 3, 'a');
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
      expect(rows[0]?.synchronous).toBe(2);
      expect(await reader.audit.head()).toMatchObject({ seq: 5 });
      expect(await isOneChain(reader)).toBe(true);
    } finally {
      await reader.close();
      await store.close();
      await location.cleanup();
    }
  });
});

describe('audit repo on sqlite, on the connection under Kysely', () => {
  it('keeps one chain, sees writes outside its appends and leaves the connection’s commits FULL', async () => {
    const location = await freshLocation('sqlite');
    await (await openStore(location.config)).close(); // migrated
    const conn = await connect(location.config);
    const audit = new AuditRepo(conn.db, 'sqlite', undefined, conn.sqlite);
    try {
      await appendN({ audit }, 3, 'a');
      await conn.db.deleteFrom('audit_entries').where('seq', '=', 3).execute();
      await appendN({ audit }, 2, 'a');
      expect(await audit.head()).toMatchObject({ seq: 4 });
      expect(await isOneChain({ audit })).toBe(true);
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(conn.db);
      expect(rows[0]?.synchronous).toBe(2);
      // A failed append writes nothing and leaves the connection usable.
      await expect(
        audit.append(() => {
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      await appendN({ audit }, 1, 'a');
      expect(await audit.head()).toMatchObject({ seq: 5 });
      expect(await isOneChain({ audit })).toBe(true);
    } finally {
      await audit.close();
      await conn.close();
      await location.cleanup();
    }
  });
});
