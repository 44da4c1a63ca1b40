import { HANDLING_CODES } from '@clew/core';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['hits'];

const hitSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    side: z.enum(['asker', 'owner']),
    status: z.enum(['open', 'released', 'declined']),
    score: z.number(),
    createdAt: z.string(),
    ageHours: z.number().int(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    yourEntity: z.string(),
    otherAgency: z.string(),
    theirRecord: z.array(z.object({ prop: z.string(), value: z.string() })).nullable(),
    released: z
      .array(
        z.object({
          prop: z.string(),
          value: z.string(),
          handling: z.enum(HANDLING_CODES),
          handlingConditions: z.string().nullable(),
          source: z.string(),
          grading: z.string(),
        }),
      )
      .nullable(),
    declineReason: z.string().nullable(),
    respondedAt: z.string().nullable(),
  })
  .meta({
    id: 'Hit',
    description:
      'A hit notice. The asker sees that its record matched another agency’s, the strength and the owner; the owner sees the asker’s record as far as its markings allow, and releases or declines.',
  });

const idParams = z.object({ id: z.string().min(1).max(64) });

/** Hit/no-hit between agencies. */
export const hitsRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/hits',
    operationId: 'listHits',
    summary: 'Hit notices of the caller’s agency (as asker or owner), newest first',
    tags,
    auth: 'data:read',
    query: z.strictObject({
      status: z.enum(['open', 'released', 'declined']).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.object({ results: z.array(hitSchema) }),
    handler: async ({ query }, actor) => ({ results: await hub.hits.list(actor, query) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/hits/:id',
    operationId: 'getHit',
    summary: 'One hit notice',
    tags,
    auth: 'data:read',
    params: idParams,
    response: hitSchema,
    handler: ({ params }, actor) => hub.hits.get(actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/hits/:id/release',
    operationId: 'releaseHit',
    summary: 'Release the owner’s record to the asker: all statements or chosen ones, under a handling code',
    tags,
    auth: 'hits:respond',
    params: idParams,
    body: z.strictObject({
      statements: z.array(z.string().max(64)).max(1000).optional(),
      handling: z.enum(HANDLING_CODES),
      conditions: z.string().max(2000).optional(),
    }),
    response: hitSchema,
    handler: ({ params, body }, actor) => hub.hits.release(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/hits/:id/decline',
    operationId: 'declineHit',
    summary: 'Decline a hit, with a reason the asker reads',
    tags,
    auth: 'hits:respond',
    params: idParams,
    body: z.strictObject({ reason: z.string().min(1).max(2000) }),
    response: hitSchema,
    handler: ({ params, body }, actor) => hub.hits.decline(actor, params.id, body.reason),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/agencies/:id/hit-deadline',
    operationId: 'setHitDeadline',
    summary: 'How many hours the agency gives itself to answer hit notices (null: no deadline)',
    tags,
    auth: 'datasets:manage',
    params: idParams,
    body: z.strictObject({ hours: z.number().int().nullable() }),
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ params, body }, actor) => {
      await hub.hits.setDeadline(actor, params.id, body.hours);
      return { ok: true as const };
    },
  }),
];
