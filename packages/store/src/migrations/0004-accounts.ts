import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { APP_ROLE } from '../repos/agency-scope.js';
import { packedShareable } from '../repos/fragment-codec.js';

const BATCH = 2000;

/** Mark the fragments written before this migration (not shareable by default): shareable when any statement may leave its agency. */
const backfillShareable = async (db: Kysely<unknown>): Promise<void> => {
  const raw = db as unknown as Kysely<{
    fragments: { dataset_id: string; entity_id: string; statements: string; shareable: number };
  }>;
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await raw
      .selectFrom('fragments')
      .select(['dataset_id', 'entity_id', 'statements'])
      .where((eb) =>
        eb.or([
          eb('dataset_id', '>', after[0]),
          eb.and([eb('dataset_id', '=', after[0]), eb('entity_id', '>', after[1])]),
        ]),
      )
      .orderBy('dataset_id')
      .orderBy('entity_id')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      if (!packedShareable(r.statements)) continue;
      await raw
        .updateTable('fragments')
        .set({ shareable: 1 })
        .where('dataset_id', '=', r.dataset_id)
        .where('entity_id', '=', r.entity_id)
        .execute();
    }
    const last = rows.at(-1);
    if (!last) return;
    after = [last.dataset_id, last.entity_id];
  }
};

/**
 * The database's own agency separation on PostgreSQL: the application acts as a role that is not a
 * superuser, not the owner and cannot bypass row-level security, and may see a fragment only for the
 * agency it serves (`clew.agency`, set per transaction: see repos/agency-scope.ts) — the owner's
 * rows, rows of datasets shared with it, directly or through a group, when they may leave their
 * agency — or every row when it serves the hub itself (`*`). No agency set: no row.
 */
const agencySeparation = async (db: Kysely<unknown>): Promise<void> => {
  // Roles are shared by every database of the cluster; two hubs migrating at once may both create it.
  await sql`do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then
        create role ${sql.raw(APP_ROLE)} nologin nosuperuser nobypassrls noinherit;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`.execute(db);
  await sql`alter table fragments enable row level security`.execute(db);
  // The shared datasets are an uncorrelated sub-select: PostgreSQL runs it once per query (an
  // InitPlan), not once per row.
  await sql`create policy agency_separation on fragments using (
      current_setting('clew.agency', true) = '*'
      or agency_id = current_setting('clew.agency', true)
      or (shareable = 1 and dataset_id = any (array(
        select s.dataset_id from dataset_shares s
        where (s.grantee_kind = 'agency' and s.grantee_id = current_setting('clew.agency', true))
          or (s.grantee_kind = 'group' and s.grantee_id in (
            select g.group_id from agency_groups g where g.agency_id = current_setting('clew.agency', true)))))))`.execute(
    db,
  );
};

/** Users, sessions, API tokens, agency groups, dataset sharing; fragments learn whether they may leave their agency. */
export const accounts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('totp_secret', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_agency').on('users').column('agency_id').execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema
      .createTable('agency_groups')
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addPrimaryKeyConstraint('agency_groups_pk', ['group_id', 'agency_id'])
      .execute();
    await db.schema
      .createTable('dataset_shares')
      .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
      .addColumn('grantee_kind', 'text', (c) => c.notNull())
      .addColumn('grantee_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('dataset_shares_pk', ['dataset_id', 'grantee_kind', 'grantee_id'])
      .execute();
    await db.schema
      .alterTable('fragments')
      .addColumn('shareable', 'integer', (c) => c.notNull().defaultTo(sql`0`))
      .execute();
    await backfillShareable(db);
    // Counts of what a reader may see group by `shareable`: keep them index-only (same index, one more column).
    await db.schema.dropIndex('fragments_dataset_seq').execute();
    await db.schema
      .createIndex('fragments_dataset_seq_shareable')
      .on('fragments')
      .columns(['dataset_id', 'seq', 'shareable'])
      .execute();
    await db.schema.dropIndex('fragments_dataset_schema_seq').execute();
    await db.schema
      .createIndex('fragments_dataset_schema_seq_shareable')
      .on('fragments')
      .columns(['dataset_id', 'schema', 'seq', 'shareable'])
      .execute();
    if (db.getExecutor().adapter instanceof PostgresAdapter) await agencySeparation(db);
  },
};
