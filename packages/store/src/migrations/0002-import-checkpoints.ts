import type { Kysely, Migration } from 'kysely';

/** Checkpoints that let an interrupted table import resume. */
export const importCheckpoints: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {
    // Tables are added by the table-import work; see ../schema/imports.ts for their types.
  },
};
