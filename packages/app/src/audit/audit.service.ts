import {
  auditRecordOf,
  ChainVerifier,
  ClewError,
  isClewError,
  linkRecord,
  may,
  signCheckpoint,
  unavailable,
  viewOfRecord,
  type Actor,
  type AuditCheckpoint,
  type AuditEntryView,
  type AuditEvent,
  type AuditOutcome,
  type AuditRecord,
  type AuditVerification,
  type CheckpointSigner,
  type ChainedRecord,
} from '@clew/core';
import type { AuditFilter, AuditHead, AuditAppend, Store } from '@clew/store';
import { nodeChainHashing, nodeSignatureVerifier } from './audit-keys.js';
import { exportHeader } from './audit-export.js';

/** How often the chain is checkpointed unless told otherwise. */
export const DEFAULT_CHECKPOINT_EVERY = 1000;

/** A page of the log, newest first; `next` is the `before` of the following page. */
export interface AuditPage {
  results: AuditEntryView[];
  next: number | null;
}

/** Filters of `list` (limit at most 1000). */
export type AuditListFilter = Omit<AuditFilter, 'beforeSeq'> & { before?: number | undefined };

/** A verification with how long it took. */
export interface TimedVerification extends AuditVerification {
  seconds: number;
}

interface Pending {
  draft: AuditRecord;
  done: (error?: Error) => void;
}

/** What a failed operation's entry says, from the error it threw. */
export const outcomeOf = (e: unknown): AuditOutcome => {
  if (!isClewError(e)) return 'failed';
  switch (e.code) {
    case 'NotFound':
      return 'not-found';
    case 'Forbidden':
    case 'Unauthenticated':
      return 'denied';
    case 'Invalid':
      return 'invalid';
    case 'Conflict':
    case 'Unavailable':
      return 'failed';
  }
};

/** Only the hub's operators, auditors and hub administrators read the log (the policy's `audit:read`; deny by default). */
export const mayReadAudit = (actor: Actor): boolean => may(actor, 'audit:read');

/**
 * The tamper-evident audit log. `record` resolves once the entry is committed; when it cannot be
 * written it rejects, and the caller's operation must fail with it. Concurrent records are committed
 * together (one transaction, one fsync), in the order they were made.
 */
export class AuditService {
  private queue: Pending[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly signer: CheckpointSigner,
    private readonly every = DEFAULT_CHECKPOINT_EVERY,
  ) {}

  /** Wait for the records under way to be written (before the store closes). */
  async close(): Promise<void> {
    await this.draining;
  }

  /** The key id checkpoints are signed with. */
  get keyId(): string {
    return this.signer.keyId;
  }

  /** The public key checkpoints are signed with (SPKI DER, base64). */
  get publicKey(): string {
    return this.signer.publicKey;
  }

