import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import {
  entityPageSchema,
  entitySchema,
  presentEntity,
  presentEntityPage,
  presentStatements,
  statementListSchema,
} from './entities.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['entities'];

const entityParams = z.object({ id: z.string().min(1).max(512) });

const listQuery = z.strictObject({
  dataset: z.string().min(1).max(64).optional(),
  schema: z.string().min(1).max(64).optional().meta({ description: 'A FollowTheMoney schema, e.g. Person' }),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Entities: merged views of what the datasets you may read state, and the statements behind them. */
export const entitiesRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/entities',
    operationId: 'listEntities',
    auth: 'data:read',
    summary: 'A page of entities, optionally of one dataset or schema',
    tags,
    query: listQuery,
    response: entityPageSchema,
    handler: async ({ query }, actor) => presentEntityPage(await hub.entities.list(actor, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/entities/:id',
    operationId: 'getEntity',
    auth: 'data:read',
    summary: 'One entity',
    tags,
    params: entityParams,
    response: entitySchema,
    handler: async ({ params }, actor) => presentEntity(await hub.entities.get(actor, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/entities/:id/statements',
    operationId: 'listEntityStatements',
    auth: 'data:read',
    summary: 'The statements about an entity, each with its provenance',
    tags,
    params: entityParams,
    response: statementListSchema,
    handler: async ({ params }, actor) =>
      presentStatements(params.id, await hub.entities.statements(actor, params.id)),
  }),
];
