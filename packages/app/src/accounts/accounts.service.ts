import { ClewError, invalid, may, ROLES_REQUIRING_TOTP, type Actor, type Role } from '@clew/core';
import type { Store, UserRow } from '@clew/store';
import type { Access } from '../access/access.js';
import { randomUUID } from 'node:crypto';
import { hashPassword, MIN_PASSWORD_LENGTH, oneTimePassword } from './passwords.js';
import { normaliseUsername, parseRoles, presentUser, rolesOf, type UserView } from './users.js';

/** A new user, or a reset: the one-time password is shown once and never stored in clear. */
export interface IssuedPassword {
  user: UserView;
  oneTimePassword: string;
}

/** The agency the first administrator belongs to when the hub has none yet. */
export const HUB_AGENCY = { id: 'hub', name: 'Hub operations', kind: 'other' } as const;

const notFound = (): ClewError => new ClewError('NotFound', 'user not found', { field: 'user' });

/** Checks a password against the rules; returns it. */
export const acceptablePassword = (password: string): string => {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw invalid(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  return password;
};

/** Users of the hub: created, listed and changed by administrators (hub-wide, or of their own agency). */
export class AccountsService {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
  ) {}

  /** On a hub with no user: create the hub administrator and return its one-time password. */
  async ensureFirstAdmin(now = new Date()): Promise<IssuedPassword | undefined> {
    if ((await this.store.accounts.countUsers()) > 0) return undefined;
    await this.store.agencies.insert({
      id: HUB_AGENCY.id,
      name: HUB_AGENCY.name,
      kind: HUB_AGENCY.kind,
      country: null,
      created_at: now.toISOString(),
    });
    return this.insert(HUB_AGENCY.id, 'admin', 'Hub administrator', ['hub-admin'], now);
  }

  /** Create a user with a one-time password they must change at first sign-in. */
  async create(
    actor: Actor,
    input: { agency: string; username: string; displayName?: string | undefined; roles: readonly string[] },
  ): Promise<IssuedPassword> {
    const roles = parseRoles(input.roles);
    this.requireManage(actor, input.agency, roles);
    const [agency] = await this.store.agencies.getMany([input.agency]);
    if (!agency) throw new ClewError('NotFound', `no agency "${input.agency}"`, { field: 'agency' });
    const username = normaliseUsername(input.username);
    return this.insert(agency.id, username, input.displayName ?? username, roles, new Date());
  }

  /** The users the actor may manage (all for hub administrators, else its own agency's). */
  async list(actor: Actor, agency?: string): Promise<UserView[]> {
    if (may(actor, 'hub:manage')) return (await this.store.accounts.users(agency)).map(presentUser);
    if (actor.kind !== 'user' || !may(actor, 'users:manage-agency'))
      throw new ClewError('Forbidden', 'only administrators list users');
    if (agency !== undefined && agency !== actor.agencyId) return [];
    return (await this.store.accounts.users(actor.agencyId)).map(presentUser);
  }

  /** Change a user's roles, or disable/enable them; revocation applies to the next request. */
  async update(
    actor: Actor,
    userId: string,
    change: { roles?: readonly string[] | undefined; disabled?: boolean | undefined },
  ): Promise<UserView> {
    const row = await this.managed(actor, userId);
    const roles = change.roles === undefined ? rolesOf(row) : parseRoles(change.roles);
    this.requireManage(actor, row.agency_id, roles);
    const now = new Date().toISOString();
    await this.access.changing(() =>
      this.store.accounts.updateUser(row.id, {
        roles: JSON.stringify(roles),
        ...(change.disabled === undefined ? {} : { disabled: change.disabled ? 1 : 0 }),
        updated_at: now,
      }),
    );
    if (change.disabled === true) await this.store.accounts.deleteSessionsOf(row.id);
    return presentUser({
      ...row,
      roles: JSON.stringify(roles),
      disabled: change.disabled ? 1 : row.disabled,
    });
  }

  /** Issue a new one-time password (and unlock); the user's sessions end. */
  async resetPassword(actor: Actor, userId: string, now = new Date()): Promise<IssuedPassword> {
    const row = await this.managed(actor, userId);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    await this.access.changing(() =>
      this.store.accounts.updateUser(row.id, {
        password_hash: passwordHash,
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        updated_at: now.toISOString(),
      }),
    );
    await this.store.accounts.deleteSessionsOf(row.id);
    const fresh = await this.store.accounts.userById(row.id);
    if (!fresh) throw notFound();
    return { user: presentUser(fresh), oneTimePassword: password };
  }

  /** Find a user by id or name that the actor may manage; one the actor may not manage does not exist. */
  async managed(actor: Actor, idOrName: string): Promise<UserRow> {
    const row =
      (await this.store.accounts.userById(idOrName)) ??
      (await this.store.accounts.userByName(idOrName.trim().toLowerCase()));
    if (!row) throw notFound();
    if (may(actor, 'hub:manage')) return row;
    if (actor.kind === 'user' && may(actor, 'users:manage-agency') && row.agency_id === actor.agencyId)
      return row;
    throw notFound();
  }

  private requireManage(actor: Actor, agency: string, roles: readonly Role[]): void {
    if (may(actor, 'hub:manage')) return;
    const ownAgency = actor.kind === 'user' && actor.agencyId === agency;
    if (!ownAgency || !may(actor, 'users:manage-agency'))
      throw new ClewError(
        'Forbidden',
        'only administrators manage users, agency administrators only their own',
      );
    if (roles.includes('hub-admin') || roles.includes('auditor'))
      throw new ClewError('Forbidden', 'only hub administrators grant the hub-admin and auditor roles');
  }

  private async insert(
    agency: string,
    username: string,
    displayName: string,
    roles: Role[],
    now: Date,
  ): Promise<IssuedPassword> {
    const password = oneTimePassword();
    const row: UserRow = {
      id: randomUUID(),
      agency_id: agency,
      username,
      display_name: displayName,
      roles: JSON.stringify(roles),
      password_hash: await hashPassword(password),
      must_change_password: 1,
      totp_secret: null,
      disabled: 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    if (!(await this.store.accounts.insertUser(row)))
      throw new ClewError('Conflict', `username "${username}" is taken`, { field: 'username' });
    return { user: presentUser(row), oneTimePassword: password };
  }
}

/** Whether a user must still set up a second factor before they may act (administrators). */
export const needsTotp = (row: UserRow): boolean =>
  row.totp_secret === null && rolesOf(row).some((r) => ROLES_REQUIRING_TOTP.includes(r));
