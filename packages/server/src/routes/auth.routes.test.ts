import { operatorActor } from '@clew/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionActors } from '../http/actor.js';
import { newClient, signIn } from '../testing/sign-in.js';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer({ actors: sessionActors });
  await t.hub.agencies.create(operatorActor(), { id: 'agency-a', name: 'A', kind: 'police', country: 'gb' });
});
afterEach(() => t.close());

const wrongSignIn = (username: string, password = 'not-the-password-1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

describe('sign-in', () => {
  it('refuses every data route to nobody, and serves health and OpenAPI to anyone', async () => {
    expect((await t.app.inject({ url: '/api/agencies' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/entities' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('walks the first administrator through a new password and a second factor before anything else', async () => {
    const issued = await t.hub.accounts.ensureFirstAdmin();
    expect(issued?.user.roles).toEqual(['hub-admin']);
    expect(await t.hub.accounts.ensureFirstAdmin()).toBeUndefined();
    const first = await signIn(t.app, 'admin', issued?.oneTimePassword ?? '');
    expect(first.cookie).toMatch(/^clew_session=/);
    // A one-time password grants nothing but changing it.
    expect((await first.request({ url: '/api/users' })).statusCode).toBe(403);
    const weak = await first.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { current: issued?.oneTimePassword, next: 'short' },
    });
    expect(errorOf(weak).where?.field).toBe('password');
    const admin = await newClient(t.app, t.hub, {
      agency: 'agency-a',
      username: 'ada',
      roles: ['hub-admin'],
    });
    expect(admin.totpSecret).toBeDefined();
    expect((await admin.request({ url: '/api/users' })).json<{ results: unknown[] }>().results).toHaveLength(
      2,
    );
    // Without the code, the same administrator cannot sign in.
    expect((await wrongSignIn('ada', admin.password)).statusCode).toBe(401);
  });

  it('gives an unknown user and a wrong password the same answer, after the same work', async () => {
    await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    const time = async (username: string): Promise<{ ms: number; body: string; status: number }> => {
      const started = performance.now();
      const res = await wrongSignIn(username);
      return { ms: performance.now() - started, body: res.body, status: res.statusCode };
    };
    const wrong = [await time('ann'), await time('ann'), await time('ann')];
    const unknown = [await time('nobody'), await time('nobody'), await time('nobody')];
    expect(new Set([...wrong, ...unknown].map((r) => `${r.status} ${r.body}`)).size).toBe(1);
    const median = (xs: { ms: number }[]): number => xs.map((x) => x.ms).sort((a, b) => a - b)[1] ?? 0;
    // Both paths run argon2id; an unknown user answered without it would take a fraction of the time.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
  });

  it('locks an account after five failures, even for the right password, until an administrator resets it', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    for (let i = 0; i < 5; i++) expect((await wrongSignIn('ann')).statusCode).toBe(401);
    const locked = await wrongSignIn('ann', ann.password);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe((await wrongSignIn('nobody')).body);
    const reset = await t.hub.accounts.resetPassword(operatorActor(), 'ann');
    expect((await signIn(t.app, 'ann', reset.oneTimePassword)).cookie).toMatch(/^clew_session=/);
  });

  it('needs the CSRF token on every request that changes state', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie: ann.cookie },
      payload: { name: 'x', scopes: ['data:read'] },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(errorOf(noHeader).message).toContain('x-csrf-token');
    const withHeader = await ann.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'x', scopes: ['data:read'] },
    });
    expect(withHeader.statusCode).toBe(201);
  });

  it('sets the session cookie HttpOnly, Secure and SameSite=Strict, and never in the body', async () => {
    const issued = await t.hub.accounts.create(operatorActor(), {
      agency: 'agency-a',
      username: 'ann',
      roles: ['analyst'],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'ann', password: issued.oneTimePassword },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    const secret = cookie.split(';')[0]?.split('=')[1] ?? 'missing';
    expect(res.body).not.toContain(secret);
  });
});

