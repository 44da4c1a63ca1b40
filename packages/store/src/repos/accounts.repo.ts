import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../schema.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../schema/accounts.js';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

/** Users, their sessions and API tokens. Secrets are stored only as hashes. */
export class AccountsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async userById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async userByName(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  /** Users, optionally of one agency, by name. */
  async users(agencyId?: string): Promise<UserRow[]> {
    let q = this.db.selectFrom('users').selectAll();
    if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
    return q.orderBy('username').execute();
  }

  async countUsers(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return r.n;
  }

  /** Insert a user; false when the username is taken. */
  async insertUser(row: Insertable<UsersTable>): Promise<boolean> {
    const res = await this.db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updateUser(id: string, set: Updateable<UsersTable>): Promise<void> {
    await this.db.updateTable('users').set(set).where('id', '=', id).execute();
  }

  /** Count a failed sign-in; returns the new count. One statement, so concurrent failures all count. */
  async recordFailure(id: string, lockAt: number, lockedUntil: string, now: string): Promise<number> {
    await this.db
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
    const row = await this.userById(id);
    const n = row?.failed_attempts ?? 0;
    if (n >= lockAt)
      await this.updateUser(id, { locked_until: lockedUntil, failed_attempts: 0, updated_at: now });
    return n;
  }

  async insertSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  async sessionByHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: at })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** End every session of a user (disabled, password changed). */
  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async insertToken(row: ApiTokenRow): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  async tokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async tokensOf(userId: string): Promise<ApiTokenRow[]> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  async tokenById(id: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async revokeToken(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
