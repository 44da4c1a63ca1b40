import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import type { RouteDeps } from './route-deps.js';

/** The hub's health on the wire. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  dialect: z.enum(['sqlite', 'postgres']),
  hubId: z.string(),
  version: z.string(),
});

/** Health: whether the hub answers, on which engine, which hub and version. */
export const healthRoutes = ({ hub, version }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    operationId: 'getHealth',
    auth: 'public',
    summary: 'Whether the hub is up, its database engine, id and version',
    tags: ['meta'],
    response: healthSchema,
    handler: () =>
      Promise.resolve({ status: 'ok' as const, dialect: hub.store.dialect, hubId: hub.hubId, version }),
  }),
];
