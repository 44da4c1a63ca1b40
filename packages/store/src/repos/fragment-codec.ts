import {
  getProperty,
  getSchema,
  withStatementId,
  type HandlingCode,
  type InfoAssessment,
  type Marking,
  type SourceReliability,
  type Statement,
  type StatementDraft,
  type Tlp,
  tlpMayLeaveAgency,
} from '@clew/core';
import { nodeHashing } from '../node-hashing.js';

/** A marking packed as [source, collected, reliability, assessment, handling, conditions, tlp]. */
type PackedMarking = [string, string | null, string, string, string, string | null, string];
/** A statement packed as [prop, value, index of its marking]. */
type PackedStatement = [string, string, number];
/** The JSON kept in fragments.statements. */
interface PackedFragment {
  m: PackedMarking[];
  s: PackedStatement[];
}

const packMarking = (m: Marking): PackedMarking => [
  m.source,
  m.collected,
  m.sourceReliability,
  m.infoAssessment,
  m.handling,
  m.handlingConditions,
  m.tlp,
];

const sameMarking = (a: PackedMarking, b: PackedMarking): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Pack one fragment's statements (in order) into the JSON stored in its row. */
export const packStatements = (statements: readonly StatementDraft[]): string => {
  // A fragment nearly always has one or two markings: comparing field by field beats keying them.
  const markings: PackedMarking[] = [];
  const s: PackedStatement[] = [];
  for (const st of statements) {
    const packed = packMarking(st);
    let i = markings.findIndex((m) => sameMarking(m, packed));
    if (i < 0) {
      i = markings.length;
      markings.push(packed);
    }
    s.push([st.prop, st.value, i]);
  }
  const out: PackedFragment = { m: markings, s };
  return JSON.stringify(out);
};

/** Whether any of these statements may be seen outside its agency (its TLP is neither RED nor AMBER+STRICT). */
export const draftsShareable = (statements: readonly StatementDraft[]): boolean =>
  statements.some((s) => tlpMayLeaveAgency(s.tlp));

/**
 * Whether any statement of a packed fragment may be seen outside its agency (its TLP is neither RED
 * nor AMBER+STRICT). Reads only the markings: the packed JSON starts `{"m":[…],"s":[`, and `],"s":[`
 * cannot occur inside the markings (quotes in strings are escaped).
 */
export const packedShareable = (packed: string): boolean => {
  const end = packed.indexOf('],"s":[');
  const markings = JSON.parse(end < 0 ? packed : `${packed.slice(0, end + 1)}}`) as { m: PackedMarking[] };
  return markings.m.some((m) => tlpMayLeaveAgency(m[6]));
};

/** What a stored fragment row says about itself. */
export interface FragmentHead {
  dataset_id: string;
  entity_id: string;
  agency_id: string;
  schema: string;
  statements: string;
}

/** Unpack a fragment row into statements, with their ids and types derived again. */
export const unpackStatements = (row: FragmentHead): Statement[] =>
  unpackDrafts(row).map((d) => withStatementId(nodeHashing, d));

/**
 * Unpack a fragment row into statements without their ids (a SHA-1 each): for readers that never
 * name single statements — exports, the graph, merging fragments on write.
 */
export const unpackDrafts = (row: FragmentHead): StatementDraft[] => {
  const packed = JSON.parse(row.statements) as PackedFragment;
  const schema = getSchema(row.schema);
  return packed.s.map(([prop, value, mi], seq): StatementDraft => {
    const m = packed.m[mi];
    if (!m) throw new Error(`fragment ${row.dataset_id}/${row.entity_id} refers to a missing marking`);
    return {
      entityId: row.entity_id,
      dataset: row.dataset_id,
      agency: row.agency_id,
      schema: row.schema,
      prop,
      propType: getProperty(schema, prop).type.name,
      value,
      seq,
      source: m[0],
      collected: m[1],
      sourceReliability: m[2] as SourceReliability,
      infoAssessment: m[3] as InfoAssessment,
      handling: m[4] as HandlingCode,
      handlingConditions: m[5],
      tlp: m[6] as Tlp,
    };
  });
};
