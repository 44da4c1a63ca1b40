import type { Generated } from 'kysely';
import type { AccountTables } from './schema/accounts.js';
import type { AuditTables } from './schema/audit.js';
import type { HitTables } from './schema/hits.js';
import type { ImportCheckpointTables } from './schema/imports.js';
import type { MatchingTables } from './schema/matching.js';

/** Key/value facts about the hub itself (its id, when it was created). */
export interface MetaTable {
  key: string;
  value: string;
}

/** Tenants: a police force, a border agency, a financial intelligence unit, an NGO, an international body. */
export interface AgenciesTable {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  created_at: string;
}

/** Collections of entities owned by one agency, with the marking their statements default to. */
export interface DatasetsTable {
  id: string;
  agency_id: string;
  label: string;
  default_source: string;
  default_collected: string | null;
  default_source_reliability: string;
  default_info_assessment: string;
  default_handling: string;
  default_handling_conditions: string | null;
  default_tlp: string;
  created_at: string;
}

/**
 * One dataset's statements about one entity (a fragment). The statements are packed into one row —
 * about ten times fewer rows than one per value, which is what lets a 2-core machine load a million
 * entities a minute — and unpacked into Statement objects by the repository (see fragment-codec.ts).
 */
export interface FragmentsTable {
  dataset_id: string;
  entity_id: string;
  agency_id: string;
  /** The id the source file used (before namespacing). */
  original_id: string;
  schema: string;
  caption: string;
  /** Import order within the dataset, so exports come back in the order they went in. */
  seq: number;
  /** The import run that last wrote this fragment: a re-import replaces what earlier runs wrote. */
  import_run: string;
  /** The packed statements: JSON `{"m": [marking…], "s": [[prop, value, markingIndex]…]}`. */
  statements: string;
  /** 1 when some statement's TLP lets it leave the owning agency (counts for sharing read this). */
  shareable: Generated<number>;
}

/** Import runs: what was imported, when, by whom, with what outcome. */
export interface ImportsTable {
  id: string;
  dataset_id: string;
  kind: string;
  file_name: string;
  actor: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  accepted: Generated<number>;
  rejected: Generated<number>;
  statements: Generated<number>;
}

/** The whole database as Kysely sees it: the initial tables and those of each later migration. */
export interface Database
  extends ImportCheckpointTables, MatchingTables, AccountTables, AuditTables, HitTables {
  clew_meta: MetaTable;
  agencies: AgenciesTable;
  datasets: DatasetsTable;
  fragments: FragmentsTable;
  imports: ImportsTable;
}

export type { AccountTables, AuditTables, HitTables, ImportCheckpointTables, MatchingTables };
