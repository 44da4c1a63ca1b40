import { ClewError, invalid } from '../errors.js';
import { isValidDate } from '../model/values.js';
import {
  gradingOf,
  parseGrading,
  parseHandling,
  parseTlp,
  type Marking,
  type MarkingOverride,
} from '../markings/markings.js';

/**
 * How a marking is written in Clew's extension of FollowTheMoney JSON:
 * `{"source": "case 2024/117", "collected": "2024-03-01", "grading": "B2", "handling": "H3",
 *   "conditions": "…", "tlp": "AMBER"}`; every field optional.
 */
export interface MarkingJson {
  source?: string;
  collected?: string | null;
  grading?: string;
  handling?: string;
  conditions?: string | null;
  tlp?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (o: Record<string, unknown>, k: string): string | undefined => {
  const v = o[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalid(`marking field "${k}" must be a string`, { field: k });
  return v;
};

/** Parse a marking object from JSON into an override; unknown fields are errors. */
export const parseMarkingJson = (raw: unknown): MarkingOverride => {
  if (!isObject(raw)) throw invalid('a marking must be an object');
  const known = new Set(['source', 'collected', 'grading', 'handling', 'conditions', 'tlp']);
  for (const k of Object.keys(raw)) {
    if (!known.has(k)) throw invalid(`unknown marking field "${k}"`, { field: k });
  }
  const out: MarkingOverride = {};
  const source = str(raw, 'source');
  if (source !== undefined) out.source = source;
  if (raw.collected === null) out.collected = null;
  const collected = raw.collected === null ? undefined : str(raw, 'collected');
  if (collected !== undefined) {
    if (!isValidDate(collected)) throw invalid(`"${collected}" is not a date`, { field: 'collected' });
    out.collected = collected;
  }
  const grading = str(raw, 'grading');
  if (grading !== undefined) Object.assign(out, parseGrading(grading));
  const handling = str(raw, 'handling');
  if (handling !== undefined) out.handling = parseHandling(handling);
  if (raw.conditions === null) out.handlingConditions = null;
  const conditions = raw.conditions === null ? undefined : str(raw, 'conditions');
  if (conditions !== undefined) out.handlingConditions = conditions;
  const tlp = str(raw, 'tlp');
  if (tlp !== undefined) out.tlp = parseTlp(tlp);
  return out;
};

/** Parse, re-raising errors with the location they were found at. */
export const parseMarkingAt = (raw: unknown, entity: string, property?: string): MarkingOverride => {
  try {
    return parseMarkingJson(raw);
  } catch (e) {
    if (e instanceof ClewError) throw invalid(e.message, { ...e.where, entity, property });
    throw e;
  }
};

/** The fields in which `m` differs from `base`, in JSON form; undefined when they agree. */
export const markingDiffJson = (base: Marking, m: Marking): MarkingJson | undefined => {
  const out: MarkingJson = {};
  if (m.source !== base.source) out.source = m.source;
  if (m.collected !== base.collected) out.collected = m.collected;
  if (gradingOf(m) !== gradingOf(base)) out.grading = gradingOf(m);
  if (m.handling !== base.handling) out.handling = m.handling;
  if (m.handlingConditions !== base.handlingConditions) out.conditions = m.handlingConditions;
  if (m.tlp !== base.tlp) out.tlp = m.tlp;
  return Object.keys(out).length > 0 ? out : undefined;
};

/** True when two markings are the same in every field. */
export const sameMarking = (a: Marking, b: Marking): boolean => markingDiffJson(a, b) === undefined;
