import type { MarkingJson } from '@clew/core';
import type { NameStyle } from '../noise/noise.js';
import type { Rng } from '../prng.js';

/** The kinds of agency in the demo world. */
export type AgencyKind = 'police' | 'border' | 'fiu' | 'ngo' | 'international';

/** The agencies of the demo world. */
export type AgencyId =
  'it-ps' | 'de-bka' | 'uk-nca' | 'gr-hp' | 'ng-npf' | 'al-asp' | 'eu-bcg' | 'fiu' | 'ngo' | 'intl-ref';

/** A marking as the generator writes it on entities: every field present (conditions only with H3). */
export type FullMarking = Required<
  Pick<MarkingJson, 'source' | 'collected' | 'grading' | 'handling' | 'tlp'>
> &
  Pick<MarkingJson, 'conditions'>;

/** An agency: who it is, its default marking, and how its records write names and codes. */
export interface Agency {
  id: AgencyId;
  name: string;
  kind: AgencyKind;
  /** FtM country code ("eu" for an EU agency, "zz" for a global body). */
  country: string;
  /** The marking its datasets carry unless an entity says otherwise (source and collected left out). */
  defaultMarking: Omit<FullMarking, 'source' | 'collected'>;
  /** Prefix of its record ids. */
  abbr: string;
  nameStyle: NameStyle;
  /** Other gradings its records get, with weights (informant reports, seized evidence…). */
  gradings: readonly (readonly [string, number])[];
  /** How its file or case references look; {n} is a number, {y} a year. */
  sourcePattern: string;
}

const H3_BKA = 'Nur für polizeiliche Zwecke; Weitergabe an Dritte nur mit Zustimmung des BKA';
const H3_FIU = 'Financial intelligence: not for use as evidence; no dissemination without FIU consent';

