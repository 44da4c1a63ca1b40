/**
 * The agencies' own exports: one table per file (or sheet), with the agency's column names, date
 * layouts, country names and codes. Each row is derived from one FtM entity of the same agency and
 * carries that entity's id in its key column (the first), so the truth of the FtM file covers it.
 */
import type { AgencyId } from './agencies.js';
import { amountIt, countryName, formatDate, type DateFormat } from './formats.js';
import { POLICE_TABLES } from './police-tables.js';
import { all, s, sex, v, xlsxDate } from './table-cells.js';

/** A cell value: text, a number, or a date (written as a date cell in XLSX). */
export type Cell = string | number | { date: string } | undefined;

/** An entity's properties, as the row mappers read them. */
export type Props = Readonly<Record<string, readonly string[]>>;

/** Facts about a record that its FtM form keeps elsewhere (role label, case, incident…). */
export type Extra = Readonly<Record<string, string | undefined>>;

/** One native export table. */
export interface NativeTable {
  agency: AgencyId;
  /** Path under the output directory. */
  path: string;
  format: 'csv' | 'xlsx';
  /** For XLSX: the sheet name. */
  sheet?: string;
  /** For CSV: field delimiter, byte-order mark, line end. */
  delimiter?: string;
  bom?: boolean;
  eol?: '\n' | '\r\n';
  /** The FtM schema each row is derived from. */
  schema: string;
  dateFormat: DateFormat;
  columns: readonly string[];
  /** The row for an entity, or undefined when this entity has no row here. */
  row: (p: Props, x: Extra) => Cell[] | undefined;
}

