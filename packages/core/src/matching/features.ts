import {
  confusableKey,
  identifierText,
  nameCognateKey,
  normaliseAddress,
  normaliseBic,
  normaliseDocumentNumber,
  normaliseEmail,
  normaliseIban,
  normaliseImo,
  normaliseMmsi,
  normaliseName,
  normaliseOrganisation,
  normalisePhone,
  normalisePlate,
  normaliseVin,
  parseDate,
  phoneticKey,
  soundSourceOf,
  countryCode,
  type Normalised,
  type PartialDate,
} from '../normalise/index.js';

/**
 * Features: a record's values turned, once, into the forms the comparison needs (canonical name
 * tokens, phonetic skeletons, parsed dates, identifier keys). Comparing two MatchRecords then costs
 * set lookups and a few string similarities, never a normalisation.
 */

/** A FollowTheMoney-like record: a schema and its property values. */
export interface MatchInput {
  id?: string;
  schema: string;
  properties: Readonly<Record<string, readonly string[]>>;
}

/** Kinds of identifier compared as separate features (each with its own weights). */
export const IDENTIFIER_KINDS = [
  'document',
  'registration',
  'phone',
  'email',
  'iban',
  'bic',
  'account',
  'imo',
  'mmsi',
  'vin',
  'plate',
] as const;

/** One kind of identifier. */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A name in matching forms. */
export interface NameValue {
  text: string;
  /** Canonical tokens in written order. */
  tokens: string[];
  /** Sorted tokens joined by a space. */
  key: string;
  /** The name transliterated to lower-case ASCII, for string similarity. */
  latin: string;
  /** Phonetic skeleton per token (same order as tokens). */
  phonetic: string[];
  /** Cognate group per token, or the token itself when it has none. */
  cognates: string[];
}

/** An identifier in matching forms. */
export interface IdentifierValue {
  text: string;
  /** The strict key (upper case, no separators, canonical form). */
  strict: string;
  /** The key with confusable characters folded (O/0, I/1…). */
  confusable: string;
  /** Another strict key the value may mean: the number with a leading country code kept ("ER 123" is ER123 or Eritrea's 123). */
  also?: string;
}

/** A parsed date with the text it came from. */
export interface DateValue {
  text: string;
  date: PartialDate;
}

/** An address in matching forms. */
export interface AddressValue {
  text: string;
  /** Normalised lower-case text. */
  normal: string;
  tokens: string[];
  postcode?: string;
}

/** A value that could not be normalised: kept and reported, never silently dropped. */
export interface RejectedValue {
  property: string;
  value: string;
  reason: string;
}

/** The schema families that can be compared with each other. */
export type SchemaFamily =
  'person' | 'organization' | 'document' | 'vessel' | 'vehicle' | 'account' | 'address';

/** A record with its features computed once. */
export interface MatchRecord {
  id: string;
  schema: string;
  family: SchemaFamily | 'other';
  names: NameValue[];
  dates: DateValue[];
  countries: string[];
  genders: string[];
  identifiers: Partial<Record<IdentifierKind, IdentifierValue[]>>;
  addresses: AddressValue[];
  rejected: RejectedValue[];
}

const FAMILY: Readonly<Record<string, SchemaFamily>> = {
  Person: 'person',
  LegalEntity: 'organization',
  Organization: 'organization',
  Company: 'organization',
  PublicBody: 'organization',
  Passport: 'document',
  Identification: 'document',
  Vessel: 'vessel',
  Vehicle: 'vehicle',
  BankAccount: 'account',
  Address: 'address',
};

/** The comparison family of a schema name ('other' when the matcher has no features for it). */
export const schemaFamily = (schema: string): SchemaFamily | 'other' => FAMILY[schema] ?? 'other';

/** True when records of the two schemata may be the same thing (LegalEntity may be a Person). */
export const comparableSchemata = (a: string, b: string): boolean => {
  const fa = schemaFamily(a);
  const fb = schemaFamily(b);
  if (fa === 'other' || fb === 'other') return false;
  if (fa === fb) return true;
  const legal = (s: string, f: string): boolean =>
    s === 'LegalEntity' && (f === 'person' || f === 'organization');
  return legal(a, fb) || legal(b, fa);
};

