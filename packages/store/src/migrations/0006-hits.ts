import type { Kysely, Migration } from 'kysely';

/** Hit notices between agencies, and each agency's deadline for answering them. */
export const hits: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('hits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('asker_agency', 'text', (c) => c.notNull())
      .addColumn('asker_dataset', 'text', (c) => c.notNull())
      .addColumn('asker_entity', 'text', (c) => c.notNull())
      .addColumn('owner_agency', 'text', (c) => c.notNull())
      .addColumn('owner_dataset', 'text', (c) => c.notNull())
      .addColumn('owner_entity', 'text', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('responded_at', 'text')
      .addColumn('responded_by', 'text')
      .addColumn('decline_reason', 'text')
      .addColumn('released_statements', 'text')
      .addColumn('released_handling', 'text')
      .addColumn('released_conditions', 'text')
      .addUniqueConstraint('hits_pair', ['asker_dataset', 'asker_entity', 'owner_dataset', 'owner_entity'])
      .execute();
    await db.schema.createIndex('hits_asker').on('hits').columns(['asker_agency', 'status']).execute();
    await db.schema.createIndex('hits_owner').on('hits').columns(['owner_agency', 'status']).execute();
    await db.schema
      .createTable('agency_settings')
      .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
      .addColumn('hit_response_hours', 'integer')
      .execute();
  },
};
