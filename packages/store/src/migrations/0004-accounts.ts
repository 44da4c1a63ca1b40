import type { Kysely, Migration } from 'kysely';

/** Users, sessions, API tokens, dataset sharing. */
export const accounts: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {
    // Tables are added by the accounts-and-sharing work; see ../schema/accounts.ts for their types.
  },
};
