import type { DatePrecision } from '../normalise/index.js';
import {
  IDENTIFIER_KINDS,
  schemaFamily,
  type AddressValue,
  type DateValue,
  type IdentifierKind,
  type IdentifierValue,
  type MatchRecord,
  type NameValue,
} from './features.js';

/**
 * A compact text form of a MatchRecord: one JSON array of positional tuples, about half the length of
 * `JSON.stringify(record)`. The screening index keeps one such string per record instead of the
 * object graph (a million MatchRecords are tens of millions of small objects for the collector), and
 * decodes only the few candidates it compares. `rejected` values are not kept (they never match).
 */

type NameTuple = [string, string[], string, string, string[], string[] | 0];
type DateTuple = [string, string, DatePrecision, number];
type IdTuple = [string, string, string?, string?];
type AddressTuple = [string, string, string[], string?];
type RecordTuple = [
  string,
  string,
  NameTuple[],
  DateTuple[],
  string[],
  string[],
  Partial<Record<IdentifierKind, IdTuple[]>>,
  AddressTuple[],
];

const sameArray = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The compact text form of a record (see the module comment); `decodeRecord` reverses it. */
export const encodeRecord = (r: MatchRecord): string => {
  const ids: Partial<Record<IdentifierKind, IdTuple[]>> = {};
  for (const kind of IDENTIFIER_KINDS) {
    const values = r.identifiers[kind];
    if (values === undefined) continue;
    ids[kind] = values.map((v): IdTuple => {
      const t: IdTuple = [v.text, v.strict];
      if (v.confusable !== v.strict || v.also !== undefined) t.push(v.confusable);
      if (v.also !== undefined) t.push(v.also);
      return t;
    });
  }
  const tuple: RecordTuple = [
    r.id,
    r.schema,
    r.names.map((n) => [
      n.text,
      n.tokens,
      n.key,
      n.latin,
      n.phonetic,
      sameArray(n.cognates, n.tokens) ? 0 : n.cognates,
    ]),
    r.dates.map((d) => [
      d.text,
      d.date.iso,
      d.date.precision,
      (d.date.ambiguous ? 1 : 0) | (d.date.orderSwapped ? 2 : 0),
    ]),
    r.countries,
    r.genders,
    ids,
    r.addresses.map((a) => {
      const t: AddressTuple = [a.text, a.normal, a.tokens];
      if (a.postcode !== undefined) t.push(a.postcode);
      return t;
    }),
  ];
  return JSON.stringify(tuple);
};

// Tuples are read by index, not destructured: decoding runs for every candidate a query compares.
const nameOf = (t: NameTuple): NameValue => {
  const cognates = t[5];
  return {
    text: t[0],
    tokens: t[1],
    key: t[2],
    latin: t[3],
    phonetic: t[4],
    cognates: cognates === 0 ? t[1].slice() : cognates,
  };
};

// The value of `length` decimal digits of `s` from `at`, or -1 if one is not a digit.
const digits = (s: string, at: number, length: number): number => {
  let v = 0;
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
};

// A date of another form than YYYY, YYYY-MM or YYYY-MM-DD, read as it always was.
const otherDate = (text: string, iso: string, precision: DatePrecision, flags: number): DateValue => {
  const [year = 0, month, day] = iso.split('-').map(Number);
  return {
    text,
    date: {
      year,
      ...(month === undefined ? {} : { month }),
      ...(day === undefined ? {} : { day }),
      precision,
      iso,
      ambiguous: (flags & 1) !== 0,
      orderSwapped: (flags & 2) !== 0,
    },
  };
};

// YYYY, YYYY-MM or YYYY-MM-DD read by character codes (what `split('-').map(Number)` gives), into one
// object literal per shape, its fields in the order parseDate gives them; other forms as before.
const dateOf = (t: DateTuple): DateValue => {
  const text = t[0];
  const iso = t[1];
  const precision = t[2];
  const flags = t[3];
  const ambiguous = (flags & 1) !== 0;
  const orderSwapped = (flags & 2) !== 0;
  const n = iso.length;
  const year = digits(iso, 0, 4);
  if (year >= 0 && n === 4) return { text, date: { year, precision, iso, ambiguous, orderSwapped } };
  const month = year >= 0 && (n === 7 || n === 10) && iso.charCodeAt(4) === 45 ? digits(iso, 5, 2) : -1;
  if (month >= 0 && n === 7) return { text, date: { year, month, precision, iso, ambiguous, orderSwapped } };
  const day = month >= 0 && iso.charCodeAt(7) === 45 ? digits(iso, 8, 2) : -1;
  if (day >= 0) return { text, date: { year, month, day, precision, iso, ambiguous, orderSwapped } };
  return otherDate(text, iso, precision, flags);
};

const idOf = (t: IdTuple): IdentifierValue => {
  const also = t[3];
  const confusable = t[2] ?? t[1];
  return also === undefined
    ? { text: t[0], strict: t[1], confusable }
    : { text: t[0], strict: t[1], confusable, also };
};

const addressOf = (t: AddressTuple): AddressValue => {
  const postcode = t[3];
  return postcode === undefined
    ? { text: t[0], normal: t[1], tokens: t[2] }
    : { text: t[0], normal: t[1], tokens: t[2], postcode };
};

/** The record behind a string made by {@link encodeRecord}. */
export const decodeRecord = (text: string): MatchRecord => {
  const t = JSON.parse(text) as RecordTuple;
  const ids = t[6];
  const identifiers: MatchRecord['identifiers'] = {};
  for (const kind of IDENTIFIER_KINDS) {
    const values = ids[kind];
    if (values !== undefined) identifiers[kind] = values.map(idOf);
  }
  return {
    id: t[0],
    schema: t[1],
    family: schemaFamily(t[1]),
    names: t[2].map(nameOf),
    dates: t[3].map(dateOf),
    countries: t[4],
    genders: t[5],
    identifiers,
    addresses: t[7].map(addressOf),
    rejected: [],
  };
};
