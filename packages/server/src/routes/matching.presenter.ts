import {
  VERDICTS,
  CANDIDATE_STATUSES,
  type CandidatePage,
  type CandidateView,
  type ComparisonView,
  type IdentityView,
  type IndexStatus,
  type JudgementView,
  type ScreeningBatch,
  type ScreeningResult,
  type XrefResult,
} from '@clew/app';
import { FEATURES, type FeatureExplanation } from '@clew/core';
import { z } from 'zod';

/** One feature of an explanation: its agreement level, its weight in bits, and the two values behind it. */
export const featureExplanationSchema = z.object({
  feature: z.string(),
  level: z.string(),
  weight: z.number().meta({ description: 'log2(m/u) in bits: positive for, negative against' }),
  left: z.string().nullable(),
  right: z.string().nullable(),
});

const properties = z.record(z.string(), z.array(z.string()));

/** A screening result in yente's shape, with Clew's explanation added. */
export const scoredEntitySchema = z.object({
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  properties,
  datasets: z.array(z.string()),
  referents: z.array(z.string()),
  target: z.boolean(),
  score: z.number(),
  match: z.boolean(),
  features: z
    .record(z.string(), z.number())
    .meta({ description: 'Weight in bits of each feature both sides have (yente: feature → value)' }),
  explanation: z.array(featureExplanationSchema),
});

/** yente's EntityExample: a query, or one side of a comparison. */
export const entityExampleSchema = z.object({
  id: z.string().max(512).optional(),
  schema: z.string().min(1).max(64).meta({ description: 'A FollowTheMoney schema, e.g. Person' }),
  properties: z
    .record(z.string().max(64), z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(100)]))
    .meta({ description: 'Property values, one or a list each (yente accepts both)' }),
});

const matchesSchema = z.object({
  status: z.number().int(),
  results: z.array(scoredEntitySchema),
  total: z.object({ value: z.number().int(), relation: z.string() }),
  query: z.object({ id: z.string().optional(), schema: z.string(), properties }),
});

/** The response of /api/match/{dataset}: yente's EntityMatchResponse. */
export const matchResponseSchema = z.object({
  responses: z.record(z.string(), matchesSchema),
  matcher: z.record(
    z.string(),
    z.object({ description: z.string(), coefficient: z.number(), url: z.string() }),
  ),
  limit: z.number().int(),
});

const FEATURE_DOCS: Record<string, string> = {
  name: 'Names: exact, same tokens, fuzzy, phonetic, cognate (John/Yohannes), one token in common, or differ',
  date: 'Birth or incorporation dates: exact, partial, day/month swapped, same month or year, near, or differ',
  country: 'Nationality, citizenship or country agrees or differs',
  gender: 'Gender agrees or differs',
  address: 'Addresses: exact, similar, half the words, same postcode, or differ',
};

/** What each feature means (yente's `matcher`); the coefficient is 1: weights come per level. */
const matcherDocs = Object.fromEntries(
  FEATURES.map((f) => [
    f,
    {
      description:
        FEATURE_DOCS[f] ?? `${f} identifiers: strict, confusable (O/0, I/1), one slip apart, or differ`,
      coefficient: 1,
      url: 'packages/core/src/matching/README.md',
    },
  ]),
);

const featureWeights = (features: readonly FeatureExplanation[]): Record<string, number> => {
  // A loop rather than fromEntries(filter().map()): one object built, in the same key order.
  const out: Record<string, number> = {};
  for (const f of features) if (f.level !== 'missing') out[f.feature] = f.weight;
  return out;
};

const presentExplanation = (
  features: readonly FeatureExplanation[],
): z.input<typeof featureExplanationSchema>[] =>
  features.map((f) => ({
    feature: f.feature,
    level: f.level,
    weight: f.weight,
    left: f.left,
    right: f.right,
  }));

const presentResult = (r: ScreeningResult): z.input<typeof scoredEntitySchema> => ({
  id: r.id,
  caption: r.caption,
  schema: r.schema,
  properties: r.properties,
  datasets: r.datasets,
  referents: [],
  target: false,
  score: r.score,
  match: r.match,
  features: featureWeights(r.explanation),
  explanation: presentExplanation(r.explanation),
});

