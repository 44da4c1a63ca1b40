/**
 * The audit log: one row per entry, in one hash chain (seq 1, 2, 3… with no gaps). Every column but
 * the two hashes is covered by `hash` = SHA-256(prev_hash || canonical entry); see core/audit.
 */
export interface AuditEntriesTable {
  seq: number;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_agency: string | null;
  action: string;
  /** Canonical JSON array of the ids touched. */
  targets: string;
  purpose: string;
  outcome: string;
  /** Canonical JSON object of small facts (counts, names of schemata): never victims' data. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** Signed checkpoints of the chain's head (Ed25519; the private key is kept outside the database). */
export interface AuditCheckpointsTable {
  /** 1, 2, 3…: a removed checkpoint leaves a gap. */
  n: number;
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  /** SPKI DER, base64: verification needs nothing but the rows. */
  public_key: string;
  signature: string;
}

/** Tables of migration 0005-audit (the tamper-evident audit log and its signed checkpoints). */
export interface AuditTables {
  audit_entries: AuditEntriesTable;
  audit_checkpoints: AuditCheckpointsTable;
}
