import { totpCode } from '@clew/app';
import { operatorActor } from '@clew/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionActors } from '../http/actor.js';
import { openPage, submit, typeInto, type FakePage } from '../testing/fake-browser.js';
import { newClient, signIn } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// The hub page's sign-in, run with a fake DOM against a real in-process server with sign-in on.

let t: TestServer;
const operator = operatorActor();
const NEW_PASSWORD = 'a-long-new-passphrase-7';

beforeEach(async () => {
  t = await startTestServer({ actors: sessionActors });
  await t.hub.agencies.create(operator, {
    id: 'ro-police',
    name: 'Poliția Română',
    kind: 'police',
    country: 'ro',
  });
  await t.hub.datasets.create(operator, { name: 'cases', agency: 'ro-police', defaults: {} });
});
afterEach(() => t.close());

const title = (page: FakePage): string | undefined => page.ids.auth?.all('h2')[0]?.textContent;
const formError = (page: FakePage): string | undefined =>
  page.ids.auth?.all('p').find((p) => p.attributes.class === 'form-error')?.textContent;
const names = (page: FakePage): string[] =>
  (page.ids.auth?.all('input') ?? []).map((i) => i.attributes.name ?? '');

const signInOnPage = async (page: FakePage, username: string, password: string, code = ''): Promise<void> => {
  typeInto(page, 'username', username);
  typeInto(page, 'password', password);
  typeInto(page, 'code', code);
  await submit(page);
};

