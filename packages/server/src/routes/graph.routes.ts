import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import {
  centralitySchema,
  communitiesSchema,
  flowsSchema,
  pathsSchema,
  patternsSchema,
  presentCentrality,
  presentCommunities,
  presentFlows,
  presentPaths,
  presentPatterns,
  presentSubgraph,
  subgraphSchema,
} from './graph.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['graph'];

const id = z.string().min(1).max(512);
/** A comma-separated list in a query string. */
const list = z
  .string()
  .max(512)
  .transform((s) => s.split(',').filter((x) => x !== ''));

/** A calendar date bound of the edge-date window. */
const day = z.iso.date().meta({ description: 'YYYY-MM-DD, inclusive' });

/** Filters on the edges walked: their dates and the agencies whose datasets stated them. */
const edgeFilters = {
  since: day.optional().meta({
    description: 'Only edges dated on or after this day (undated ones pass, but flows skip undated payments)',
  }),
  until: day.optional().meta({
    description:
      'Only edges dated on or before this day (undated ones pass, but flows skip undated payments)',
  }),
  agencies: list
    .optional()
    .meta({ description: 'Only edges stated by these agencies’ datasets, comma-separated agency ids' }),
};

const neighbourhoodQuery = z.strictObject({
  ...edgeFilters,
  id,
  hops: z.coerce.number().int().min(1).max(3).default(2),
  maxNodes: z.coerce.number().int().min(1).max(10_000).default(500),
  edgeTypes: list.optional().meta({ description: 'Edge kinds, comma-separated, e.g. has-phone,associate' }),
  nodeTypes: list.optional().meta({ description: 'Node kinds, comma-separated, e.g. person,phone' }),
});

const pathsQuery = z.strictObject({
  ...edgeFilters,
  from: id,
  to: id,
  maxLength: z.coerce.number().int().min(1).max(10).default(6),
  maxPaths: z.coerce.number().int().min(1).max(100).default(5),
});

const communitiesQuery = z.strictObject({
  resolution: z.coerce.number().positive().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});

const centralityQuery = z.strictObject({
  measure: z.enum(['degree', 'pagerank', 'betweenness']).default('pagerank'),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});

const flowsQuery = z.strictObject({
  ...edgeFilters,
  id,
  direction: z.enum(['forward', 'backward']).default('forward'),
  maxDepth: z.coerce.number().int().min(1).max(10).default(4),
});

const patternsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(50) });

/** Network analysis over the entity graph of the datasets you may read; each answer is a drawable subgraph. */
export const graphRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/graph/neighbourhood',
    operationId: 'graphNeighbourhood',
    auth: 'data:read',
    summary: 'The k-hop neighbourhood of an entity or thing',
    tags,
    query: neighbourhoodQuery,
    response: subgraphSchema,
    handler: async ({ query }, actor) => presentSubgraph(await hub.graph.neighbourhood(actor, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/graph/paths',
    operationId: 'graphPaths',
    auth: 'data:read',
    summary: 'Shortest paths between two entities or things',
    tags,
    query: pathsQuery,
    response: pathsSchema,
    handler: async ({ query }, actor) => presentPaths(await hub.graph.paths(actor, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/graph/communities',
    operationId: 'graphCommunities',
    auth: 'data:read',
    summary: 'Communities (Louvain) with their sizes and best-connected members',
    tags,
    query: communitiesQuery,
    response: communitiesSchema,
    handler: async ({ query }, actor) =>
      presentCommunities(
        await hub.graph.communities(actor, {
          limit: query.limit,
          ...(query.resolution !== undefined ? { resolution: query.resolution } : {}),
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/graph/centrality',
    operationId: 'graphCentrality',
    auth: 'data:read',
    summary: 'The top entities by degree, PageRank or betweenness',
    tags,
    query: centralityQuery,
    response: centralitySchema,
    handler: async ({ query }, actor) => presentCentrality(await hub.graph.centrality(actor, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/graph/flows',
    operationId: 'graphFlows',
    auth: 'data:read',
    summary: 'Money from or to an entity, following payments in time order',
    tags,
    query: flowsQuery,
    response: flowsSchema,
    handler: async ({ query }, actor) => presentFlows(await hub.graph.flows(actor, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/graph/patterns',
    operationId: 'graphPatterns',
    auth: 'data:read',
    summary: 'Trafficking indicators found in the graph, each naming its indicator',
    tags,
    query: patternsQuery,
    response: patternsSchema,
    handler: async ({ query }, actor) => presentPatterns(await hub.graph.patterns(actor, query)),
  }),
];
