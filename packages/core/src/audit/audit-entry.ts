import type { Actor } from '../actor.js';

/** What was done: every kind of access the hub records. */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'export',
  'import',
  'release',
  'decline',
  'judgement',
  'admin',
  'sign-in',
  'sign-in-failure',
  'sign-out',
  'audit',
] as const;
/** One of AUDIT_ACTIONS. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the operation ended. */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'not-found', 'invalid', 'failed'] as const;
/** One of AUDIT_OUTCOMES. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Small facts about an operation (counts, schema names, limits): never names or other victims' data. */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

/** Who acted, as the log records it: an id and an agency, never a name of a person in the data. */
export interface AuditActorRef {
  kind: Actor['kind'];
  /** The user id, the operator's name or the system's reason. */
  id: string;
  agency: string | null;
}

/** What a service asks to record. */
export interface AuditEvent {
  action: AuditAction;
  /** Ids of what was touched: entities, datasets, users, notices. */
  targets?: readonly string[] | undefined;
  /** Why, as the user gave it (searches and exports require one). */
  purpose?: string | undefined;
  outcome?: AuditOutcome | undefined;
  details?: AuditDetails | undefined;
}

/**
 * One entry as stored and hashed: every field a string or a number, targets and details as their
 * canonical JSON text, so the stored bytes are exactly what the hash covers.
 */
export interface AuditRecord {
  seq: number;
  /** ISO 8601 UTC timestamp. */
  at: string;
  actorKind: string;
  actorId: string;
  actorAgency: string | null;
  action: string;
  /** Canonical JSON array of ids. */
  targets: string;
  purpose: string;
  outcome: string;
  /** Canonical JSON object (keys sorted). */
  details: string;
}

/** A record linked into the chain: the hash of the previous entry and its own. */
export interface ChainedRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

/** The longest purpose and detail value kept: the log holds ids and reasons, not documents. */
export const MAX_AUDIT_TEXT = 500;

/** Who acted, for the log. */
export const auditActorOf = (actor: Actor): AuditActorRef => {
  switch (actor.kind) {
    case 'system':
      return { kind: 'system', id: actor.reason, agency: null };
    case 'operator':
      return { kind: 'operator', id: actor.name, agency: null };
    case 'user':
      return { kind: 'user', id: actor.userId, agency: actor.agencyId };
    case 'anonymous':
      return { kind: 'anonymous', id: 'anonymous', agency: null };
  }
};

const clip = (s: string): string => (s.length > MAX_AUDIT_TEXT ? s.slice(0, MAX_AUDIT_TEXT) : s);

/** Canonical JSON of details: keys sorted, long strings clipped. */
export const canonicalDetails = (details: AuditDetails | undefined): string => {
  if (!details) return '{}';
  const keys = Object.keys(details).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = details[k];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${JSON.stringify(typeof v === 'string' ? clip(v) : v)}`);
  }
  return `{${parts.join(',')}}`;
};

/** The record of an event (without its place in the chain, which the store assigns). */
export const auditRecordOf = (actor: Actor, event: AuditEvent, seq: number, at: string): AuditRecord => {
  const who = auditActorOf(actor);
  return {
    seq,
    at,
    actorKind: who.kind,
    actorId: clip(who.id),
    actorAgency: who.agency,
    action: event.action,
    targets: JSON.stringify(event.targets ?? []),
    purpose: clip(event.purpose ?? ''),
    outcome: event.outcome ?? 'ok',
    details: canonicalDetails(event.details),
  };
};

/** An entry as people and exports see it: targets and details as JSON values. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: AuditActorRef;
  action: string;
  targets: string[];
  purpose: string;
  outcome: string;
  details: Record<string, string | number | boolean | null>;
  prevHash: string;
  hash: string;
}

/** The view of a stored record. */
export const viewOfRecord = (r: ChainedRecord): AuditEntryView => ({
  seq: r.seq,
  at: r.at,
  actor: { kind: r.actorKind as AuditActorRef['kind'], id: r.actorId, agency: r.actorAgency },
  action: r.action,
  targets: JSON.parse(r.targets) as string[],
  purpose: r.purpose,
  outcome: r.outcome,
  details: JSON.parse(r.details) as Record<string, string | number | boolean | null>,
  prevHash: r.prevHash,
  hash: r.hash,
});

/** The record a view stands for (re-canonicalising targets and details), to verify an export. */
export const recordOfView = (v: AuditEntryView): ChainedRecord => ({
  seq: v.seq,
  at: v.at,
  actorKind: v.actor.kind,
  actorId: v.actor.id,
  actorAgency: v.actor.agency,
  action: v.action,
  targets: JSON.stringify(v.targets),
  purpose: v.purpose,
  outcome: v.outcome,
  details: canonicalDetails(v.details),
  prevHash: v.prevHash,
  hash: v.hash,
});
