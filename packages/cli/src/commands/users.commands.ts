import { presentUser, type UserView } from '@clew/app';
import { invalid, operatorActor, ROLES, ROLES_REQUIRING_TOTP, type Role } from '@clew/core';
import type { Command } from 'commander';
import { out, table, withHub } from '../context.js';

const actor = operatorActor();

// Listing opens the store read-only, so it works while `clew serve` holds the SQLite writer lock.
const readonly = { readonly: true };

/** `--roles analyst,investigator` → ['analyst', 'investigator'] (the service names unknown ones). */
const parseRoleList = (raw: string): string[] =>
  raw
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');

const statusOf = (u: UserView): string => {
  if (u.disabled) return 'disabled';
  if (u.mustChangePassword) return 'must change password';
  if (!u.totpEnrolled && u.roles.some((r) => ROLES_REQUIRING_TOTP.includes(r))) return 'must enrol TOTP';
  return 'active';
};

const needsTotp = (roles: readonly Role[]): boolean => roles.some((r) => ROLES_REQUIRING_TOTP.includes(r));

/** The one-time password, shown once, with what the user must do with it. */
const printIssued = (what: string, user: UserView, password: string): void => {
  out(`${what} ${user.username} (agency ${user.agency}, roles ${user.roles.join(', ')})`);
  out(`one-time password: ${password}`);
  out(
    `It is shown only now. ${user.username} must change it at first sign-in` +
      (needsTotp(user.roles) ? ' and then enrol a TOTP second factor.' : '.'),
  );
};

/** `clew users list|add|update|reset-password`. */
export const registerUsersCommands = (program: Command): void => {
  const users = program.command('users').description('user accounts: each in one agency, with roles');
  users
    .command('list', { isDefault: true })
    .description('list users')
    .option('--agency <id>', 'only this agency’s users')
    .option('--json', 'print JSON')
    .action(async (opts: { agency?: string; json?: boolean }) => {
      await withHub(async (hub) => {
        const list = await hub.accounts.list(actor, opts.agency);
        out(
          opts.json
            ? JSON.stringify(list, null, 2)
            : table(
                ['username', 'agency', 'roles', 'name', 'status'],
                list.map((u) => [u.username, u.agency, u.roles.join(','), u.displayName, statusOf(u)]),
              ),
        );
      }, readonly);
    });
  users
    .command('add')
    .description('create a user; prints a one-time password they must change at first sign-in')
    .argument('<username>', '3 to 64 characters of a-z, 0-9, ".", "-", "_" or "@"')
    .requiredOption('--agency <id>', 'the agency the user works for')
    .requiredOption('--roles <list>', `comma-separated: ${ROLES.join(', ')}`)
    .option('--name <text>', 'display name, e.g. "Anna Rossi"')
    .action(async (username: string, opts: { agency: string; roles: string; name?: string }) => {
      await withHub(async (hub) => {
        const issued = await hub.accounts.create(actor, {
          agency: opts.agency,
          username,
          displayName: opts.name,
          roles: parseRoleList(opts.roles),
        });
        printIssued('created user', issued.user, issued.oneTimePassword);
      });
    });
  users
    .command('update')
    .description('change a user’s roles, or disable or enable them (applies to their next request)')
    .argument('<user>', 'username or id')
    .option('--roles <list>', `the new roles, comma-separated: ${ROLES.join(', ')}`)
    .option('--disable', 'disable the account and end its sessions')
    .option('--enable', 'enable a disabled account')
    .action(async (user: string, opts: { roles?: string; disable?: boolean; enable?: boolean }) => {
      if (opts.disable && opts.enable) throw invalid('give --disable or --enable, not both');
      if (opts.roles === undefined && !opts.disable && !opts.enable)
        throw invalid('nothing to change: give --roles, --disable or --enable');
      await withHub(async (hub) => {
        const updated = await hub.accounts.update(actor, user, {
          roles: opts.roles === undefined ? undefined : parseRoleList(opts.roles),
          disabled: opts.disable ? true : opts.enable ? false : undefined,
        });
        // Read back what was stored rather than trust the returned view.
        const u = presentUser(await hub.accounts.managed(actor, updated.id));
        out(
          `updated user ${u.username}: roles ${u.roles.join(', ')}, ${u.disabled ? 'disabled' : 'enabled'}`,
        );
      });
    });
  users
    .command('reset-password')
    .description('issue a new one-time password, unlock the account and end its sessions')
    .argument('<user>', 'username or id')
    .action(async (user: string) => {
      await withHub(async (hub) => {
        const issued = await hub.accounts.resetPassword(actor, user);
        printIssued('new password for', issued.user, issued.oneTimePassword);
      });
    });
};
