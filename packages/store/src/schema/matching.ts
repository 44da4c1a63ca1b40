/** Tables of migration 0003-matching: match candidates, judgements and resolved identities. */

/**
 * A candidate match: one dataset's record of entity a against one dataset's record of entity b
 * (entity_a < entity_b), scored on everything the two records state. Records, not merged entities,
 * are compared, so nothing in a candidate comes from a third dataset; a reader sees it only when it
 * sees both records whole (its own agency's, or another's whose statements may all leave it).
 */
export interface MatchCandidatesTable {
  entity_a: string;
  dataset_a: string;
  agency_a: string;
  /** 1 when every statement of a's record may leave its agency (a reader it is shared with sees it whole). */
  open_a: number;
  entity_b: string;
  dataset_b: string;
  agency_b: string;
  /** 1 when every statement of b's record may leave its agency. */
  open_b: number;
  score: number;
  /** JSON array of the comparison's per-feature explanations (feature, level, weight, values). */
  explanation: string;
  /** The version of the matching model that scored the pair. */
  model_version: string;
  /** `new` until the pair is judged; then the pair's current verdict. */
  status: string;
  created_at: string;
  updated_at: string;
}

/** Every judgement ever made on a pair of entities (entity_a < entity_b): who, when, why. */
export interface MatchJudgementsTable {
  id: string;
  entity_a: string;
  entity_b: string;
  /** `same`, `not-same` or `unsure`. */
  verdict: string;
  /** Who judged (`user:…`, `operator:…`), as import runs name actors. */
  actor: string;
  agency_id: string | null;
  reason: string;
  created_at: string;
}

/** The current verdict on a pair: its latest judgement. */
export interface MatchVerdictsTable {
  entity_a: string;
  entity_b: string;
  verdict: string;
  judgement_id: string;
  updated_at: string;
}

/**
 * Resolved identities: the cluster of each entity joined to another by a chain of current `same`
 * verdicts. Only human judgements form clusters — no score, however high, merges identities.
 */
export interface ResolvedEntitiesTable {
  entity_id: string;
  cluster_id: string;
}

/** The tables of migration 0003-matching. */
export interface MatchingTables {
  match_candidates: MatchCandidatesTable;
  match_judgements: MatchJudgementsTable;
  match_verdicts: MatchVerdictsTable;
  resolved_entities: ResolvedEntitiesTable;
}