// Which properties feed which feature, per family.
interface Mapping {
  names: readonly string[];
  personNames: boolean;
  /** Parts joined into one name, in this order (given names before the family name). */
  nameParts: readonly string[];
  dates: readonly string[];
  countries: readonly string[];
  genders: readonly string[];
  ids: Partial<Record<IdentifierKind, readonly string[]>>;
  addresses: readonly string[];
}

const none: Omit<Mapping, 'names' | 'personNames'> = {
  nameParts: [],
  dates: [],
  countries: [],
  genders: [],
  ids: {},
  addresses: [],
};
const contact = { phone: ['phone'], email: ['email'] } as const;

const MAPPINGS: Readonly<Record<SchemaFamily, Mapping>> = {
  person: {
    ...none,
    names: ['name', 'alias', 'previousName', 'weakAlias'],
    personNames: true,
    nameParts: ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName'],
    dates: ['birthDate'],
    countries: ['nationality', 'citizenship'],
    genders: ['gender'],
    ids: { ...contact, document: ['passportNumber', 'idNumber', 'socialSecurityNumber'] },
    addresses: ['address'],
  },
  organization: {
    ...none,
    names: ['name', 'alias', 'previousName', 'weakAlias'],
    personNames: false,
    dates: ['incorporationDate'],
    countries: ['country', 'jurisdiction'],
    ids: { ...contact, registration: ['registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'leiCode'] },
    addresses: ['address'],
  },
  document: {
    ...none,
    names: [],
    personNames: true,
    nameParts: ['givenName', 'surname'],
    dates: ['birthDate'],
    countries: ['country'],
    genders: ['gender'],
    ids: { document: ['number', 'passportNumber', 'personalNumber'] },
  },
  vessel: {
    ...none,
    names: ['name', 'alias', 'previousName'],
    personNames: false,
    countries: ['flag'],
    ids: { imo: ['imoNumber'], mmsi: ['mmsi'], registration: ['callSign', 'registrationNumber'] },
  },
  vehicle: {
    ...none,
    names: [],
    personNames: false,
    countries: ['country'],
    ids: { plate: ['registrationNumber'], vin: ['vinCode', 'vin'] },
  },
  account: {
    ...none,
    names: [],
    personNames: false,
    countries: ['country'],
    ids: { iban: ['iban'], bic: ['bic', 'swiftBic'], account: ['accountNumber'] },
  },
  address: { ...none, names: [], personNames: false, countries: ['country'], addresses: ['full'] },
};

/** The non-blank values of one property (a loop: called for every property of every record). */
const values = (input: MatchInput, prop: string): string[] => {
  const all = input.properties[prop];
  const out: string[] = [];
  if (all === undefined) return out;
  for (const v of all) if (v.trim() !== '') out.push(v);
  return out;
};

const nameValue = (text: string, personal: boolean): Normalised<NameValue> => {
  if (personal) {
    const n = normaliseName(text);
    if (!n.ok) return n;
    const { tokens, key, latin, script } = n.value;
    const phonetic = tokens.map((t) => phoneticKey(t, soundSourceOf(script)));
    return { ok: true, value: { text, tokens, key, latin, phonetic, cognates: tokens.map(cognate) } };
  }
  const o = normaliseOrganisation(text);
  if (!o.ok) return o;
  const { tokens, key } = o.value;
  const latin = tokens.join(' ');
  return {
    ok: true,
    value: { text, tokens, key, latin, phonetic: tokens.map((t) => phoneticKey(t)), cognates: [...tokens] },
  };
};

const cognate = (token: string): string => nameCognateKey(token) ?? token;

const identifier = (
  kind: IdentifierKind,
  raw: string,
  country: string | undefined,
): Normalised<IdentifierValue> => {
  const both = (strict: string, confusable = strict): Normalised<IdentifierValue> => ({
    ok: true,
    value: { text: raw, strict, confusable },
  });
  const map = <T>(r: Normalised<T>, f: (v: T) => Normalised<IdentifierValue>): Normalised<IdentifierValue> =>
    r.ok ? f(r.value) : r;
  switch (kind) {
    case 'document':
      return map(normaliseDocumentNumber(raw, country === undefined ? {} : { country }), (d) => {
        const whole = identifierText(raw).text;
        const value = both(d.number, d.confusable);
        return whole !== d.number && /^[A-Z0-9]+$/.test(whole) && value.ok
          ? { ok: true, value: { ...value.value, also: whole } }
          : value;
      });
    case 'phone':
      // The matcher needs the number, not its type (the second pass over the numbering plan).
      return map(
        normalisePhone(raw, { type: false, ...(country === undefined ? {} : { defaultRegion: country }) }),
        (p) => both(p.e164),
      );
    case 'email':
      return map(normaliseEmail(raw, { gmailDots: true, plusTags: true }), (e) => both(e.key));
    case 'iban':
      return map(normaliseIban(raw), (i) => both(i.iban));
    case 'bic':
      return map(normaliseBic(raw), (b) => both(b.bic8));
    case 'imo':
      return map(normaliseImo(raw), (i) => both(i));
    case 'mmsi':
      return map(normaliseMmsi(raw), (m) => both(m.mmsi));
    case 'vin':
      return map(normaliseVin(raw), (v) => both(v.vin, confusableKey(v.vin)));
    case 'plate':
      return map(normalisePlate(raw), (p) => both(p.plate, p.confusable));
    case 'registration':
    case 'account': {
      const { text } = identifierText(raw);
      if (text.length < 2) return { ok: false, reason: 'too short for an identifier' };
      return both(text, confusableKey(text));
    }
  }
};

/** Compute a record's features once (see {@link MatchRecord}); values that fail to normalise go to `rejected`. */
export const toMatchRecord = (input: MatchInput, id = input.id ?? ''): MatchRecord => {
  const family = schemaFamily(input.schema);
  const record: MatchRecord = {
    id,
    schema: input.schema,
    family,
    names: [],
    dates: [],
    countries: [],
    genders: [],
    identifiers: {},
    addresses: [],
    rejected: [],
  };
  if (family === 'other') return record;
  const m = MAPPINGS[family];
  const keep = <T>(property: string, value: string, r: Normalised<T>, into: T[]): void => {
    if (r.ok) into.push(r.value);
    else record.rejected.push({ property, value, reason: r.reason });
  };
  const each = (props: readonly string[], f: (prop: string, value: string) => void): void => {
    for (const p of props) for (const v of values(input, p)) f(p, v);
  };
  each(m.names, (p, v) => {
    keep(p, v, nameValue(v, m.personNames), record.names);
  });
  const parts = m.nameParts.map((p) => values(input, p).join(' ')).filter((s) => s !== '');
  if (parts.length > 0)
    keep(m.nameParts.join('+'), parts.join(' '), nameValue(parts.join(' '), m.personNames), record.names);
  each(m.dates, (p, v) => {
    const d = parseDate(v);
    keep(p, v, d.ok ? { ok: true, value: { text: v, date: d.value } } : d, record.dates);
  });
  each(m.countries, (p, v) => {
    const c = countryCode(v);
    keep(
      p,
      v,
      c === undefined ? { ok: false, reason: 'unknown country' } : { ok: true, value: c },
      record.countries,
    );
  });
  each(m.genders, (p, v) => {
    const g = v.trim().toLowerCase();
    const code = g.startsWith('m') ? 'male' : g.startsWith('f') || g.startsWith('w') ? 'female' : 'other';
    keep(p, v, { ok: true, value: code }, record.genders);
  });
  const country = record.countries[0];
  for (const kind of IDENTIFIER_KINDS) {
    const props = m.ids[kind];
    if (props === undefined) continue;
    const into: IdentifierValue[] = [];
    each(props, (p, v) => {
      keep(p, v, identifier(kind, v, country), into);
    });
    if (into.length > 0) record.identifiers[kind] = into;
  }
  each(m.addresses, (p, v) => {
    const a = normaliseAddress(v, country === undefined ? {} : { country });
    const value = a.ok
      ? {
          ok: true as const,
          value: {
            text: v,
            normal: a.value.text,
            tokens: a.value.tokens,
            ...(a.value.postcode === undefined ? {} : { postcode: a.value.postcode }),
          },
        }
      : a;
    keep(p, v, value, record.addresses);
  });
  const postcodes = values(input, 'postalCode');
  if (postcodes[0] !== undefined)
    for (const a of record.addresses) a.postcode ??= postcodes[0].replace(/\s/g, '').toUpperCase();
  return record;
};
