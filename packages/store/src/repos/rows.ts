import type { Marking } from '@clew/core';
import type { Selectable } from 'kysely';
import type { DatasetsTable } from '../schema.js';

/** A dataset row's default marking. */
export const defaultsFromRow = (r: Selectable<DatasetsTable>): Marking => ({
  source: r.default_source,
  collected: r.default_collected,
  sourceReliability: r.default_source_reliability as Marking['sourceReliability'],
  infoAssessment: r.default_info_assessment as Marking['infoAssessment'],
  handling: r.default_handling as Marking['handling'],
  handlingConditions: r.default_handling_conditions,
  tlp: r.default_tlp as Marking['tlp'],
});
