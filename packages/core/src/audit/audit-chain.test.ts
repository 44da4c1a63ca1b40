import fc from 'fast-check';
import { createPublicKey, generateKeyPairSync, hash, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { operatorActor } from '../actor.js';
import { GENESIS_HASH, linkRecord, signCheckpoint, type AuditCheckpoint } from './audit-chain.js';
import { auditRecordOf, recordOfView, viewOfRecord, type ChainedRecord } from './audit-entry.js';
import type { ChainHashing, CheckpointSigner, SignatureVerifier } from './audit-ports.js';
import { verifyChain } from './audit-verify.js';

const hashing: ChainHashing = { sha256Hex: (s) => hash('sha256', s, 'hex') };
const keyIdOf = (pub: string): string => hash('sha256', Buffer.from(pub, 'base64'), 'hex').slice(0, 16);
const signerOf = (): CheckpointSigner => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    publicKey: pub,
    keyId: keyIdOf(pub),
    sign: (m) => sign(null, Buffer.from(m), privateKey).toString('base64'),
  };
};
const signatures: SignatureVerifier = {
  keyIdOf,
  verify: (pub, m, s) =>
    verify(
      null,
      Buffer.from(m),
      createPublicKey({ key: Buffer.from(pub, 'base64'), format: 'der', type: 'spki' }),
      Buffer.from(s, 'base64'),
    ),
};
const signer = signerOf();

/** A chain of `n` entries with a checkpoint every `every`. */
const buildChain = (n: number, every = 10): { entries: ChainedRecord[]; checkpoints: AuditCheckpoint[] } => {
  const entries: ChainedRecord[] = [];
  const checkpoints: AuditCheckpoint[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString();
    const r = linkRecord(
      hashing,
      prev,
      auditRecordOf(operatorActor(), { action: 'read', targets: [`e${seq}`], details: { n: seq } }, seq, at),
    );
    entries.push(r);
    prev = r.hash;
    if (seq % every === 0)
      checkpoints.push(signCheckpoint(signer, { n: checkpoints.length + 1, seq, hash: r.hash, at }));
  }
  return { entries, checkpoints };
};

const check = (c: { entries: ChainedRecord[]; checkpoints: AuditCheckpoint[] }, interval = 10) =>
  verifyChain(hashing, signatures, c.entries, c.checkpoints, { interval, trustedKeyIds: [signer.keyId] });

const FIELDS = [
  'at',
  'actorKind',
  'actorId',
  'action',
  'targets',
  'purpose',
  'outcome',
  'details',
  'prevHash',
  'hash',
] as const;

describe('audit chain', () => {
  it('verifies an untouched chain and round-trips entries through their view', () => {
    const c = buildChain(35);
    expect(check(c)).toMatchObject({ ok: true, entries: 35, checkpoints: 3, lastSeq: 35 });
    expect(c.entries.map((e) => recordOfView(viewOfRecord(e)))).toEqual(c.entries);
  });

  it('names the altered entry when any character of any field changes', () => {
    const base = buildChain(30);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 29 }),
        fc.constantFrom(...FIELDS),
        fc.nat(),
        fc.integer({ min: 1, max: 0xffff }),
        (i, field, pos, delta) => {
          const entries = base.entries.map((e) => ({ ...e }));
          const e = entries[i] as ChainedRecord;
          const text = e[field];
          const at = pos % Math.max(1, text.length);
          const code = ((text.charCodeAt(at) || 0) + delta) % 0x10000;
          const changed = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
          fc.pre(changed !== text);
          (e as unknown as Record<string, string>)[field] = changed;
          const r = check({ entries, checkpoints: base.checkpoints });
          expect(r.ok).toBe(false);
          expect(r.failure?.seq).toBe(e.seq);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('detects deleted, reordered and truncated entries', () => {
    const c = buildChain(25);
    const without = c.entries.filter((e) => e.seq !== 7);
    expect(check({ ...c, entries: without }).failure).toMatchObject({ problem: 'missing-entries', seq: 7 });
    const swapped = [...c.entries];
    [swapped[3], swapped[4]] = [swapped[4] as ChainedRecord, swapped[3] as ChainedRecord];
    expect(check({ ...c, entries: swapped }).failure).toMatchObject({ problem: 'missing-entries', seq: 4 });
    const truncated = c.entries.slice(0, 15);
    expect(check({ ...c, entries: truncated }).failure).toMatchObject({ problem: 'truncated', seq: 16 });
  });

  it('detects a rewritten chain, removed and forged checkpoints', () => {
    const c = buildChain(30);
    // Rewrite entry 12 and recompute every hash after it: only the checkpoint at 20 can tell.
    const rewritten = buildChain(30).entries.map((e) => ({ ...e }));
    let prev = GENESIS_HASH;
    for (const e of rewritten) {
      if (e.seq === 12) e.purpose = 'changed';
      Object.assign(e, linkRecord(hashing, prev, e));
      prev = e.hash;
    }
    expect(check({ entries: rewritten, checkpoints: c.checkpoints }).failure).toMatchObject({
      problem: 'checkpoint-mismatch',
      seq: 20,
    });
    const removed = { ...c, checkpoints: c.checkpoints.filter((k) => k.n !== 2) };
    expect(check(removed).failure).toMatchObject({ problem: 'missing-checkpoint', seq: 20 });
    expect(check(removed, 0).failure).toMatchObject({ problem: 'checkpoint-gap', seq: 30 });
    const forger = signerOf();
    const forged = c.checkpoints.map((k) =>
      k.n === 2 ? signCheckpoint(forger, { n: k.n, seq: k.seq, hash: k.hash, at: k.at }) : k,
    );
    expect(check({ ...c, checkpoints: forged }).failure).toMatchObject({ problem: 'untrusted-key', seq: 20 });
    const badSig = c.checkpoints.map((k) => (k.n === 1 ? { ...k, at: '2030-01-01T00:00:00.000Z' } : k));
    expect(check({ ...c, checkpoints: badSig }).failure).toMatchObject({ problem: 'bad-signature', seq: 10 });
  });

  it('requires the periodic checkpoints when told the interval', () => {
    const c = buildChain(20, 1000);
    expect(check(c, 10).failure).toMatchObject({ problem: 'missing-checkpoint', seq: 10 });
    expect(check(c, 1000).ok).toBe(true);
  });
});
