import type { TokenView, UserView } from '@clew/app';
import { PERMISSIONS, ROLES } from '@clew/core';
import { z } from 'zod';

export const userSchema = z
  .object({
    id: z.string(),
    agency: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    disabled: z.boolean(),
    totpEnrolled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User', description: 'A user: one agency, some roles. Never a password hash or secret.' });

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(PERMISSIONS)),
    purpose: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken', description: 'An API token (its secret is shown once, at creation).' });

export const presentUser = (u: UserView): z.input<typeof userSchema> => ({ ...u });
export const presentToken = (t: TokenView): z.input<typeof tokenSchema> => ({ ...t });

export const issuedPasswordSchema = z.object({
  user: userSchema,
  oneTimePassword: z.string().meta({ description: 'Shown once; the user must change it at first sign-in' }),
});
