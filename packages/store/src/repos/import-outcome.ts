import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How an import run ended, as its `imports` row keeps it. */
export interface ImportOutcome {
  status: string;
  accepted: number;
  rejected: number;
  statements: number;
  finishedAt: string;
}

/** Record the outcome of an import run on its `imports` row (in the caller's transaction, if any). */
export const recordImportOutcome = async (
  db: Kysely<Database>,
  id: string,
  outcome: ImportOutcome,
): Promise<void> => {
  await db
    .updateTable('imports')
    .set({
      status: outcome.status,
      accepted: outcome.accepted,
      rejected: outcome.rejected,
      statements: outcome.statements,
      finished_at: outcome.finishedAt,
    })
    .where('id', '=', id)
    .execute();
};
