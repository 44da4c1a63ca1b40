import { CANDIDATE_STATUSES, VERDICTS, type EntityExample } from '@clew/app';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import {
  candidatePageSchema,
  comparisonSchema,
  entityExampleSchema,
  identitySchema,
  indexStatusSchema,
  judgementSchema,
  matchResponseSchema,
  pairSchema,
  presentCandidatePage,
  presentComparison,
  presentIdentity,
  presentIndexStatus,
  presentJudgement,
  presentMatches,
  presentPair,
  presentXref,
  xrefSchema,
} from './matching.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['matching'];

/** The most queries one /match call may carry. */
export const MAX_QUERIES = 1000;

const id = z.string().min(1).max(512);

const matchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(5),
  threshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'Score from which a result is a match' }),
  cutoff: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .meta({ description: 'Results scoring below this are left out' }),
  purpose: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Why you search: recorded in the audit log with the search' }),
  algorithm: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'Accepted for yente clients; Clew scores with its one model (see modelVersion)' }),
});

const matchBody = z.object({
  queries: z
    .record(z.string().min(1).max(256), entityExampleSchema)
    .refine((q) => Object.keys(q).length <= MAX_QUERIES, {
      error: `at most ${MAX_QUERIES.toLocaleString('en')} queries per call`,
    }),
  weights: z
    .record(z.string(), z.number())
    .optional()
    .meta({ description: 'Accepted for yente clients; not used' }),
});

const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** A yente EntityExample as the service takes it (every property a list). */
const toExample = (e: z.output<typeof entityExampleSchema>): EntityExample => ({
  ...(e.id === undefined ? {} : { id: e.id }),
  schema: e.schema,
  properties: Object.fromEntries(Object.entries(e.properties).map(([k, v]) => [k, asList(v)])),
});

const compareSide = z.union([entityExampleSchema, z.strictObject({ id })]);
const compareBody = z.strictObject({ a: compareSide, b: compareSide });

const candidatesQuery = z.strictObject({
  dataset: z.string().min(1).max(64).optional(),
  status: z.enum(CANDIDATE_STATUSES).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const judgementBody = z.strictObject({
  a: id,
  b: id,
  verdict: z.enum(VERDICTS),
  reason: z.string().trim().min(1).max(2000).meta({ description: 'Why: kept with who and when' }),
});

/** Cross-matching: yente-compatible screening, comparison, candidates, judgements, identities, re-matching. */
export const matchingRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'POST',
    url: '/api/match/:dataset',
    operationId: 'match',
    auth: 'data:search',
    summary: `Screen up to ${MAX_QUERIES.toLocaleString('en')} entities by example against a dataset or "all" (yente's /match)`,
    tags,
    params: z.object({ dataset: z.string().min(1).max(64) }),
    query: matchQuery,
    body: matchBody,
    response: matchResponseSchema,
    handler: async ({ params, query, body }, actor) =>
      presentMatches(
        await hub.matching.screen(
          actor,
          params.dataset,
          Object.fromEntries(Object.entries(body.queries).map(([k, q]) => [k, toExample(q)])),
          { limit: query.limit, threshold: query.threshold, cutoff: query.cutoff, purpose: query.purpose },
        ),
      ),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/compare',
    operationId: 'compare',
    auth: 'data:search',
    summary: 'Compare two entities (given whole, or by the id of one you may read): score and explanation',
    tags,
    body: compareBody,
    response: comparisonSchema,
    handler: async ({ body }, actor) => {
      const side = (s: z.output<typeof compareSide>) => ('schema' in s ? toExample(s) : { id: s.id });
      return presentComparison(await hub.matching.compare(actor, side(body.a), side(body.b)));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matches',
    operationId: 'listMatches',
    auth: 'data:read',
    summary: 'Stored candidate matches you may see, best score first',
    tags,
    query: candidatesQuery,
    response: candidatePageSchema,
    handler: async ({ query }, actor) => presentCandidatePage(await hub.matching.candidates(actor, query)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matches/pair',
    operationId: 'getMatchPair',
    auth: 'data:read',
    summary: 'The stored candidates and the judgements of one pair of entities',
    tags,
    query: z.strictObject({ a: id, b: id }),
    response: pairSchema,
    handler: async ({ query }, actor) =>
      presentPair(
        await hub.matching.pair(actor, query.a, query.b),
        await hub.matching.judgements(actor, query.a, query.b),
      ),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/matches/judgements',
    operationId: 'judgeMatch',
    auth: 'matches:judge',
    summary: 'Judge a pair of entities: same, not-same (also splits a resolved identity) or unsure',
    tags,
    status: 201,
    body: judgementBody,
    response: judgementSchema,
    handler: async ({ body }, actor) =>
      presentJudgement(await hub.matching.judge(actor, body.a, body.b, body.verdict, body.reason)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/identities/:id',
    operationId: 'getIdentity',
    auth: 'data:read',
    summary: 'The resolved identity of an entity: the entities judged the same, as far as you may see them',
    tags,
    params: z.object({ id }),
    response: identitySchema,
    handler: async ({ params }, actor) => presentIdentity(await hub.matching.identity(actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/datasets/:dataset/xref',
    operationId: 'xrefDataset',
    auth: 'data:write',
    summary: 'Re-match a whole dataset against the hub, replacing its unjudged candidates',
    tags,
    params: z.object({ dataset: z.string().min(1).max(64) }),
    response: xrefSchema,
    handler: async ({ params }, actor) => presentXref(await hub.matching.xref(actor, params.dataset)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/index',
    operationId: 'matchIndexStatus',
    auth: 'hub:manage',
    summary: 'Whether the in-memory match index is built, its size, and how long building it took',
    tags,
    response: indexStatusSchema,
    handler: (_input, actor) => Promise.resolve(presentIndexStatus(hub.matching.status(actor))),
  }),
];
