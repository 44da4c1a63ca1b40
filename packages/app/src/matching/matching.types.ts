import type { FeatureExplanation } from '@clew/core';

/** Verdicts an analyst may give a pair. */
export const VERDICTS = ['same', 'not-same', 'unsure'] as const;
/** One verdict. */
export type Verdict = (typeof VERDICTS)[number];
/** Statuses of a candidate: `new` until judged, then its current verdict. */
export const CANDIDATE_STATUSES = ['new', ...VERDICTS] as const;
/** One status. */
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** An entity given by example: a schema and property values (a screening query, one side of a compare). */
export interface EntityExample {
  id?: string | undefined;
  schema: string;
  properties: Record<string, string[]>;
}

/** Options of a screening call (yente's /match query parameters). */
export interface ScreeningOptions {
  /** Results per query. */
  limit: number;
  /** Results scoring at least this are flagged `match`; default the model's threshold. */
  threshold?: number | undefined;
  /** Results scoring below this are left out; default 0. */
  cutoff?: number | undefined;
  /** Why the search is made, as the user gives it: recorded in the audit log. */
  purpose?: string | undefined;
}

/** One screening result: an entity as the reader may see it, scored against the query. */
export interface ScreeningResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  score: number;
  match: boolean;
  explanation: FeatureExplanation[];
}

/** The answer to one query. */
export interface ScreeningResponse {
  results: ScreeningResult[];
  /**
   * The entities returned: scoring at least the cutoff, at most the limit. Candidates that cannot
   * reach the results are not scored in full, so how many more would pass the cutoff is not counted.
   */
  total: number;
  query: EntityExample;
}

/** The answer to a batch of queries, by the caller's keys. */
export interface ScreeningBatch {
  responses: Record<string, ScreeningResponse>;
  limit: number;
  threshold: number;
}

/** Two entities compared. */
export interface ComparisonView {
  score: number;
  logOdds: number;
  match: boolean;
  threshold: number;
  modelVersion: string;
  explanation: FeatureExplanation[];
}

/** One side of a candidate: a dataset's record of an entity. */
export interface CandidateSide {
  id: string;
  dataset: string;
  agency: string;
  schema: string;
  caption: string;
}

/** A stored candidate match as the reader may see it. */
export interface CandidateView {
  a: CandidateSide;
  b: CandidateSide;
  score: number;
  match: boolean;
  status: CandidateStatus;
  explanation: FeatureExplanation[];
  modelVersion: string;
  createdAt: string;
  updatedAt: string;
}

/** Filters for listing candidates. */
export interface CandidateFilter {
  dataset?: string | undefined;
  status?: CandidateStatus | undefined;
  minScore?: number | undefined;
  limit: number;
  offset: number;
}

/** A page of candidates, best first. */
export interface CandidatePage {
  total: number;
  limit: number;
  offset: number;
  results: CandidateView[];
}

/** A judgement as stored: who, when, why. */
export interface JudgementView {
  id: string;
  a: string;
  b: string;
  verdict: Verdict;
  actor: string;
  agency: string | null;
  reason: string;
  at: string;
}

/** A resolved identity as the reader may see it: the members and the judgements that join them. */
export interface IdentityView {
  /** The entity asked about. */
  entity: string;
  members: { id: string; schema: string; caption: string; datasets: string[] }[];
  links: JudgementView[];
}

/** What a re-match of a dataset did. */
export interface XrefResult {
  dataset: string;
  records: number;
  /** Candidates the caller may see (pairs with a record elsewhere the caller cannot read are not counted). */
  candidates: number;
  seconds: number;
}

/** Progress of a long run: records done out of the total. */
export type ProgressListener = (done: number, total: number) => void;

/** The state of the in-memory index. */
export interface IndexStatus {
  ready: boolean;
  records: number;
  /** How long the last build from the store took. */
  buildSeconds: number | null;
  /** The threads answering screening queries with copies of the index (decision 0012). */
  replicas: ReplicaStatus;
}

/** The screening threads: how many, whether their copies are ready, and why they stopped if they did. */
export interface ReplicaStatus {
  threads: number;
  ready: boolean;
  failure: string | null;
}
