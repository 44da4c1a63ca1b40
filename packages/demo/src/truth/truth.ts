/**
 * The ground truth of a world, written as CSV files under `truth/` (UTF-8, comma-separated, header row,
 * RFC 4180 quoting). Cluster ids name real people and things: P persons, G groups, C companies, D
 * documents, A addresses, V vehicles, S vessels, B bank accounts, U user accounts, T trips, E events,
 * M payments, L relationships, K calls, X messages, N phone numbers. See the package README.
 */

/** The truth tables. */
export type TruthTable =
  'records' | 'people' | 'memberships' | 'groups' | 'victims' | 'documents' | 'things' | 'indicators';

/** A truth table's file and columns. */
export interface TruthTableSpec {
  file: string;
  columns: readonly string[];
  /** One line on what a row says. */
  doc: string;
}

/** Every truth table: file, columns, meaning. */
export const TRUTH_TABLES: Readonly<Record<TruthTable, TruthTableSpec>> = {
  records: {
    file: 'truth/records.csv',
    columns: ['cluster', 'agency', 'file', 'record_id', 'schema'],
    doc: 'one row per FtM entity written: the real person or thing (cluster) it is a record of',
  },
  people: {
    file: 'truth/people.csv',
    columns: [
      'person',
      'kind',
      'name',
      'name_original_script',
      'gender',
      'birth_date',
      'nationality',
      'group',
      'corridor',
    ],
    doc: 'every real person: member, migrant (victim or not) or relative, with their true name and birth date',
  },
  memberships: {
    file: 'truth/memberships.csv',
    columns: ['person', 'group', 'role', 'since', 'bridge'],
    doc: 'who belongs to which group in which role; bridge=yes for brokers who belong to two groups',
  },
  groups: {
    file: 'truth/groups.csv',
    columns: ['group', 'corridor', 'start', 'end', 'members', 'migrants', 'front_company'],
    doc: 'the organised crime groups',
  },
  victims: {
    file: 'truth/victims.csv',
    columns: [
      'person',
      'group',
      'exploitation',
      'recruiter',
      'recruit_phone',
      'controller',
      'workplace',
      'documents_held_by',
      'debt',
      'recruited',
    ],
    doc: 'every migrant: exploitation (labour, sexual, criminality or none), who recruited and controls them',
  },
  documents: {
    file: 'truth/documents.csv',
    columns: ['document', 'kind', 'country', 'number', 'status', 'holder', 'based_on', 'reported'],
    doc: 'every travel or identity document: genuine, forged (based_on the stolen one it copies), stolen or lost',
  },
  things: {
    file: 'truth/things.csv',
    columns: ['thing', 'kind', 'value', 'owner', 'group'],
    doc: 'addresses, vehicles, vessels, bank accounts, user accounts, phone numbers and companies',
  },
  indicators: {
    file: 'truth/indicators.csv',
    columns: ['indicator', 'group', 'subject', 'count', 'detail'],
    doc: 'trafficking indicators planted in the data: shared recruiting phone, crowded address, collector account, repeated vehicle or vessel, documents held',
  },
};

/** The truth tables in the order they are written and listed. */
export const TRUTH_ORDER: readonly TruthTable[] = [
  'records',
  'people',
  'memberships',
  'groups',
  'victims',
  'documents',
  'things',
  'indicators',
];
