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

const nameOf = ([text, tokens, key, latin, phonetic, cognates]: NameTuple): NameValue => ({
  text,
  tokens,
  key,
  latin,
  phonetic,
  cognates: cognates === 0 ? [...tokens] : cognates,
});

const dateOf = ([text, iso, precision, flags]: DateTuple): DateValue => {
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

const idOf = ([text, strict, confusable, also]: IdTuple): IdentifierValue => ({
  text,
  strict,
  confusable: confusable ?? strict,
  ...(also === undefined ? {} : { also }),
});

const addressOf = ([text, normal, tokens, postcode]: AddressTuple): AddressValue => ({
  text,
  normal,
  tokens,
  ...(postcode === undefined ? {} : { postcode }),
});

/** The record behind a string made by {@link encodeRecord}. */
export const decodeRecord = (text: string): MatchRecord => {
  const [id, schema, names, dates, countries, genders, ids, addresses] = JSON.parse(text) as RecordTuple;
  const identifiers: MatchRecord['identifiers'] = {};
  for (const kind of IDENTIFIER_KINDS) {
    const values = ids[kind];
    if (values !== undefined) identifiers[kind] = values.map(idOf);
  }
  return {
    id,
    schema,
    family: schemaFamily(schema),
    names: names.map(nameOf),
    dates: dates.map(dateOf),
    countries,
    genders,
    identifiers,
    addresses: addresses.map(addressOf),
    rejected: [],
  };
};
