import { chainHash, checkpointMessage, GENESIS_HASH, type AuditCheckpoint } from './audit-chain.js';
import type { ChainedRecord } from './audit-entry.js';
import type { ChainHashing, SignatureVerifier } from './audit-ports.js';

/** Why verification failed. */
export type AuditProblem =
  | 'out-of-order'
  | 'missing-entries'
  | 'broken-link'
  | 'hash-mismatch'
  | 'checkpoint-mismatch'
  | 'missing-checkpoint'
  | 'checkpoint-gap'
  | 'bad-signature'
  | 'untrusted-key'
  | 'truncated';

/** The first thing that fails: the entry (seq) where it shows, and a sentence saying what. */
export interface AuditFailure {
  problem: AuditProblem;
  seq: number;
  checkpoint?: number;
  message: string;
}

/** The outcome of a verification. */
export interface AuditVerification {
  ok: boolean;
  /** Entries checked (up to the failure). */
  entries: number;
  checkpoints: number;
  /** The last entry checked, and its hash (the head, when ok). */
  lastSeq: number;
  lastHash: string;
  failure?: AuditFailure;
}

/** What verification may assume. */
export interface VerifyOptions {
  /** Key ids the verifier trusts (the hub's key); without it, any key that verifies is accepted. */
  trustedKeyIds?: readonly string[] | undefined;
  /** Checkpoints are due every `interval` entries: a missing one is a failure. */
  interval?: number | undefined;
}

/**
 * Verifies a chain streamed in seq order against its checkpoints (all given up front): feed entries
 * with `add` (false once a failure is found: stop reading), then `finish`. Reports the failure at
 * the lowest seq, whether found in an entry or in a checkpoint.
 */
export class ChainVerifier {
  private readonly bySeq = new Map<number, AuditCheckpoint>();
  private checkpointFailure: AuditFailure | undefined;
  private entryFailure: AuditFailure | undefined;
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  private count = 0;

  constructor(
    private readonly hashing: ChainHashing,
    signatures: SignatureVerifier,
    private readonly checkpoints: readonly AuditCheckpoint[],
    private readonly options: VerifyOptions = {},
  ) {
    const trusted = options.trustedKeyIds ? new Set(options.trustedKeyIds) : undefined;
    let prevSeq = 0;
    checkpoints.forEach((c, i) => {
      const fail = (problem: AuditProblem, message: string): void => {
        if (!this.checkpointFailure || c.seq < this.checkpointFailure.seq)
          this.checkpointFailure = { problem, seq: c.seq, checkpoint: c.n, message };
      };
      if (c.n !== i + 1) fail('checkpoint-gap', `checkpoint ${i + 1} is missing (next one found: ${c.n})`);
      else if (c.seq <= prevSeq) fail('checkpoint-gap', `checkpoint ${c.n} does not follow checkpoint ${i}`);
      else if (signatures.keyIdOf(c.publicKey) !== c.keyId)
        fail('bad-signature', `checkpoint ${c.n} names key ${c.keyId} but carries another key`);
      else if (trusted && !trusted.has(c.keyId))
        fail('untrusted-key', `checkpoint ${c.n} is signed with key ${c.keyId}, not the hub's key`);
      else if (!signatures.verify(c.publicKey, checkpointMessage(c), c.signature))
        fail('bad-signature', `checkpoint ${c.n} (entry ${c.seq}) has an invalid signature`);
      prevSeq = Math.max(prevSeq, c.seq);
      if (this.checkpointFailure?.checkpoint !== c.n) this.bySeq.set(c.seq, c);
    });
  }

  /** Check the next entry; false once the chain has failed. */
  add(r: ChainedRecord): boolean {
    if (this.entryFailure) return false;
    const expected = this.lastSeq + 1;
    if (r.seq < expected) {
      return this.fail(
        'out-of-order',
        r.seq,
        `entry ${r.seq} is out of sequence (expected ${expected}): entries were reordered or renumbered`,
      );
    }
    if (r.seq > expected) {
      const range = r.seq - 1 === expected ? `entry ${expected} is` : `entries ${expected}-${r.seq - 1} are`;
      return this.fail('missing-entries', expected, `${range} missing`);
    }
    if (r.prevHash !== this.lastHash) {
      return this.fail(
        'broken-link',
        r.seq,
        `entry ${r.seq} does not link to entry ${this.lastSeq}: it or its predecessor was altered or removed`,
      );
    }
    const hash = chainHash(this.hashing, this.lastHash, r);
    if (hash !== r.hash)
      return this.fail(
        'hash-mismatch',
        r.seq,
        `entry ${r.seq} was altered: its content does not match its hash`,
      );
    const c = this.bySeq.get(r.seq);
    if (c && c.hash !== hash) {
      return this.fail(
        'checkpoint-mismatch',
        r.seq,
        `entry ${r.seq} differs from signed checkpoint ${c.n}: the chain was rewritten after entry ${this.previousCheckpointSeq(r.seq)}`,
      );
    }
    const interval = this.options.interval;
    if (!c && interval && r.seq % interval === 0) {
      return this.fail('missing-checkpoint', r.seq, `the checkpoint due at entry ${r.seq} is missing`);
    }
    this.lastSeq = r.seq;
    this.lastHash = hash;
    this.count++;
    return true;
  }

  /** The verdict, once every entry has been added. */
  finish(): AuditVerification {
    let failure = this.entryFailure;
    const cf = this.checkpointFailure;
    if (cf && (!failure || cf.seq <= failure.seq)) failure = cf;
    if (!failure) {
      const beyond = this.checkpoints.find((c) => c.seq > this.lastSeq);
      if (beyond) {
        failure = {
          problem: 'truncated',
          seq: this.lastSeq + 1,
          checkpoint: beyond.n,
          message: `entries after ${this.lastSeq} are missing: checkpoint ${beyond.n} was signed at entry ${beyond.seq}`,
        };
      }
    }
    return {
      ok: failure === undefined,
      entries: this.count,
      checkpoints: this.checkpoints.length,
      lastSeq: this.lastSeq,
      lastHash: this.lastHash,
      ...(failure ? { failure } : {}),
    };
  }

  private previousCheckpointSeq(seq: number): number {
    let best = 0;
    for (const c of this.checkpoints) if (c.seq < seq && c.seq > best) best = c.seq;
    return best;
  }

  private fail(problem: AuditProblem, seq: number, message: string): false {
    this.entryFailure = { problem, seq, message };
    return false;
  }
}

/** Verify a whole chain held in memory. */
export const verifyChain = (
  hashing: ChainHashing,
  signatures: SignatureVerifier,
  entries: Iterable<ChainedRecord>,
  checkpoints: readonly AuditCheckpoint[],
  options: VerifyOptions = {},
): AuditVerification => {
  const v = new ChainVerifier(hashing, signatures, checkpoints, options);
  for (const e of entries) if (!v.add(e)) break;
  return v.finish();
};