/** Every native table of the world, in the order files are listed in the manifest. */
export const NATIVE_TABLES: readonly NativeTable[] = [
  ...POLICE_TABLES,
  {
    agency: 'eu-bcg',
    path: 'eu-bcg/screening.xlsx',
    format: 'xlsx',
    sheet: 'Screening',
    schema: 'Person',
    dateFormat: 'YYYY-MM-DD',
    columns: [
      'Ref',
      'Incident',
      'Surname',
      'Given names',
      'DoB',
      'Claimed nationality',
      'Sex',
      'Doc type',
      'Doc number',
      'Phone',
      'Role',
    ],
    row: (p, x) => [
      s(x, 'id'),
      s(x, 'incident'),
      v(p, 'lastName').toUpperCase(),
      [v(p, 'firstName'), v(p, 'middleName'), v(p, 'fatherName')].filter(Boolean).join(' ').toUpperCase(),
      v(p, 'birthDate'),
      countryName(p.nationality?.[0], 'iso3'),
      sex(p, 'M', 'F'),
      v(p, 'passportNumber') ? 'P' : v(p, 'idNumber') ? 'ID' : 'NONE',
      v(p, 'passportNumber') || v(p, 'idNumber'),
      all(p, 'phone', '; '),
      s(x, 'role'),
    ],
  },
  {
    agency: 'eu-bcg',
    path: 'eu-bcg/incidents.xlsx',
    format: 'xlsx',
    sheet: 'Incidents',
    schema: 'Event',
    dateFormat: 'YYYY-MM-DD',
    columns: ['Incident', 'Date', 'Type', 'Location', 'Country', 'Craft', 'Persons'],
    row: (p, x) => [
      s(x, 'id'),
      xlsxDate(v(p, 'date')),
      s(x, 'type'),
      v(p, 'location'),
      countryName(p.country?.[0], 'iso3'),
      s(x, 'craft'),
      Number(s(x, 'persons') || '0'),
    ],
  },
  {
    agency: 'fiu',
    path: 'fiu/str-transactions.csv',
    format: 'csv',
    delimiter: '|',
    schema: 'Payment',
    dateFormat: 'YYYYMMDD',
    columns: [
      'TXN_ID',
      'TXN_DATE',
      'AMOUNT',
      'CCY',
      'CHANNEL',
      'ORDERING_PARTY',
      'ORDERING_IBAN',
      'BENEFICIARY',
      'BENEFICIARY_IBAN',
      'PURPOSE',
      'STR_REF',
    ],
    row: (p, x) => [
      s(x, 'id'),
      formatDate(v(p, 'date'), 'YYYYMMDD', 'jan1'),
      amountIt(p.amount?.[0]),
      v(p, 'currency'),
      s(x, 'channel'),
      s(x, 'payerName'),
      s(x, 'payerIban'),
      s(x, 'beneficiaryName'),
      s(x, 'beneficiaryIban'),
      v(p, 'purpose'),
      s(x, 'case'),
    ],
  },
  {
    agency: 'ngo',
    path: 'ngo/casework.xlsx',
    format: 'xlsx',
    sheet: 'Clients',
    schema: 'Person',
    dateFormat: 'MM-DD-YYYY',
    columns: [
      'Case no.',
      'Client name',
      'Also known as',
      'Date of birth',
      'Nationality',
      'Gender',
      'Phone',
      'Exploitation type',
      'Indicators',
      'Recruiter / controller',
      'Address',
      'Intake date',
    ],
    row: (p, x) =>
      x.client === 'yes'
        ? [
            s(x, 'id'),
            v(p, 'name'),
            all(p, 'alias', '; '),
            formatDate(v(p, 'birthDate'), 'MM-DD-YYYY', 'year'),
            countryName(p.nationality?.[0], 'en'),
            v(p, 'gender'),
            all(p, 'phone', '; '),
            s(x, 'exploitation'),
            s(x, 'indicators'),
            s(x, 'contact'),
            v(p, 'address'),
            formatDate(s(x, 'date'), 'MM-DD-YYYY', 'year'),
          ]
        : undefined,
  },
  {
    agency: 'intl-ref',
    path: 'intl-ref/sltd.csv',
    format: 'csv',
    schema: 'Passport',
    dateFormat: 'YYYY/MM/DD',
    columns: ['RECORD_ID', 'DOC_NUMBER', 'DOC_TYPE', 'ISSUING_COUNTRY', 'STATUS', 'REPORT_DATE'],
    row: (p, x) => [
      s(x, 'id'),
      v(p, 'number'),
      'P',
      countryName(p.country?.[0], 'iso3'),
      s(x, 'status'),
      formatDate(s(x, 'date'), 'YYYY/MM/DD', 'jan1'),
    ],
  },
  {
    agency: 'intl-ref',
    path: 'intl-ref/sltd.csv',
    format: 'csv',
    schema: 'Identification',
    dateFormat: 'YYYY/MM/DD',
    columns: ['RECORD_ID', 'DOC_NUMBER', 'DOC_TYPE', 'ISSUING_COUNTRY', 'STATUS', 'REPORT_DATE'],
    row: (p, x) => [
      s(x, 'id'),
      v(p, 'number'),
      'ID',
      countryName(p.country?.[0], 'iso3'),
      s(x, 'status'),
      formatDate(s(x, 'date'), 'YYYY/MM/DD', 'jan1'),
    ],
  },
  {
    agency: 'intl-ref',
    path: 'intl-ref/wanted.csv',
    format: 'csv',
    schema: 'Person',
    dateFormat: 'YYYY/MM/DD',
    columns: [
      'NOTICE_ID',
      'FAMILY_NAME',
      'FORENAME',
      'DATE_OF_BIRTH',
      'NATIONALITY',
      'NAME_ORIGINAL_SCRIPT',
      'CHARGES',
      'REQUESTING_COUNTRY',
    ],
    row: (p, x) => [
      s(x, 'id'),
      v(p, 'lastName').toUpperCase(),
      v(p, 'firstName'),
      formatDate(v(p, 'birthDate'), 'YYYY/MM/DD', 'jan1'),
      countryName(p.nationality?.[0], 'iso3'),
      s(x, 'original'),
      'Trafficking in human beings; migrant smuggling',
      countryName(s(x, 'requester'), 'iso3'),
    ],
  },
  {
    agency: 'intl-ref',
    path: 'intl-ref/stolen-vessels.csv',
    format: 'csv',
    schema: 'Vessel',
    dateFormat: 'YYYY/MM/DD',
    columns: ['RECORD_ID', 'VESSEL_NAME', 'IMO', 'MMSI', 'FLAG', 'REPORTED'],
    row: (p, x) => [
      s(x, 'id'),
      v(p, 'name'),
      v(p, 'imoNumber'),
      v(p, 'mmsi'),
      countryName(p.flag?.[0], 'iso3'),
      formatDate(s(x, 'date'), 'YYYY/MM/DD', 'jan1'),
    ],
  },
];
