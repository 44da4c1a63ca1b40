import type { Kysely, Migration } from 'kysely';

/** Match candidates, explanations, judgements and resolved identities. */
export const matching: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('match_candidates')
      .addColumn('entity_a', 'text', (c) => c.notNull())
      .addColumn('dataset_a', 'text', (c) => c.notNull())
      .addColumn('agency_a', 'text', (c) => c.notNull())
      .addColumn('open_a', 'integer', (c) => c.notNull())
      .addColumn('entity_b', 'text', (c) => c.notNull())
      .addColumn('dataset_b', 'text', (c) => c.notNull())
      .addColumn('agency_b', 'text', (c) => c.notNull())
      .addColumn('open_b', 'integer', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('match_candidates_pk', ['entity_a', 'dataset_a', 'entity_b', 'dataset_b'])
      .execute();
    await db.schema
      .createIndex('match_candidates_b')
      .on('match_candidates')
      .columns(['entity_b', 'dataset_b'])
      .execute();
    await db.schema
      .createIndex('match_candidates_status_score')
      .on('match_candidates')
      .columns(['status', 'score'])
      .execute();
    await db.schema.createIndex('match_candidates_score').on('match_candidates').column('score').execute();
    await db.schema
      .createTable('match_judgements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_a', 'text', (c) => c.notNull())
      .addColumn('entity_b', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('match_judgements_pair')
      .on('match_judgements')
      .columns(['entity_a', 'entity_b', 'created_at'])
      .execute();
    await db.schema
      .createTable('match_verdicts')
      .addColumn('entity_a', 'text', (c) => c.notNull())
      .addColumn('entity_b', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('judgement_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('match_verdicts_pk', ['entity_a', 'entity_b'])
      .execute();
    await db.schema.createIndex('match_verdicts_b').on('match_verdicts').column('entity_b').execute();
    await db.schema
      .createTable('resolved_entities')
      .addColumn('entity_id', 'text', (c) => c.primaryKey())
      .addColumn('cluster_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('resolved_entities_cluster')
      .on('resolved_entities')
      .column('cluster_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['resolved_entities', 'match_verdicts', 'match_judgements', 'match_candidates']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
