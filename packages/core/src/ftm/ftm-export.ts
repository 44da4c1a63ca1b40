import { markingDiffJson, type MarkingJson } from './marking-json.js';
import type { Marking } from '../markings/markings.js';
import { unsignEntityId } from '../model/entity-ids.js';
import type { StatementDraft } from '../model/statement.js';
import type { Hashing } from '../ports.js';

/** A FollowTheMoney JSON object as Clew writes it; `clew` only where markings differ from the defaults. */
export interface FtmJson {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  clew?: {
    marking?: MarkingJson;
    properties?: Record<string, MarkingJson>;
    values?: Record<string, Record<string, MarkingJson>>;
  };
}

const key = (m: Marking): string => JSON.stringify(m);

const mostCommon = (markings: Marking[], fallback: Marking): Marking => {
  const counts = new Map<string, { m: Marking; n: number }>();
  for (const m of markings) {
    const c = counts.get(key(m));
    if (c) c.n++;
    else counts.set(key(m), { m, n: 1 });
  }
  let best: { m: Marking; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.m ?? fallback;
};

const markingOf = (s: StatementDraft): Marking => ({
  source: s.source,
  collected: s.collected,
  sourceReliability: s.sourceReliability,
  infoAssessment: s.infoAssessment,
  handling: s.handling,
  handlingConditions: s.handlingConditions,
  tlp: s.tlp,
});

/**
 * Write one dataset's statements about one entity back as FollowTheMoney JSON, the inverse of
 * parseFtmObject + entityToStatements: ids signed under the dataset's key get back the id the file
 * used, values keep their order, and markings are written at the least specific level that holds.
 */
export const statementsToFtm = (
  hashing: Hashing,
  namespaceKey: string,
  defaults: Marking,
  statements: readonly StatementDraft[],
): FtmJson => {
  const first = statements[0];
  if (!first) throw new Error('statementsToFtm needs at least one statement');
  const unsign = (id: string): string => unsignEntityId(hashing, namespaceKey, id) ?? id;
  const sorted = [...statements].sort((a, b) => a.seq - b.seq);
  const properties: Record<string, string[]> = {};
  const byProp = new Map<string, StatementDraft[]>();
  for (const s of sorted) {
    const value = s.propType === 'entity' ? unsign(s.value) : s.value;
    (properties[s.prop] ??= []).push(value);
    const list = byProp.get(s.prop);
    if (list) list.push(s);
    else byProp.set(s.prop, [s]);
  }
  const out: FtmJson = { id: unsign(first.entityId), schema: first.schema, properties };
  const entityMarking = mostCommon(sorted.map(markingOf), defaults);
  const ext: NonNullable<FtmJson['clew']> = {};
  const em = markingDiffJson(defaults, entityMarking);
  if (em) ext.marking = em;
  const propJson: [string, MarkingJson][] = [];
  const valueJson: [string, Record<string, MarkingJson>][] = [];
  for (const [prop, list] of byProp) {
    const propMarking = mostCommon(list.map(markingOf), entityMarking);
    const pm = markingDiffJson(entityMarking, propMarking);
    if (pm) propJson.push([prop, pm]);
    const byValue: [string, MarkingJson][] = [];
    for (const s of list) {
      const vm = markingDiffJson(propMarking, markingOf(s));
      if (vm) byValue.push([s.propType === 'entity' ? unsign(s.value) : s.value, vm]);
    }
    // Object.fromEntries defines own keys: a value such as "__proto__" stays a key, not a prototype.
    if (byValue.length > 0) valueJson.push([prop, Object.fromEntries(byValue)]);
  }
  // Always in the order marking, properties, values, whichever property comes first.
  if (propJson.length > 0) ext.properties = Object.fromEntries(propJson);
  if (valueJson.length > 0) ext.values = Object.fromEntries(valueJson);
  if (Object.keys(ext).length > 0) out.clew = ext;
  return out;
};
