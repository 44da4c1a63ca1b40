import { createHash } from 'node:crypto';
import {
  concreteSchemata,
  DEFAULT_PARAMS,
  normalisePhone,
  schemaFamily,
  screeningKeys,
  toMatchRecord,
  type FeatureExplanation,
  type MatchInput,
  type MatchParams,
  type MatchRecord,
} from '@clew/core';
import type { CandidateWrite, MatchSource } from '@clew/store';

/**
 * How the hub turns stored records into matching records, and the model it scores them with. One
 * dataset's record of an entity (a fragment) is the unit: a reader who may see both records of a pair
 * may see the pair, its score and its explanation, since nothing in them comes from another dataset.
 */

/** The comparison model the hub scores with (DEFAULT_PARAMS until estimated parameters are stored). */
export const HUB_PARAMS: MatchParams = DEFAULT_PARAMS;

/**
 * Pairs scoring at least this are stored as candidates for an analyst to judge: the model's match
 * threshold. A lower one (0.3 was tried) stores every pair of namesakes with different birth dates
 * — 15 per record on a million synthetic people drawn from common names — and loading slows to the
 * pace of writing them; screening still shows any score the caller asks for (`cutoff`).
 */
export const CANDIDATE_THRESHOLD = HUB_PARAMS.threshold;

/** A short, stable name of a model: its parameters' hash, so stored scores say what made them. */
export const modelVersion = (params: MatchParams): string =>
  `fs-${createHash('sha1').update(JSON.stringify(params)).digest('hex').slice(0, 12)}`;

// Records in several scripts and kinds, whose matching forms and candidate keys stand for all others'.
const PROBES: readonly MatchInput[] = [
  { schema: 'Person', properties: { name: ['Mohammed Abdel-Rahman al-Tayeb'], birthDate: ['1987-03-02'] } },
  { schema: 'Person', properties: { name: ['ተስፋየ ገብረመድህን'], nationality: ['er'], phone: ['+291 7 123456'] } },
  { schema: 'Person', properties: { name: ['Владимир Путин', 'ウラジーミル・プーチン', '弗拉基米尔·普京'] } },
  {
    schema: 'Person',
    properties: { name: ['Nguyễn Thị Hồng'], passportNumber: ['C0I23456'], gender: ['female'] },
  },
  {
    schema: 'Company',
    properties: { name: ['Golden Star Travel S.R.L.'], registrationNumber: ['RO 123/45'] },
  },
  { schema: 'Vessel', properties: { name: ['Aegean Star'], imoNumber: ['IMO 9074729'] } },
  { schema: 'Address', properties: { full: ['Via Roma 12, 90133 Palermo'] } },
];

/**
 * What the normalisers and candidate keys make of the probe records, hashed: a snapshot of an index
 * holds records and keys as they were made, so one made by other code (a new transliteration rule, a
 * new key) must not be restored — the fingerprint changes with any such change, without anyone
 * remembering to bump a version.
 */
export const indexFingerprint = (): string => {
  const made = PROBES.map((p) => {
    const record = toMatchRecord(p, 'probe');
    return [record, [...screeningKeys(record)], [...screeningKeys(record, undefined, true)]];
  });
  return createHash('sha1').update(JSON.stringify(made)).digest('hex').slice(0, 12);
};

/** One side of a candidate pair as stored: one dataset's record of an entity, and whether it may leave its agency (1). */
export interface PairSide {
  entity: string;
  dataset: string;
  agency: string;
  open: number;
}

/** A candidate pair as stored: its sides ordered by entity id, so a pair has one row however it was found. */
export const candidateRow = (
  x: PairSide,
  y: PairSide,
  found: { score: number; explanation: string; modelVersion: string; at: string },
): CandidateWrite => {
  const [a, b] = x.entity < y.entity ? [x, y] : [y, x];
  return {
    entity_a: a.entity,
    dataset_a: a.dataset,
    agency_a: a.agency,
    open_a: a.open,
    entity_b: b.entity,
    dataset_b: b.dataset,
    agency_b: b.agency,
    open_b: b.open,
    score: found.score,
    explanation: found.explanation,
    model_version: found.modelVersion,
    updated_at: found.at,
  };
};

