import { totpCode, type Hub } from '@clew/app';
import { operatorActor, ROLES_REQUIRING_TOTP, type Actor, type Role } from '@clew/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** A signed-in web client: its cookie and CSRF token, and a way to send requests with them. */
export interface Client {
  username: string;
  password: string;
  totpSecret: string | undefined;
  cookie: string;
  csrf: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

/** Sign in through the API and keep the session cookie and CSRF token. */
export const signIn = async (
  app: FastifyInstance,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<Client> => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password, ...(totpSecret ? { code: totpCode(totpSecret) } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  const { csrf } = res.json<{ csrf: string }>();
  return {
    username,
    password,
    totpSecret,
    cookie,
    csrf,
    request: (options) =>
      app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), cookie, 'x-csrf-token': csrf },
      }),
  };
};

/** The actor a user acts as once set up (for service calls in tests). */
export const userActor = (hub: Hub, username: string): Promise<Actor> =>
  hub.store.accounts.userByName(username).then((row) => {
    if (!row) throw new Error(`no user ${username}`);
    return {
      kind: 'user',
      userId: row.id,
      agencyId: row.agency_id,
      roles: JSON.parse(row.roles) as string[],
    };
  });

/**
 * Create a user the way an administrator would, then set it up as the user would (new password,
 * and a second factor where the role requires one), and sign it in.
 */
export const newClient = async (
  app: FastifyInstance,
  hub: Hub,
  input: { agency: string; username: string; roles: Role[] },
): Promise<Client> => {
  const issued = await hub.accounts.create(operatorActor(), input);
  const password = `${input.username}-correct-horse-battery`;
  const first = await signIn(app, input.username, issued.oneTimePassword);
  const changed = await first.request({
    method: 'POST',
    url: '/api/auth/password',
    payload: { current: issued.oneTimePassword, next: password },
  });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  if (!input.roles.some((r) => ROLES_REQUIRING_TOTP.includes(r)))
    return signIn(app, input.username, password);
  const second = await signIn(app, input.username, password);
  const { secret } = (await second.request({ method: 'POST', url: '/api/auth/totp' })).json<{
    secret: string;
  }>();
  await second.request({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    payload: { secret, code: totpCode(secret) },
  });
  return signIn(app, input.username, password, secret);
};