describe('the hub page’s sign-in', () => {
  it('asks nobody for a sign-in instead of showing the hub, and refuses a wrong password', async () => {
    const page = await openPage(t.app);
    expect(title(page)).toBe('Sign in');
    expect(names(page)).toEqual(['username', 'password', 'code']);
    expect(page.ids.auth?.find('name', 'password')?.attributes.type).toBe('password');
    expect(page.ids.auth?.find('name', 'username')?.focused).toBe(true);
    expect([page.ids.auth?.hidden, page.ids.hub?.hidden, page.ids.session?.hidden]).toEqual([
      false,
      true,
      true,
    ]);
    expect(page.ids.agencies?.children).toHaveLength(0);
    await signInOnPage(page, 'nobody', 'not-a-password-at-all');
    expect(formError(page)).toBe('invalid username, password or code');
    expect(title(page)).toBe('Sign in');
    expect(page.cookie()).toBe('');
  });

  it('takes a new user from the one-time password to the hub, sending the CSRF token on every POST', async () => {
    const issued = await t.hub.accounts.create(operator, {
      agency: 'ro-police',
      username: 'ana',
      displayName: 'Ana Pop',
      roles: ['analyst'],
    });
    const page = await openPage(t.app);
    await signInOnPage(page, 'ana', issued.oneTimePassword);
    expect(title(page)).toBe('Choose a new password');
    expect(names(page)).toEqual(['next', 'again']);
    typeInto(page, 'next', NEW_PASSWORD);
    typeInto(page, 'again', 'something-else-entirely');
    await submit(page);
    expect(formError(page)).toBe('The two new passwords differ.');
    typeInto(page, 'again', NEW_PASSWORD);
    await submit(page);
    expect(page.ids.auth?.hidden).toBe(true);
    expect(page.ids.hub?.hidden).toBe(false);
    expect(page.ids.status?.textContent).toBe('Loaded 1 agency.');
    expect(page.ids.agencies?.all('h2')[0]?.textContent).toBe('Poliția Română');
    expect(page.ids.session?.all('span')[0]?.textContent).toBe('Signed in as Ana Pop (ana) · Poliția Română');
    const posts = page.sent.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual(['/api/auth/sign-in', '/api/auth/password', '/api/auth/sign-in']);
    expect(posts[1]?.headers['x-csrf-token']).toMatch(/^\S{20,}$/);
    // The new password is the one the server now holds.
    expect((await signIn(t.app, 'ana', NEW_PASSWORD)).cookie).toMatch(/^clew_session=/);

    const cookie = page.cookie();
    page.ids.session?.all('button')[0]?.dispatch('click');
    await page.idle();
    const signOut = page.sent.at(-1);
    expect([signOut?.method, signOut?.url]).toEqual(['POST', '/api/auth/sign-out']);
    expect(signOut?.headers['x-csrf-token']).toMatch(/^\S{20,}$/);
    expect(title(page)).toBe('Sign in');
    expect(page.ids.auth?.all('p')[0]?.textContent).toBe('Signed out.');
    expect([page.ids.session?.hidden, page.ids.hub?.hidden]).toEqual([true, true]);
    expect(page.ids.agencies?.children).toHaveLength(0);
    expect(page.cookie()).toBe('');
    expect((await t.app.inject({ url: '/api/agencies', headers: { cookie } })).statusCode).toBe(401);
  });

  it('walks the first administrator through a new password and a second factor', async () => {
    const issued = await t.hub.accounts.ensureFirstAdmin();
    const page = await openPage(t.app);
    await signInOnPage(page, 'admin', issued?.oneTimePassword ?? '');
    typeInto(page, 'next', NEW_PASSWORD);
    typeInto(page, 'again', NEW_PASSWORD);
    await submit(page);
    expect(title(page)).toBe('Set up a second factor');
    const secret = (page.ids.auth?.find('class', 'totp-secret')?.textContent ?? '').replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const uri = page.ids.auth?.find('class', 'totp-uri');
    expect(uri?.attributes.href).toMatch(/^otpauth:\/\/totp\//);
    expect(uri?.attributes.href).toContain(`secret=${secret}`);
    typeInto(page, 'code', '000000');
    await submit(page);
    expect(formError(page)).toBe('the code does not match');
    typeInto(page, 'code', totpCode(secret));
    await submit(page);
    expect(page.ids.auth?.hidden).toBe(true);
    expect(page.ids.session?.all('span')[0]?.textContent).toBe(
      'Signed in as Hub administrator (admin) · hub',
    );
    // A hub administrator manages; reading agencies' data is not among its permissions.
    expect(page.ids.status?.textContent).toMatch(/^Signed in. Your roles do not include reading data/);
    expect(page.ids.status?.attributes.role).toBe('status');
    expect((await t.hub.store.accounts.userByName('admin'))?.totp_secret).toBe(secret);
  });

  it('on a reload, shows the hub to a session it already has, and setup to one that is not finished', async () => {
    const ready = await newClient(t.app, t.hub, { agency: 'ro-police', username: 'ion', roles: ['analyst'] });
    const reloaded = await openPage(t.app, ready.cookie);
    expect(reloaded.ids.auth?.hidden).toBe(true);
    expect(reloaded.ids.agencies?.all('h2')[0]?.textContent).toBe('Poliția Română');
    expect(reloaded.ids.session?.all('span')[0]?.textContent).toContain('(ion)');
    // The reloaded page lost the token from memory; it reads it from the clew_csrf cookie to sign out.
    const withToken = await openPage(t.app, `${ready.cookie}; clew_csrf=${ready.csrf}`);
    withToken.ids.session?.all('button')[0]?.dispatch('click');
    await withToken.idle();
    expect(withToken.sent.at(-1)?.headers['x-csrf-token']).toBe(ready.csrf);
    expect(title(withToken)).toBe('Sign in');

    const issued = await t.hub.accounts.create(operator, {
      agency: 'ro-police',
      username: 'eva',
      roles: ['analyst'],
    });
    const half = await signIn(t.app, 'eva', issued.oneTimePassword);
    const page = await openPage(t.app, half.cookie);
    expect(title(page)).toBe('Choose a new password');
    // This page did not see the one-time password typed, so it asks for it.
    expect(names(page)).toEqual(['current', 'next', 'again']);
  });
});
