import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { APP_ROLE } from './repos/agency-scope.js';

/**
 * Give the application role what it needs on this schema's tables (after every migration, since
 * later migrations add tables) and let the connecting user act as it. Idempotent.
 */
export const grantAppRole = async (db: Kysely<Database>): Promise<void> => {
  const role = sql.raw(APP_ROLE);
  await sql`do $$ begin
      execute format('grant usage on schema %I to ${role}', current_schema());
      execute format('grant select, insert, update, delete on all tables in schema %I to ${role}', current_schema());
      execute format('grant usage, select on all sequences in schema %I to ${role}', current_schema());
      if not pg_has_role(current_user, ${sql.lit(APP_ROLE)}, 'member') then
        execute format('grant ${role} to %I', current_user);
      end if;
    exception when unique_violation then null;
    end $$`.execute(db);
};