describe('API tokens and revocation', () => {
  it('acts within the token’s scopes, and not at all once revoked or the user disabled', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    const created = await ann.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'screening', scopes: ['data:search'], days: 30 },
    });
    const { token, info } = created.json<{ token: string; info: { id: string } }>();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
    // data:read is not in the token's scopes: the data routes refuse it.
    expect((await t.app.inject({ url: '/api/datasets', headers: bearer })).statusCode).toBe(403);
    await ann.request({ method: 'DELETE', url: `/api/auth/tokens/${info.id}` });
    expect((await t.app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    await t.hub.accounts.update(operatorActor(), 'ann', { disabled: true });
    expect((await ann.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('records searches through a token with the purpose it was issued for, and asks sessions for one', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    const query = { queries: { q: { schema: 'Person', properties: { name: ['Ivan Petrov'] } } } };
    const noPurpose = await ann.request({ method: 'POST', url: '/api/match/all', payload: query });
    expect(errorOf(noPurpose).where?.field).toBe('purpose');
    const created = await ann.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'gate', scopes: ['data:search'], purpose: 'border screening, Bari port' },
    });
    const { token } = created.json<{ token: string }>();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/match/all',
      headers: { authorization: `Bearer ${token}` },
      payload: query,
    });
    expect(res.statusCode).toBe(200);
    const [search] = (await t.hub.audit.list(operatorActor(), { limit: 5, action: 'search' })).results;
    expect(search?.purpose).toBe('border screening, Bari port');
  });

  it('refuses unknown scopes and lifetimes beyond a year', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    const bad = await ann.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'x', scopes: ['everything'] },
    });
    expect(errorOf(bad).where?.field).toBe('scopes');
    const long = await ann.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'x', scopes: ['data:read'], days: 1000 },
    });
    expect(errorOf(long).where?.field).toBe('days');
  });
});

describe('users', () => {
  it('lets an agency administrator manage only their own agency’s users, and never grant hub roles', async () => {
    await t.hub.agencies.create(operatorActor(), {
      id: 'agency-b',
      name: 'B',
      kind: 'police',
      country: 'fr',
    });
    const boss = await newClient(t.app, t.hub, {
      agency: 'agency-a',
      username: 'boss',
      roles: ['agency-admin'],
    });
    const own = await boss.request({
      method: 'POST',
      url: '/api/users',
      payload: { agency: 'agency-a', username: 'ann', roles: ['analyst'] },
    });
    expect(own.statusCode).toBe(201);
    const other = await boss.request({
      method: 'POST',
      url: '/api/users',
      payload: { agency: 'agency-b', username: 'bob', roles: ['analyst'] },
    });
    expect(other.statusCode).toBe(403);
    const escalate = await boss.request({
      method: 'POST',
      url: '/api/users',
      payload: { agency: 'agency-a', username: 'eve', roles: ['hub-admin'] },
    });
    expect(escalate.statusCode).toBe(403);
    const list = (await boss.request({ url: '/api/users' })).json<{ results: { username: string }[] }>();
    expect(list.results.map((u) => u.username)).toEqual(['ann', 'boss']);
  });
});

describe('sign-in in the audit log', () => {
  it('records a signed-in user refused at a route for want of a permission', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    expect((await ann.request({ url: '/api/users' })).statusCode).toBe(403);
    const [denied] = (await t.hub.audit.list(operatorActor(), { limit: 5, action: 'read' })).results;
    expect(denied).toMatchObject({ outcome: 'denied', details: { route: 'listUsers' } });
  });

  it('records sign-ins and failures, with the user id when known and never the name typed', async () => {
    const ann = await newClient(t.app, t.hub, { agency: 'agency-a', username: 'ann', roles: ['analyst'] });
    await wrongSignIn('ann');
    await wrongSignIn('my-secret-password-typed-as-name');
    const entries = (await t.hub.audit.list(operatorActor(), { limit: 50 })).results;
    const row = await t.hub.store.accounts.userByName(ann.username);
    const failures = entries.filter((e) => e.action === 'sign-in-failure');
    expect(failures.map((e) => e.targets)).toEqual([[], [row?.id]]);
    expect(entries.some((e) => e.action === 'sign-in' && e.targets.includes(row?.id ?? ''))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('my-secret-password');
  });
});