/** The ten agencies, each seeing a part of the world. */
export const AGENCIES: readonly Agency[] = [
  {
    id: 'it-ps',
    name: 'Polizia di Stato – Servizio Centrale Operativo (demo)',
    kind: 'police',
    country: 'it',
    defaultMarking: { grading: 'B2', handling: 'H1', tlp: 'AMBER' },
    abbr: 'itps',
    nameStyle: { order: 'family-upper', script: 0.2 },
    gradings: [
      ['B2', 6],
      ['A1', 2],
      ['C3', 2],
    ],
    sourcePattern: 'Proc. pen. {n}/{y} R.G.N.R.',
  },
  {
    id: 'de-bka',
    name: 'Bundeskriminalamt (demo)',
    kind: 'police',
    country: 'de',
    defaultMarking: { grading: 'B2', handling: 'H3', conditions: H3_BKA, tlp: 'AMBER' },
    abbr: 'bka',
    nameStyle: { order: 'family-first', script: 0.3 },
    gradings: [
      ['B2', 7],
      ['B3', 2],
      ['A1', 1],
    ],
    sourcePattern: 'Az. SO 41-{n}/{y}',
  },
  {
    id: 'uk-nca',
    name: 'National Crime Agency (demo)',
    kind: 'police',
    country: 'gb',
    defaultMarking: { grading: 'B2', handling: 'H2', tlp: 'AMBER+STRICT' },
    abbr: 'nca',
    nameStyle: { order: 'family-upper', script: 0.1 },
    gradings: [
      ['B2', 5],
      ['B3', 3],
      ['C3', 2],
    ],
    sourcePattern: 'URN 0{n}/{y}',
  },
  {
    id: 'gr-hp',
    name: 'Hellenic Police – Directorate of Aliens (demo)',
    kind: 'police',
    country: 'gr',
    defaultMarking: { grading: 'C3', handling: 'H0', tlp: 'AMBER' },
    abbr: 'elas',
    nameStyle: { order: 'family-upper', script: 0.6 },
    gradings: [
      ['C3', 6],
      ['B3', 4],
    ],
    sourcePattern: 'Δικογραφία {n}/{y}',
  },
  {
    id: 'ng-npf',
    name: 'Nigeria Police Force – Edo State Command (demo)',
    kind: 'police',
    country: 'ng',
    defaultMarking: { grading: 'C3', handling: 'H1', tlp: 'AMBER' },
    abbr: 'npf',
    nameStyle: { order: 'family-upper', script: 0 },
    gradings: [
      ['C3', 7],
      ['C2', 3],
    ],
    sourcePattern: 'NPF/ED/CR/{n}/{y}',
  },
  {
    id: 'al-asp',
    name: 'Policia e Shtetit – Albanian State Police (demo)',
    kind: 'police',
    country: 'al',
    defaultMarking: { grading: 'C2', handling: 'H1', tlp: 'AMBER' },
    abbr: 'asp',
    nameStyle: { order: 'family-first', script: 0 },
    gradings: [
      ['C2', 6],
      ['B2', 4],
    ],
    sourcePattern: 'Proc. nr. {n}/{y}',
  },
  {
    id: 'eu-bcg',
    name: 'European Border and Coast Guard joint operations (demo)',
    kind: 'border',
    country: 'eu',
    defaultMarking: { grading: 'A2', handling: 'H0', tlp: 'AMBER' },
    abbr: 'bcg',
    nameStyle: { order: 'family-upper', script: 0.8 },
    gradings: [
      ['A2', 5],
      ['B3', 5],
    ],
    sourcePattern: 'JO-{y}-{n}',
  },
  {
    id: 'fiu',
    name: 'Financial Intelligence Unit (demo)',
    kind: 'fiu',
    country: 'it',
    defaultMarking: { grading: 'B2', handling: 'H3', conditions: H3_FIU, tlp: 'AMBER+STRICT' },
    abbr: 'fiu',
    nameStyle: { order: 'given-first', script: 0 },
    gradings: [
      ['B2', 8],
      ['A2', 2],
    ],
    sourcePattern: 'STR-{y}-{n}',
  },
  {
    id: 'ngo',
    name: 'Safe Harbour anti-trafficking NGO (demo)',
    kind: 'ngo',
    country: 'gb',
    defaultMarking: { grading: 'B3', handling: 'H2', tlp: 'AMBER' },
    abbr: 'sh',
    nameStyle: { order: 'given-first', script: 1 },
    gradings: [
      ['B3', 6],
      ['B2', 2],
      ['C3', 2],
    ],
    sourcePattern: 'Case {n}',
  },
  {
    id: 'intl-ref',
    name: 'International reference lists: wanted persons, stolen and lost travel documents, stolen vessels (demo)',
    kind: 'international',
    country: 'zz',
    defaultMarking: { grading: 'A1', handling: 'H0', tlp: 'GREEN' },
    abbr: 'ref',
    nameStyle: { order: 'family-upper', script: 0.5 },
    gradings: [['A1', 1]],
    sourcePattern: 'Notice {y}/{n}',
  },
];

/** An agency by id. */
export const agency = (id: AgencyId): Agency => {
  const a = AGENCIES.find((x) => x.id === id);
  if (!a) throw new Error(`unknown agency ${id}`);
  return a;
};

/** A file or case reference in the agency's style. */
export const caseRef = (a: Agency, n: number, date: string): string =>
  a.sourcePattern.replace('{n}', String(n)).replace('{y}', date.slice(0, 4));

/** The marking of one record: the agency's default, with its grading varied and the source and date set. */
export const recordMarking = (
  a: Agency,
  rng: Rng,
  source: string,
  collected: string,
  victim = false,
): FullMarking => {
  let total = 0;
  for (const g of a.gradings) total += g[1];
  let r = rng.float() * total;
  let grading = a.defaultMarking.grading;
  for (const [g, w] of a.gradings) {
    r -= w;
    if (r < 0) {
      grading = g;
      break;
    }
  }
  const m: FullMarking = {
    source,
    collected,
    grading,
    handling: a.defaultMarking.handling,
    tlp: a.defaultMarking.tlp,
  };
  if (victim) {
    m.handling = 'H2';
    m.tlp = 'RED';
  } else if (a.defaultMarking.conditions !== undefined) {
    m.conditions = a.defaultMarking.conditions;
  }
  return m;
};