  /** Append an entry for what the actor did; rejects (Unavailable) when it cannot be written. */
  record(actor: Actor, event: AuditEvent): Promise<void> {
    const draft = auditRecordOf(actor, event, 0, new Date().toISOString());
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        draft,
        done: (error) => {
          if (error) reject(error);
          else resolve();
        },
      });
      this.draining ??= this.drain();
    });
  }

  /**
   * Run an operation and record it: its outcome when it fails (then rethrow), or success before its
   * result is returned — so no data leaves without its entry. `describe` adds what only the result knows.
   */
  async around<T>(
    actor: Actor,
    event: AuditEvent,
    op: () => Promise<T>,
    describe?: (result: T) => Partial<AuditEvent>,
  ): Promise<T> {
    let result: T;
    try {
      result = await op();
    } catch (e) {
      await this.record(actor, { ...event, outcome: outcomeOf(e) });
      throw e;
    }
    await this.record(actor, { ...event, ...describe?.(result), outcome: 'ok' });
    return result;
  }

  /** Record a refused operation and give its error back: `throw await audit.refused(actor, event, notFound())`. */
  async refused(actor: Actor, event: AuditEvent, error: ClewError): Promise<ClewError> {
    await this.record(actor, { ...event, outcome: outcomeOf(error) });
    return error;
  }

  /**
   * Entries matching the filter, newest first (auditors, hub administrators and operators only). A
   * user reads the entries of their own agency's staff; the hub operator (CLI) reads them all.
   */
  async list(actor: Actor, filter: AuditListFilter): Promise<AuditPage> {
    await this.allow(actor, 'list');
    const limit = Math.min(Math.max(filter.limit, 1), 1000);
    const { before, ...rest } = filter;
    // An agency's auditor sees what its own staff did; the ids others touched are not theirs to see.
    const scope = actor.kind === 'user' ? { agency: actor.agencyId } : {};
    if (actor.kind === 'user' && rest.agency !== undefined && rest.agency !== actor.agencyId)
      return { results: [], next: null };
    const rows = await this.store.audit.list({ ...rest, ...scope, beforeSeq: before, limit });
    await this.record(actor, { action: 'audit', details: { operation: 'list', results: rows.length } });
    const last = rows[rows.length - 1];
    return { results: rows.map(viewOfRecord), next: rows.length === limit && last ? last.seq : null };
  }

  /** Check the whole chain against its signed checkpoints; names the first entry that fails. */
  async verify(actor: Actor): Promise<TimedVerification> {
    await this.allow(actor, 'verify');
    const started = performance.now();
    const { head, checkpoints } = await this.store.audit.snapshot();
    const verifier = new ChainVerifier(nodeChainHashing, nodeSignatureVerifier, checkpoints, {
      trustedKeyIds: [this.signer.keyId],
      interval: this.every,
    });
    scan: for await (const page of this.store.audit.scan(head.seq)) {
      for (const r of page) if (!verifier.add(r)) break scan;
    }
    const result = verifier.finish();
    await this.record(actor, {
      action: 'audit',
      outcome: result.ok ? 'ok' : 'failed',
      details: {
        operation: 'verify',
        entries: result.entries,
        ...(result.failure ? { failedAt: result.failure.seq } : {}),
      },
    });
    return { ...result, seconds: (performance.now() - started) / 1000 };
  }

  /** Sign the chain's head now (null when the log is empty or the head is already signed). */
  async checkpoint(actor: Actor): Promise<AuditCheckpoint | null> {
    await this.allow(actor, 'checkpoint');
    await this.record(actor, { action: 'audit', details: { operation: 'checkpoint' } });
    const written = await this.append((head) => {
      const at = new Date().toISOString();
      return {
        entries: [],
        checkpoints: [
          signCheckpoint(this.signer, { n: head.checkpoints + 1, seq: head.seq, hash: head.hash, at }),
        ],
      };
    });
    return written.checkpoints[0] ?? null;
  }

  /** The log as JSON lines: a header, the checkpoints, then every entry; `clew audit verify --file` checks it offline. */
  async *export(actor: Actor): AsyncGenerator<string> {
    await this.allow(actor, 'export');
    // The export is the whole chain (verifiable only whole): the hub's own, not an agency auditor's.
    if (actor.kind === 'user' && !actor.roles.includes('hub-admin'))
      throw await this.refused(
        actor,
        { action: 'audit', details: { operation: 'export' } },
        new ClewError(
          'Forbidden',
          'only hub administrators export the whole audit log; auditors list their agency’s',
        ),
      );
    await this.record(actor, { action: 'audit', details: { operation: 'export' } });
    const { head, checkpoints } = await this.store.audit.snapshot();
    yield JSON.stringify(exportHeader(head, this.every, this.signer.keyId));
    for (const c of checkpoints) yield JSON.stringify({ type: 'checkpoint', ...c });
    for await (const page of this.store.audit.scan(head.seq)) {
      for (const r of page) yield JSON.stringify({ type: 'entry', ...viewOfRecord(r) });
    }
  }

  private async allow(actor: Actor, operation: string): Promise<void> {
    if (mayReadAudit(actor)) return;
    await this.record(actor, { action: 'audit', outcome: 'denied', details: { operation } });
    throw new ClewError('Forbidden', 'only auditors and hub administrators may read the audit log');
  }

  private append(build: (head: AuditHead) => AuditAppend): Promise<AuditAppend> {
    return this.store.audit.append((head) => {
      const a = build(head);
      // An on-demand checkpoint of an empty log, or of a head already signed, is nothing to write.
      const fresh = a.checkpoints.filter((c) => c.seq > 0 && c.seq !== head.lastCheckpointSeq);
      return { entries: a.entries, checkpoints: fresh };
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 1000);
      try {
        await this.store.audit.append((head) => this.seal(head, batch));
        for (const p of batch) p.done();
      } catch (e) {
        const error = unavailable(
          `the audit log cannot be written, so the operation was refused: ${(e as Error).message}`,
        );
        for (const p of batch) p.done(error);
      }
    }
    this.draining = undefined;
  }

  /** Link the drafts after the head, with a checkpoint at every multiple of `every`. */
  private seal(head: AuditHead, batch: readonly Pending[]): AuditAppend {
    const entries: ChainedRecord[] = [];
    const checkpoints: AuditCheckpoint[] = [];
    let prev = head.hash;
    let n = head.checkpoints;
    batch.forEach((p, i) => {
      const seq = head.seq + i + 1;
      const r = linkRecord(nodeChainHashing, prev, { ...p.draft, seq });
      entries.push(r);
      prev = r.hash;
      if (seq % this.every === 0) {
        checkpoints.push(signCheckpoint(this.signer, { n: ++n, seq, hash: r.hash, at: r.at }));
      }
    });
    return { entries, checkpoints };
  }
}
