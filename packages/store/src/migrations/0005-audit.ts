import type { Kysely, Migration } from 'kysely';

/** The tamper-evident audit log and its signed checkpoints. */
export const audit: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {
    // Tables are added by the audit-log work; see ../schema/audit.ts for their types.
  },
};
