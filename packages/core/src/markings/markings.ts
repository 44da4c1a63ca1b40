import { invalid } from '../errors.js';

/** Source reliability, Europol 4x4: A always reliable … C not usually reliable, X cannot be judged. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
/** Information assessment, Europol 4x4: 1 known true … 4 not known / cannot be judged. */
export const INFO_ASSESSMENT = ['1', '2', '3', '4'] as const;
/** Handling codes: H0 no restriction, H1 not for court, H2 no onward sharing, H3 other conditions. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
/** Traffic Light Protocol 2.0 labels, least to most restrictive. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export type InfoAssessment = (typeof INFO_ASSESSMENT)[number];
export type HandlingCode = (typeof HANDLING_CODES)[number];
export type Tlp = (typeof TLP_LEVELS)[number];

/** The marking every statement carries: where it came from, how good it is, how it may be handled. */
export interface Marking {
  /** Free text: the document, case or report number the value was taken from. */
  source: string;
  /** Date the value was collected (ISO 8601 date, possibly partial), or null if unknown. */
  collected: string | null;
  sourceReliability: SourceReliability;
  infoAssessment: InfoAssessment;
  handling: HandlingCode;
  /** The conditions of an H3 handling code, as text; null for other codes. */
  handlingConditions: string | null;
  tlp: Tlp;
}

/** A partial marking: what a statement or entity overrides of its dataset's defaults. */
export type MarkingOverride = Partial<Marking>;

/** The marking applied when a dataset says nothing: unknown source, X4, H0, AMBER. */
export const DEFAULT_MARKING: Readonly<Marking> = Object.freeze({
  source: '',
  collected: null,
  sourceReliability: 'X',
  infoAssessment: '4',
  handling: 'H0',
  handlingConditions: null,
  tlp: 'AMBER',
});

const oneOf = <T extends string>(allowed: readonly T[], value: string): value is T =>
  (allowed as readonly string[]).includes(value);

/** Parse a TLP label, accepting "TLP:AMBER", "amber", "amber+strict", and the TLP 1.0 "WHITE" (= CLEAR). */
export const parseTlp = (raw: string): Tlp => {
  const v = raw.trim().toUpperCase().replace(/^TLP:/, '').replace(/\s+/g, '');
  const value = v === 'WHITE' ? 'CLEAR' : v;
  if (oneOf(TLP_LEVELS, value)) return value;
  throw invalid(`unknown TLP "${raw}": expected one of ${TLP_LEVELS.join(', ')}`, { field: 'tlp' });
};

/** Parse a handling code such as "H2" or "h3". */
export const parseHandling = (raw: string): HandlingCode => {
  const v = raw.trim().toUpperCase();
  if (oneOf(HANDLING_CODES, v)) return v;
  throw invalid(`unknown handling code "${raw}": expected one of ${HANDLING_CODES.join(', ')}`, {
    field: 'handling',
  });
};

/** Parse a 4x4 grading such as "B2" into its two halves. */
export const parseGrading = (
  raw: string,
): { sourceReliability: SourceReliability; infoAssessment: InfoAssessment } => {
  const v = raw.trim().toUpperCase();
  const s = v.charAt(0);
  const i = v.slice(1);
  if (v.length === 2 && oneOf(SOURCE_RELIABILITY, s) && oneOf(INFO_ASSESSMENT, i)) {
    return { sourceReliability: s, infoAssessment: i };
  }
  throw invalid(`unknown grading "${raw}": expected a letter A/B/C/X and a digit 1-4, e.g. B2`, {
    field: 'grading',
  });
};

/** The 4x4 grading of a marking as its two-character form, e.g. "B2". */
export const gradingOf = (m: Pick<Marking, 'sourceReliability' | 'infoAssessment'>): string =>
  `${m.sourceReliability}${m.infoAssessment}`;

/** Apply overrides on top of a base marking; an H3 code without conditions, or conditions without H3, is invalid. */
export const resolveMarking = (base: Marking, ...overrides: (MarkingOverride | undefined)[]): Marking => {
  const m: Marking = { ...base };
  for (const o of overrides) {
    if (!o) continue;
    const handlingChanged = o.handling !== undefined && o.handling !== m.handling;
    // Field by field (every import resolves a marking per entity): an undefined field overrides nothing.
    if (o.source !== undefined) m.source = o.source;
    if (o.collected !== undefined) m.collected = o.collected;
    if (o.sourceReliability !== undefined) m.sourceReliability = o.sourceReliability;
    if (o.infoAssessment !== undefined) m.infoAssessment = o.infoAssessment;
    if (o.handling !== undefined) m.handling = o.handling;
    if (o.handlingConditions !== undefined) m.handlingConditions = o.handlingConditions;
    if (o.tlp !== undefined) m.tlp = o.tlp;
    if (handlingChanged && o.handlingConditions === undefined) m.handlingConditions = null;
  }
  // Blank conditions are no conditions, so a marking's conditions are null unless its code is H3.
  if (m.handlingConditions?.trim() === '') m.handlingConditions = null;
  if (m.handling === 'H3' && !m.handlingConditions) {
    throw invalid('handling code H3 needs its conditions as text', { field: 'handlingConditions' });
  }
  if (m.handling !== 'H3' && m.handlingConditions) {
    throw invalid(`handling conditions are only allowed with H3, not ${m.handling}`, {
      field: 'handlingConditions',
    });
  }
  return m;
};
