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

// Where the statements start in packed JSON: `],"s":[` cannot occur inside the markings.
const STATEMENTS_AFTER_MARKINGS = '],"s":[';

/** The statements of packed JSON as text, from the end of the markings; undefined if it is not packed JSON. */
const statementsText = (packed: string): string | undefined => {
  const at = packed.indexOf(STATEMENTS_AFTER_MARKINGS);
  return at < 0 ? undefined : packed.slice(at);
};

// As sameMarking(m, packMarking(d)), without packing d.
const isPackedMarking = (m: PackedMarking, d: Marking): boolean =>
  m[0] === d.source &&
  m[1] === d.collected &&
  m[2] === d.sourceReliability &&
  m[3] === d.infoAssessment &&
  m[4] === d.handling &&
  m[5] === d.handlingConditions &&
  m[6] === d.tlp;

/** Pack one fragment's statements (in order) into the JSON stored in its row. */
export const packStatements = (statements: readonly StatementDraft[]): string => {
  // A fragment nearly always has one or two markings: comparing field by field beats keying them.
  const markings: PackedMarking[] = [];
  const s: PackedStatement[] = [];
  for (const st of statements) {
    let i = markings.findIndex((m) => isPackedMarking(m, st));
    if (i < 0) i = markings.push(packMarking(st)) - 1;
    s.push([st.prop, st.value, i]);
  }
  const out: PackedFragment = { m: markings, s };
  return JSON.stringify(out);
};

/**
 * Two packed fragments of one entity as one: a's statements, then b's whose (prop, value) a does not
 * have, each with its marking — the text packStatements gives for those statements. When b adds
 * nothing, the result is `a` itself, so a writer can tell that nothing changed.
 */
export const mergePacked = (a: string, b: string): string => {
  // The same statements under other markings (a later row restating what an earlier one did) add
  // nothing: compare the statements' text, after the markings (see packedShareable), before parsing.
  if (a === b) return a;
  const statements = statementsText(a);
  if (statements !== undefined && statements === statementsText(b)) return a;
  const merged = JSON.parse(a) as PackedFragment;
  const added = JSON.parse(b) as PackedFragment;
  const key = (prop: string, value: string): string => `${prop}\u0000${value}`;
  const seen = new Set(merged.s.map(([prop, value]) => key(prop, value)));
  let changed = false;
  for (const [prop, value, mi] of added.s) {
    const k = key(prop, value);
    if (seen.has(k)) continue;
    seen.add(k);
    const m = added.m[mi];
    if (!m) throw new Error('a packed fragment refers to a missing marking');
    let i = merged.m.findIndex((x) => sameMarking(x, m));
    if (i < 0) i = merged.m.push(m) - 1;
    merged.s.push([prop, value, i]);
    changed = true;
  }
  return changed ? JSON.stringify(merged) : a;
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
  const end = packed.indexOf(STATEMENTS_AFTER_MARKINGS);
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