/** Present a screening batch in yente's shape. */
export const presentMatches = (b: ScreeningBatch): z.input<typeof matchResponseSchema> => ({
  responses: Object.fromEntries(
    Object.entries(b.responses).map(([key, r]) => [
      key,
      {
        status: 200,
        results: r.results.map(presentResult),
        total: { value: r.total, relation: 'eq' },
        query: r.query,
      },
    ]),
  ),
  matcher: matcherDocs,
  limit: b.limit,
});

/** Two entities compared. */
export const comparisonSchema = z.object({
  score: z.number(),
  logOdds: z.number().nullable().meta({ description: 'Bits; null when the schemata cannot be compared' }),
  match: z.boolean(),
  threshold: z.number(),
  modelVersion: z.string(),
  explanation: z.array(featureExplanationSchema),
});

/** Present a comparison (log-odds of incomparable schemata, −∞, becomes null: JSON has no infinity). */
export const presentComparison = (c: ComparisonView): z.input<typeof comparisonSchema> => ({
  score: c.score,
  logOdds: Number.isFinite(c.logOdds) ? c.logOdds : null,
  match: c.match,
  threshold: c.threshold,
  modelVersion: c.modelVersion,
  explanation: presentExplanation(c.explanation),
});

const sideSchema = z.object({
  id: z.string(),
  dataset: z.string(),
  agency: z.string(),
  schema: z.string(),
  caption: z.string(),
});

/** A stored candidate match. */
export const candidateSchema = z.object({
  a: sideSchema,
  b: sideSchema,
  score: z.number(),
  match: z.boolean(),
  status: z.enum(CANDIDATE_STATUSES),
  explanation: z.array(featureExplanationSchema),
  modelVersion: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A page of candidates. */
export const candidatePageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  results: z.array(candidateSchema),
});

const presentCandidate = (c: CandidateView): z.input<typeof candidateSchema> => ({
  a: { ...c.a },
  b: { ...c.b },
  score: c.score,
  match: c.match,
  status: c.status,
  explanation: presentExplanation(c.explanation),
  modelVersion: c.modelVersion,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** Present a page of candidates. */
export const presentCandidatePage = (p: CandidatePage): z.input<typeof candidatePageSchema> => ({
  total: p.total,
  limit: p.limit,
  offset: p.offset,
  results: p.results.map(presentCandidate),
});

/** A judgement: who, when, why. */
export const judgementSchema = z.object({
  id: z.string(),
  a: z.string(),
  b: z.string(),
  verdict: z.enum(VERDICTS),
  actor: z.string(),
  agency: z.string().nullable(),
  reason: z.string(),
  at: z.string(),
});

/** Present a judgement. */
export const presentJudgement = (j: JudgementView): z.input<typeof judgementSchema> => ({ ...j });

/** The judgements of a pair and its stored candidates. */
export const pairSchema = z.object({
  candidates: z.array(candidateSchema),
  judgements: z.array(judgementSchema),
});

/** Present a pair. */
export const presentPair = (
  candidates: readonly CandidateView[],
  judgements: readonly JudgementView[],
): z.input<typeof pairSchema> => ({
  candidates: candidates.map(presentCandidate),
  judgements: judgements.map(presentJudgement),
});

/** A resolved identity as the reader may see it. */
export const identitySchema = z.object({
  entity: z.string(),
  members: z.array(
    z.object({ id: z.string(), schema: z.string(), caption: z.string(), datasets: z.array(z.string()) }),
  ),
  links: z.array(judgementSchema),
});

/** Present an identity. */
export const presentIdentity = (i: IdentityView): z.input<typeof identitySchema> => ({
  entity: i.entity,
  members: i.members.map((m) => ({ ...m, datasets: [...m.datasets] })),
  links: i.links.map(presentJudgement),
});

/** What a re-match did. */
export const xrefSchema = z.object({
  dataset: z.string(),
  records: z.number().int(),
  candidates: z.number().int(),
  seconds: z.number(),
});

/** Present a re-match. */
export const presentXref = (x: XrefResult): z.input<typeof xrefSchema> => ({ ...x });

/** The in-memory index. */
export const indexStatusSchema = z.object({
  ready: z.boolean(),
  records: z.number().int(),
  buildSeconds: z.number().nullable(),
  replicas: z
    .object({
      threads: z.number().int(),
      ready: z.boolean(),
      failure: z.string().nullable(),
    })
    .meta({ description: 'Threads answering screening queries with copies of the index (decision 0012)' }),
});

/** Present the index status. */
export const presentIndexStatus = (s: IndexStatus): z.input<typeof indexStatusSchema> => ({ ...s });
