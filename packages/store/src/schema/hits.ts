/**
 * A hit notice (hit/no-hit, as in Europol's cross-checking and Prüm): the asker's record matched a
 * record of another agency (the owner) that the asker may not see. The asker learns that there is a
 * match, its strength and the owner; the owner sees the asker's record as far as its markings allow,
 * and releases details or declines.
 */
export interface HitsTable {
  id: string;
  /** A short reference both sides quote, e.g. `HIT-7Q2K-94XD`. */
  reference: string;
  asker_agency: string;
  asker_dataset: string;
  asker_entity: string;
  owner_agency: string;
  owner_dataset: string;
  owner_entity: string;
  score: number;
  /** `open`, `released` or `declined`. */
  status: string;
  created_at: string;
  /** When the owner is due to answer (its agency's deadline), or null when it set none. */
  due_at: string | null;
  responded_at: string | null;
  /** Who answered (`user:…`, `operator:…`). */
  responded_by: string | null;
  decline_reason: string | null;
  /** A release: JSON array of the owner's statement ids released (null: every statement). */
  released_statements: string | null;
  /** The handling code the owner put on what it released. */
  released_handling: string | null;
  released_conditions: string | null;
}

/** Per-agency settings of the hit/no-hit exchange. */
export interface AgencySettingsTable {
  agency_id: string;
  /** How many hours the agency gives itself to answer a hit notice; null: no deadline. */
  hit_response_hours: number | null;
}

/** Tables of migration 0006-hits. */
export interface HitTables {
  hits: HitsTable;
  agency_settings: AgencySettingsTable;
}
