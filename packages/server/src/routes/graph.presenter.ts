import type {
  CentralityView,
  CommunitiesView,
  FlowsView,
  PathsView,
  PatternsView,
  SubgraphView,
} from '@clew/app';
import { z } from 'zod';

/** A node of a graph answer, with the reason it is there. */
export const graphNodeSchema = z.object({
  id: z.string().meta({ description: 'Entity id, or thing key such as phone:+393331234567' }),
  type: z.string(),
  schema: z.string(),
  caption: z.string(),
  reason: z.string(),
  score: z.number().optional(),
  members: z
    .array(z.string())
    .optional()
    .meta({ description: 'The record entity ids a resolved identity holds, when it holds several' }),
});

/** An edge of a graph answer, with its provenance. */
export const graphEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  type: z.string(),
  directed: z.boolean(),
  amount: z.number().optional(),
  date: z.string().optional(),
  via: z
    .string()
    .meta({ description: 'The relationship entity, or the entity whose property made the edge' }),
  dataset: z.string(),
});

/** A drawable subgraph. */
export const subgraphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  truncated: z.boolean(),
});

/** Shortest paths on the wire. */
export const pathsSchema = subgraphSchema.extend({
  length: z.number().int(),
  paths: z.array(z.array(z.string())),
});

/** Communities on the wire. */
export const communitiesSchema = subgraphSchema.extend({
  modularity: z.number(),
  count: z.number().int(),
  communities: z.array(
    z.object({
      community: z.number().int(),
      size: z.number().int(),
      people: z.number().int(),
      top: z.array(z.string()),
    }),
  ),
});

/** A centrality ranking on the wire. */
export const centralitySchema = subgraphSchema.extend({
  measure: z.enum(['degree', 'pagerank', 'betweenness']),
  ranking: z.array(z.object({ id: z.string(), score: z.number() })),
});

/** A money flow on the wire. */
export const flowsSchema = subgraphSchema.extend({ total: z.number() });

/** Pattern matches on the wire, each naming its indicator. */
export const patternsSchema = subgraphSchema.extend({
  matches: z.array(
    z.object({
      indicator: z.string(),
      id: z.string(),
      count: z.number().int(),
      score: z.number(),
      related: z.array(z.string()),
    }),
  ),
});

/** Present the drawable part of any graph answer: exactly the node and edge fields the UI needs. */
export const presentSubgraph = (v: SubgraphView): z.input<typeof subgraphSchema> => ({
  nodes: v.nodes.map((n) => ({ ...n })),
  edges: v.edges.map((e) => ({ ...e })),
  truncated: v.truncated,
});

/** Present shortest paths. */
export const presentPaths = (v: PathsView): z.input<typeof pathsSchema> => ({
  ...presentSubgraph(v),
  length: v.length,
  paths: v.paths,
});

/** Present communities. */
export const presentCommunities = (v: CommunitiesView): z.input<typeof communitiesSchema> => ({
  ...presentSubgraph(v),
  modularity: v.modularity,
  count: v.count,
  communities: v.communities,
});

/** Present a centrality ranking. */
export const presentCentrality = (v: CentralityView): z.input<typeof centralitySchema> => ({
  ...presentSubgraph(v),
  measure: v.measure,
  ranking: v.ranking,
});

/** Present a money flow. */
export const presentFlows = (v: FlowsView): z.input<typeof flowsSchema> => ({
  ...presentSubgraph(v),
  total: v.total,
});

/** Present pattern matches. */
export const presentPatterns = (v: PatternsView): z.input<typeof patternsSchema> => ({
  ...presentSubgraph(v),
  matches: v.matches,
});
