import { z } from 'zod';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../http/actor.js';
import { defineRoute, type Route } from '../http/route.js';
import { presentToken, presentUser, tokenSchema, userSchema } from './auth.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['auth'];

/**
 * The session cookie (HttpOnly: scripts never read it) and its CSRF twin (readable by the page, which
 * echoes it in the x-csrf-token header: the double-submit pattern, so a reloaded page keeps working).
 */
const sessionCookies = (session: string, csrf: string, maxAgeSeconds: number): string[] => [
  `${SESSION_COOKIE}=${encodeURIComponent(session)}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`,
  `${CSRF_COOKIE}=${encodeURIComponent(csrf)}; Path=/; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`,
];

const signedInSchema = z.object({
  user: userSchema,
  csrf: z
    .string()
    .meta({ description: `Send it back in the ${CSRF_HEADER} header on every POST, PUT, PATCH and DELETE` }),
  expiresAt: z.string(),
});

// What the sign-in handler returns beyond the body: the session secret goes only into the cookie.
const sessionGrantSchema = z.object({ session: z.string(), csrf: z.string(), expiresAt: z.string() });

const okSchema = z.object({ ok: z.literal(true) });

/** Sign-in, the signed-in user, second factor and API tokens. */
export const authRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'POST',
    url: '/api/auth/sign-in',
    operationId: 'signIn',
    summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token',
    tags,
    auth: 'public',
    body: z.strictObject({
      username: z.string().max(200),
      password: z.string().max(1000),
      code: z.string().max(12).optional().meta({ description: 'The TOTP code, once enrolled' }),
    }),
    response: signedInSchema,
    headers: (out) => {
      const grant = sessionGrantSchema.parse(out);
      const seconds = Math.round((Date.parse(grant.expiresAt) - Date.now()) / 1000);
      return { 'set-cookie': sessionCookies(grant.session, grant.csrf, seconds) };
    },
    handler: async ({ body }) => {
      const grant = await hub.auth.signIn(body);
      return { ...grant, user: presentUser(grant.user) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/sign-out',
    operationId: 'signOut',
    summary: 'Sign out: ends the session',
    tags,
    response: okSchema,
    headers: () => ({ 'set-cookie': sessionCookies('', '', 0) }),
    handler: async (_input, actor) => {
      await hub.auth.endSessions(actor);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    operationId: 'getMe',
    summary: 'The signed-in user',
    tags,
    response: userSchema,
    handler: async (_input, actor) => presentUser(await hub.auth.me(actor)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/password',
    operationId: 'changePassword',
    summary: 'Change one’s password (ends every session)',
    tags,
    body: z.strictObject({ current: z.string().max(1000), next: z.string().max(1000) }),
    response: okSchema,
    handler: async ({ body }, actor) => {
      await hub.auth.changePassword(actor, body.current, body.next);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp',
    operationId: 'startTotp',
    summary: 'Start enrolling a TOTP second factor',
    tags,
    response: z.object({ secret: z.string(), uri: z.string() }),
    handler: (_input, actor) => hub.auth.startTotp(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    operationId: 'confirmTotp',
    summary: 'Confirm the TOTP second factor with a current code',
    tags,
    body: z.strictObject({ secret: z.string().max(128), code: z.string().max(12) }),
    response: okSchema,
    handler: async ({ body }, actor) => {
      await hub.auth.confirmTotp(actor, body.secret, body.code);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/tokens',
    operationId: 'listTokens',
    summary: 'One’s API tokens',
    tags,
    response: z.object({ results: z.array(tokenSchema) }),
    handler: async (_input, actor) => ({ results: (await hub.auth.tokens(actor)).map(presentToken) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/tokens',
    operationId: 'createToken',
    summary: 'Create an API token limited to some of one’s permissions',
    tags,
    status: 201,
    body: z.strictObject({
      name: z.string().max(100),
      scopes: z.array(z.string().max(64)).max(20),
      days: z.number().int().default(90),
      purpose: z.string().max(500).optional().meta({
        description:
          'Searches and exports through the token are recorded with it (e.g. "border screening, Bari port")',
      }),
    }),
    response: z.object({ token: z.string().meta({ description: 'Shown once' }), info: tokenSchema }),
    handler: async ({ body }, actor) => {
      const { token, view } = await hub.auth.createToken(actor, body);
      return { token, info: presentToken(view) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/auth/tokens/:id',
    operationId: 'revokeToken',
    summary: 'Revoke one of one’s API tokens',
    tags,
    params: z.object({ id: z.string().max(64) }),
    response: okSchema,
    handler: async ({ params }, actor) => {
      await hub.auth.revokeToken(actor, params.id);
      return { ok: true as const };
    },
  }),
];
