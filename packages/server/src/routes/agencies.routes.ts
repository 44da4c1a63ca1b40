import { AGENCY_KINDS } from '@clew/app';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import { agencyListSchema, agencySchema, presentAgency } from './agencies.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['agencies'];

const newAgencySchema = z.strictObject({
  id: z.string().min(1).max(64).meta({ description: 'A slug: 2-64 lower-case letters, digits, "-" or "_"' }),
  name: z.string().min(1).max(200),
  kind: z.enum(AGENCY_KINDS),
  country: z.string().max(8).nullable().optional().meta({ description: 'ISO 3166 alpha-2 code' }),
});

/** Agencies: the tenants of the hub. */
export const agenciesRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/agencies',
    operationId: 'listAgencies',
    auth: 'signed-in',
    summary: 'List agencies',
    tags,
    response: agencyListSchema,
    handler: async (_input, actor) => ({ results: (await hub.agencies.list(actor)).map(presentAgency) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/agencies',
    operationId: 'createAgency',
    auth: 'hub:manage',
    summary: 'Create an agency',
    tags,
    body: newAgencySchema,
    response: agencySchema,
    status: 201,
    handler: async ({ body }, actor) => presentAgency(await hub.agencies.create(actor, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/agencies/:id',
    operationId: 'getAgency',
    auth: 'signed-in',
    summary: 'One agency',
    tags,
    params: z.object({ id: z.string().min(1).max(64) }),
    response: agencySchema,
    handler: async ({ params }, actor) => presentAgency(await hub.agencies.get(actor, params.id)),
  }),
];
