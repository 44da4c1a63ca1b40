import type { AuditRecord, ChainedRecord } from './audit-entry.js';
import type { ChainHashing, CheckpointSigner } from './audit-ports.js';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** A field as `<length>:<text>` (length in UTF-16 code units), or `~` for null. */
const f = (s: string | null): string => (s === null ? '~' : `${s.length}:${s}`);

/**
 * The canonical serialisation of a record: its fields in a fixed order, each length-prefixed
 * (netstring style), so no bytes can move between fields unnoticed. Concatenation only — no escaping
 * pass over the text — which is what lets a million entries verify in a few seconds.
 */
export const canonicalRecord = (r: AuditRecord): string =>
  `clew-audit-1|${r.seq}|${f(r.at)}${f(r.actorKind)}${f(r.actorId)}${f(r.actorAgency)}${f(r.action)}${f(r.targets)}${f(r.purpose)}${f(r.outcome)}${f(r.details)}`;

/** hash = SHA-256(prevHash || canonical(record)). */
export const chainHash = (hashing: ChainHashing, prevHash: string, r: AuditRecord): string =>
  hashing.sha256Hex(prevHash + canonicalRecord(r));

/** Link a record after the entry whose hash is `prevHash`. */
export const linkRecord = (hashing: ChainHashing, prevHash: string, r: AuditRecord): ChainedRecord => ({
  ...r,
  prevHash,
  hash: chainHash(hashing, prevHash, r),
});

/** What a checkpoint signs: the chain's head at one moment. */
export interface CheckpointBody {
  /** Checkpoints are numbered 1, 2, 3…: a removed one leaves a gap. */
  n: number;
  seq: number;
  hash: string;
  at: string;
}

/** A signed checkpoint, with the public key that verifies it. */
export interface AuditCheckpoint extends CheckpointBody {
  keyId: string;
  publicKey: string;
  signature: string;
}

/** The exact bytes a checkpoint's signature covers. */
export const checkpointMessage = (c: CheckpointBody & { keyId: string }): string =>
  `clew-audit-checkpoint\n${c.n}\n${c.seq}\n${c.hash}\n${c.at}\n${c.keyId}`;

/** Sign the chain's head. */
export const signCheckpoint = (signer: CheckpointSigner, body: CheckpointBody): AuditCheckpoint => ({
  ...body,
  keyId: signer.keyId,
  publicKey: signer.publicKey,
  signature: signer.sign(checkpointMessage({ ...body, keyId: signer.keyId })),
});