/** The schemata the matcher compares (Person, organisations, documents, vessels, vehicles, accounts, addresses). */
export const MATCHABLE_SCHEMATA: readonly string[] = concreteSchemata().filter(
  (s) => schemaFamily(s) !== 'other',
);

/**
 * Which statements of a record an index entry was built from. A record whose statements may all leave
 * its agency is one `open` entry; one with none that may is one `closed` entry; one with some is a
 * `full` entry (for its own agency and the operator) and a `shared` entry (for agencies it is shared
 * with), so a reader's query never meets a value the reader may not see.
 */
export type RecordVariant = 'open' | 'closed' | 'full' | 'shared';

const PREFIX: Record<RecordVariant, string> = { open: '=', closed: '#', full: '+', shared: '~' };
const VARIANT: Record<string, RecordVariant> = { '=': 'open', '#': 'closed', '+': 'full', '~': 'shared' };

/** The index id of one variant of one dataset's record of an entity (dataset names never contain ':'). */
export const recordId = (variant: RecordVariant, dataset: string, entityId: string): string =>
  `${PREFIX[variant]}${dataset}:${entityId}`;

/** The partition of an index id: its variant and dataset (what the sharing policy decides by). */
export const recordPartition = (id: string): string => id.slice(0, id.indexOf(':'));

/** The variant and dataset of a partition made by {@link recordPartition}. */
export const splitPartition = (partition: string): { variant: RecordVariant; dataset: string } => ({
  variant: VARIANT[partition.charAt(0)] ?? 'closed',
  dataset: partition.slice(1),
});

/** The variant, dataset and entity of an index id. */
export const splitRecordId = (id: string): { variant: RecordVariant; dataset: string; entityId: string } => {
  const at = id.indexOf(':');
  return { ...splitPartition(id.slice(0, at)), entityId: id.slice(at + 1) };
};

/** Every id a record of an entity in a dataset may have in the index. */
export const recordIds = (dataset: string, entityId: string): string[] =>
  (Object.keys(PREFIX) as RecordVariant[]).map((v) => recordId(v, dataset, entityId));

/**
 * Phones written without a country code are read in the region of the agency that holds them (a
 * number in an Italian police file is Italian), as the graph does; the rest is the core's matcher.
 */
const withRegionalPhones = (
  properties: MatchInput['properties'],
  region: string | undefined,
): MatchInput['properties'] => {
  const phones = properties.phone;
  if (region === undefined || phones === undefined || phones.every((p) => p.trim().startsWith('+')))
    return properties;
  const e164 = phones.map((p) => {
    const r = normalisePhone(p, { defaultRegion: region, type: false });
    return r.ok ? r.value.e164 : p;
  });
  return { ...properties, phone: e164 };
};

/** The index entries of one dataset's record of an entity (see {@link RecordVariant}). */
export const sourceRecords = (source: MatchSource, region: string | undefined): MatchRecord[] => {
  const record = (variant: RecordVariant, properties: MatchInput['properties']): MatchRecord =>
    toMatchRecord(
      { schema: source.schema, properties: withRegionalPhones(properties, region) },
      recordId(variant, source.dataset, source.entityId),
    );
  if (source.shared === null) return [record('open', source.properties)];
  if (Object.keys(source.shared).length === 0) return [record('closed', source.properties)];
  return [record('full', source.properties), record('shared', source.shared)];
};

/** The matching record of a query or an entity given as FollowTheMoney JSON. */
export const exampleRecord = (example: MatchInput, region?: string): MatchRecord =>
  toMatchRecord(
    { schema: example.schema, properties: withRegionalPhones(example.properties, region) },
    example.id ?? '',
  );

/** An explanation as stored (JSON), weights to a thousandth of a bit (a stored explanation is read, not re-added). */
export const explanationJson = (features: readonly FeatureExplanation[]): string =>
  JSON.stringify(features.map((f) => ({ ...f, weight: Math.round(f.weight * 1000) / 1000 })));

/** A stored explanation read back. */
export const parseExplanation = (json: string): FeatureExplanation[] =>
  JSON.parse(json) as FeatureExplanation[];

/** A one-line summary of an explanation: the features that weighed most, strongest first. */
export const explanationSummary = (features: readonly FeatureExplanation[], max = 4): string =>
  [...features]
    .filter((f) => f.level !== 'missing')
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, max)
    .map((f) => `${f.feature} ${f.level} (${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)})`)
    .join('; ');
