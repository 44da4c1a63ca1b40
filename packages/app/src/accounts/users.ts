import { ClewError, invalid, isRole, type Role } from '@clew/core';
import type { UserRow } from '@clew/store';

/** A user as administrators and the user see it: never the password hash or TOTP secret. */
export interface UserView {
  id: string;
  agency: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  totpEnrolled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** The roles stored for a user (unknown names, from a newer version, are dropped). */
export const rolesOf = (row: Pick<UserRow, 'roles'>): Role[] =>
  (JSON.parse(row.roles) as string[]).filter((r): r is Role => isRole(r));

export const presentUser = (row: UserRow): UserView => ({
  id: row.id,
  agency: row.agency_id,
  username: row.username,
  displayName: row.display_name,
  roles: rolesOf(row),
  disabled: row.disabled === 1,
  totpEnrolled: row.totp_secret !== null,
  mustChangePassword: row.must_change_password === 1,
  createdAt: row.created_at,
});

/** Usernames: 3–64 of a-z, 0-9, dot, dash, underscore, @ (stored lower-cased). */
export const normaliseUsername = (raw: string): string => {
  const name = raw.trim().toLowerCase();
  if (!/^[a-z0-9._@-]{3,64}$/.test(name)) {
    throw invalid('a username is 3 to 64 characters of a-z, 0-9, ".", "-", "_" or "@"', {
      field: 'username',
    });
  }
  return name;
};

/** Parse role names, refusing unknown ones by name. */
export const parseRoles = (raw: readonly string[]): Role[] => {
  const bad = raw.filter((r) => !isRole(r));
  if (bad.length > 0) throw invalid(`unknown role "${bad.join('", "')}"`, { field: 'roles' });
  if (raw.length === 0) throw invalid('a user needs at least one role', { field: 'roles' });
  return [...new Set(raw)] as Role[];
};

/** The one answer to every failed sign-in, whatever the cause. */
export const signInFailed = (): ClewError =>
  new ClewError('Unauthenticated', 'invalid username, password or code');
