/** Tables of migration 0005-audit (The tamper-evident audit log and its signed checkpoints.). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the audit-log work
export interface AuditTables {}
