import type { Marking } from '../markings/markings.js';
import type { Hashing } from '../ports.js';

/**
 * One property value of one entity, as one dataset states it, with its marking. An entity is the
 * merge of its statements; several agencies may state values about the same entity.
 */
export interface Statement extends Marking {
  /** sha1 of `dataset.entity.prop.value`: stable across re-imports (as nomenklatura ids statements). */
  id: string;
  entityId: string;
  dataset: string;
  agency: string;
  schema: string;
  prop: string;
  propType: string;
  value: string;
  /** Position of the value within the entity as the source wrote it, so exports keep the order. */
  seq: number;
}

/** The stable id of a statement. */
export const statementId = (
  hashing: Hashing,
  dataset: string,
  entityId: string,
  prop: string,
  value: string,
): string => hashing.sha1Hex(`${dataset}.${entityId}.${prop}.${value}`);

/** A statement before its id is derived (the bulk write path does not need the id). */
export type StatementDraft = Omit<Statement, 'id'>;

/** The statement with its id; every field spelled out to stay on V8's fast object path. */
export const withStatementId = (hashing: Hashing, d: StatementDraft): Statement => ({
  id: statementId(hashing, d.dataset, d.entityId, d.prop, d.value),
  entityId: d.entityId,
  dataset: d.dataset,
  agency: d.agency,
  schema: d.schema,
  prop: d.prop,
  propType: d.propType,
  value: d.value,
  seq: d.seq,
  source: d.source,
  collected: d.collected,
  sourceReliability: d.sourceReliability,
  infoAssessment: d.infoAssessment,
  handling: d.handling,
  handlingConditions: d.handlingConditions,
  tlp: d.tlp,
});
