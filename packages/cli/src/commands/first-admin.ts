import type { Hub, IssuedPassword } from '@clew/app';
import { say } from '../context.js';

/**
 * Print the first administrator's one-time password once, framed so it is not lost among the start-up
 * lines. It goes to stderr like every message, and is never stored in clear: if it is lost,
 * `clew users reset-password admin` issues another.
 */
export const announceFirstAdmin = (issued: IssuedPassword | undefined): void => {
  if (!issued) return;
  const rule = '='.repeat(72);
  say(
    [
      '',
      rule,
      '  First start: the hub administrator account was created.',
      '',
      `    username:           ${issued.user.username}`,
      `    one-time password:  ${issued.oneTimePassword}`,
      '',
      '  It is shown only now. The first sign-in asks for a new password and then',
      '  sets up a TOTP second factor (an authenticator app), which administrators need.',
      `  Lost it? Run: clew users reset-password ${issued.user.username}`,
      rule,
      '',
    ].join('\n'),
  );
};

/** On a hub with no user yet, create the hub administrator and announce it. */
export const ensureFirstAdminAnnounced = async (hub: Hub): Promise<void> => {
  announceFirstAdmin(await hub.accounts.ensureFirstAdmin());
};
