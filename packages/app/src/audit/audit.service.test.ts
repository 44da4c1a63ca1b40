import fc from 'fast-check';
import { operatorActor, type Actor } from '@clew/core';
import { testDialects, freshLocation, type TestLocation } from '@clew/store/testing';
import { sql, type RawBuilder } from 'kysely';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../hub.js';
import { verifyExport } from './audit-export.js';
import { loadAuditSigner, signerOf } from './audit-keys.js';
import { generateKeyPairSync } from 'node:crypto';

const operator = operatorActor();
const analyst: Actor = { kind: 'user', userId: 'u-analyst', agencyId: 'police-it', roles: ['analyst'] };
const auditor: Actor = { kind: 'user', userId: 'u-auditor', agencyId: 'police-it', roles: ['auditor'] };
const EVERY = 10;
const ENTRIES = 35;

// The columns a tamperer could change, with how to read them as text.
const COLUMNS = [
  'seq',
  'at',
  'actor_kind',
  'actor_id',
  'action',
  'targets',
  'purpose',
  'outcome',
  'details',
  'prev_hash',
  'hash',
] as const;
type Column = (typeof COLUMNS)[number];

for (const dialect of await testDialects()) {
  describe(`audit log on ${dialect}`, () => {
    let location: TestLocation;
    let hub: Hub;

    const raw = () => hub.store.db;
    // DDL needs the tables' owner: on PostgreSQL the hub acts as a non-owning application role.
    const asOwner = async (q: RawBuilder<unknown>): Promise<void> => {
      if (dialect === 'sqlite') await q.execute(raw());
      else
        await raw()
          .transaction()
          .execute(async (trx) => {
            await sql`set local role none`.execute(trx);
            await q.execute(trx);
          });
    };
    const verify = () => hub.audit.verify(operator);
    // Verification itself appends an entry: compare only what it says about the chain.
    const failureOf = async () => (await verify()).failure;
    const rowsFrom = async (seq: number) =>
      raw().selectFrom('audit_entries').selectAll().where('seq', '>=', seq).orderBy('seq').execute();

    beforeAll(async () => {
      location = await freshLocation(dialect);
      const { dataDir, databaseUrl, pgSchema } = location.config;
      hub = await openHub(
        { dataDir, databaseUrl },
        { auditCheckpointEvery: EVERY, ...(pgSchema ? { pgSchema } : {}) },
      );
      for (let i = 1; i <= ENTRIES; i++) {
        await hub.audit.record(i % 2 ? analyst : operator, {
          action: i % 3 ? 'read' : 'export',
          targets: [`p${i}.0123456789abcdef`],
          purpose: i % 3 ? '' : 'case 2024/117',
          details: { results: i },
        });
      }
    });
    afterAll(async () => {
      await hub.close();
      await location.cleanup();
    });

    it('keeps one chain with checkpoints and verifies it', async () => {
      const r = await verify();
      expect(r).toMatchObject({ ok: true, checkpoints: 3 });
      expect(r.entries).toBeGreaterThanOrEqual(ENTRIES);
      const mode = statSync(join(location.config.dataDir, 'audit-key.pem')).mode & 0o777;
      expect(mode).toBe(0o600);
    });

    it('serialises concurrent records into one gapless chain', async () => {
      const before = (await hub.store.audit.head()).seq;
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          hub.audit.record(analyst, { action: 'search', purpose: `q${i}` }),
        ),
      );
      expect((await hub.store.audit.head()).seq).toBe(before + 50);
      expect((await verify()).ok).toBe(true);
    });

    it('names the altered entry for a change anywhere in any stored entry', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: ENTRIES }),
          fc.constantFrom<Column>(...COLUMNS),
          fc.nat(),
          fc.integer({ min: 1, max: 94 }),
          async (seq, column, pos, delta) => {
            const h0 = (await hub.store.audit.head()).seq;
            const [row] = await rowsFrom(seq);
            if (!row) throw new Error(`no entry ${seq}`);
            const text = String(row[column]);
            // An empty field (a read without purpose) gains a character instead.
            const at = text.length === 0 ? 0 : pos % text.length;
            // Replace one printable character by another.
            const code = 32 + (((((text.charCodeAt(at) || 32) - 32 + delta) % 95) + 95) % 95);
            const changed = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
            fc.pre(changed !== text && (column !== 'seq' || /^-?\d+$/.test(changed)));
            if (column === 'seq')
              fc.pre((await rowsFrom(Number(changed))).every((r) => r.seq !== Number(changed)));
            const value = column === 'seq' ? Number(changed) : changed;
            await raw()
              .updateTable('audit_entries')
              .set({ [column]: value })
              .where('seq', '=', seq)
              .execute();
            try {
              const failure = await failureOf();
              // A renumbered entry is named by its stored seq, or as the gap it left.
              expect(column === 'seq' ? [seq, value] : [seq]).toContain(failure?.seq);
            } finally {
              await raw()
                .updateTable('audit_entries')
                .set({ [column]: row[column] })
                .where('seq', '=', column === 'seq' ? Number(value) : seq)
                .execute();
              // Verification appends its own entry after the (tampered) head: drop what it added.
              await raw().deleteFrom('audit_entries').where('seq', '>', h0).execute();
              await raw().deleteFrom('audit_checkpoints').where('seq', '>', h0).execute();
            }
          },
        ),
        { numRuns: dialect === 'sqlite' ? 150 : 60 },
      );
      expect((await verify()).ok).toBe(true);
    });

    it('detects deleted, reordered and truncated entries and removed or forged checkpoints', async () => {
      const rows = await rowsFrom(1);
      const restore = async () => {
        await raw().deleteFrom('audit_entries').execute();
        await raw().insertInto('audit_entries').values(rows).execute();
      };
      await raw().deleteFrom('audit_entries').where('seq', '=', 7).execute();
      expect(await failureOf()).toMatchObject({ problem: 'missing-entries', seq: 7 });
      await restore();

      await raw().updateTable('audit_entries').set({ seq: -4 }).where('seq', '=', 4).execute();
      await raw().updateTable('audit_entries').set({ seq: 4 }).where('seq', '=', 5).execute();
      await raw().updateTable('audit_entries').set({ seq: 5 }).where('seq', '=', -4).execute();
      expect(await failureOf()).toMatchObject({ problem: 'broken-link', seq: 4 });
      await restore();

      const head = await hub.store.audit.head();
      await raw().deleteFrom('audit_entries').where('seq', '>', 25).execute();
      expect(await failureOf()).toMatchObject({ problem: 'truncated', seq: 26 });
      await restore();
      expect(head.lastCheckpointSeq).toBeGreaterThan(25);

      const cps = await raw().selectFrom('audit_checkpoints').selectAll().orderBy('n').execute();
      await raw().deleteFrom('audit_checkpoints').where('n', '=', 2).execute();
      expect(await failureOf()).toMatchObject({ problem: 'missing-checkpoint', seq: 20 });
      await raw()
        .insertInto('audit_checkpoints')
        .values(cps.filter((c) => c.n === 2))
        .execute();

      const forger = signerOf(generateKeyPairSync('ed25519').privateKey);
      const c1 = cps[0];
      if (!c1) throw new Error('no checkpoint');
      await raw()
        .updateTable('audit_checkpoints')
        .set({ public_key: forger.publicKey, key_id: forger.keyId })
        .where('n', '=', 1)
        .execute();
      expect(await failureOf()).toMatchObject({ problem: 'untrusted-key', seq: 10 });
      await raw()
        .updateTable('audit_checkpoints')
        .set({
          public_key: c1.public_key,
          key_id: c1.key_id,
          signature: c1.signature.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')),
        })
        .where('n', '=', 1)
        .execute();
      expect(await failureOf()).toMatchObject({ problem: 'bad-signature', seq: 10 });
      await raw()
        .updateTable('audit_checkpoints')
        .set({ signature: c1.signature })
        .where('n', '=', 1)
        .execute();
      expect((await verify()).ok).toBe(true);
    });

    it('lets only auditors and administrators read, recording denials', async () => {
      await expect(hub.audit.list(analyst, { limit: 5 })).rejects.toMatchObject({ code: 'Forbidden' });
      const page = await hub.audit.list(auditor, { limit: 5, action: 'audit' });
      expect(page.results[0]).toMatchObject({
        actor: { id: 'u-analyst' },
        outcome: 'denied',
        details: { operation: 'list' },
      });
      const byTarget = await hub.audit.list(auditor, { limit: 5, target: 'p3.0123456789abcdef' });
      expect(byTarget.results.map((e) => e.seq)).toEqual([3]);
      const first = await hub.audit.list(operator, { limit: 2 });
      expect(first.next).toBe(first.results[1]?.seq);
      const second = await hub.audit.list(operator, { limit: 2, before: first.next ?? 0 });
      expect(second.results.map((e) => e.seq)).toEqual([(first.next ?? 0) - 1, (first.next ?? 0) - 2]);
    });

    it('exports a log that verifies offline, and a tampered export that does not', async () => {
      const lines: string[] = [];
      for await (const l of hub.audit.export(operator)) lines.push(l);
      const ok = await verifyExport(toLines(lines), hub.audit.keyId);
      expect(ok).toMatchObject({ ok: true });
      const i = lines.findIndex((l) => l.includes('"seq":12,'));
      const tampered = lines.map((l, j) => (j === i ? l.replace('case 2024/117', 'case 2024/118') : l));
      expect((await verifyExport(toLines(tampered))).failure).toMatchObject({
        problem: 'hash-mismatch',
        seq: 12,
      });
      const other = signerOf(generateKeyPairSync('ed25519').privateKey);
      expect((await verifyExport(toLines(lines), other.keyId)).failure).toMatchObject({
        problem: 'untrusted-key',
      });
    });

    it('fails the operation when its entry cannot be written', async () => {
      await asOwner(sql`alter table audit_entries rename to audit_entries_away`);
      try {
        let ran = false;
        const op = hub.audit.around(operator, { action: 'read', targets: ['x'] }, () => {
          ran = true;
          return Promise.resolve('data');
        });
        await expect(op).rejects.toMatchObject({ code: 'Unavailable' });
        expect(ran).toBe(true);
      } finally {
        await asOwner(sql`alter table audit_entries_away rename to audit_entries`);
      }
      await expect(hub.audit.around(operator, { action: 'read' }, () => Promise.resolve(1))).resolves.toBe(1);
    });

    it('refuses a key file other users can read', async () => {
      const file = join(location.config.dataDir, 'audit-key.pem');
      const { chmodSync } = await import('node:fs');
      chmodSync(file, 0o644);
      try {
        expect(() => loadAuditSigner(file)).toThrow(/chmod 600/);
      } finally {
        chmodSync(file, 0o600);
      }
    });
  });
}

async function* toLines(lines: readonly string[]): AsyncGenerator<string> {
  await Promise.resolve();
  yield* lines;
}
