import { ROLES } from '@clew/core';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import { issuedPasswordSchema, presentUser, userSchema } from './auth.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['users'];
const userParams = z.object({ id: z.string().min(1).max(64) });

/** Users, administered by hub administrators (all) and agency administrators (their agency's). */
export const usersRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/users',
    operationId: 'listUsers',
    summary: 'Users the caller administers',
    tags,
    auth: 'users:manage-agency',
    query: z.object({ agency: z.string().max(64).optional() }),
    response: z.object({ results: z.array(userSchema) }),
    handler: async ({ query }, actor) => ({
      results: (await hub.accounts.list(actor, query.agency)).map(presentUser),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    operationId: 'createUser',
    summary: 'Create a user with a one-time password',
    tags,
    auth: 'users:manage-agency',
    status: 201,
    body: z.strictObject({
      agency: z.string().min(1).max(64),
      username: z.string().min(1).max(64),
      displayName: z.string().max(200).optional(),
      roles: z.array(z.enum(ROLES)).min(1),
    }),
    response: issuedPasswordSchema,
    handler: async ({ body }, actor) => {
      const issued = await hub.accounts.create(actor, body);
      return { user: presentUser(issued.user), oneTimePassword: issued.oneTimePassword };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    operationId: 'updateUser',
    summary: 'Change a user’s roles, or disable or enable them (applies to their next request)',
    tags,
    auth: 'users:manage-agency',
    params: userParams,
    body: z.strictObject({
      roles: z.array(z.enum(ROLES)).min(1).optional(),
      disabled: z.boolean().optional(),
    }),
    response: userSchema,
    handler: async ({ params, body }, actor) =>
      presentUser(await hub.accounts.update(actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/password-reset',
    operationId: 'resetPassword',
    summary: 'Issue a new one-time password and unlock the account (ends its sessions)',
    tags,
    auth: 'users:manage-agency',
    params: userParams,
    response: issuedPasswordSchema,
    handler: async ({ params }, actor) => {
      const issued = await hub.accounts.resetPassword(actor, params.id);
      return { user: presentUser(issued.user), oneTimePassword: issued.oneTimePassword };
    },
  }),
];
