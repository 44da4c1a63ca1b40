import type { Kysely, Migration } from 'kysely';

/** Match candidates, explanations, judgements and resolved identities. */
export const matching: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {
    // Tables are added by the cross-matching work; see ../schema/matching.ts for their types.
  },
};
