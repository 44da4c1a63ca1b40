import { isValidIBAN } from 'ibantools';
import type { Mapping, PropertySpec } from './mapping.schema.js';
import { parseDateAs } from './transforms.js';

const DATE_FORMATS = [
  'ISO',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'MM-DD-YYYY',
  'DD-MM-YYYY',
  'YYYYMMDD',
  'DD-MMM-YYYY',
  'MM/DD/YYYY',
];

const reads = (v: string, format: string): boolean => {
  try {
    parseDateAs(v, format);
    return format !== 'ISO' || /^\d{4}-\d{2}-\d{2}/.test(v);
  } catch {
    return false;
  }
};

/** The date format that reads most sample values, if it reads at least half of them (a few may be wrong). */
export const guessDateFormat = (values: readonly string[]): string | undefined => {
  let best: string | undefined;
  let bestCount = 0;
  for (const f of DATE_FORMATS) {
    const n = values.filter((v) => reads(v, f)).length;
    if (n > bestCount) [best, bestCount] = [f, n];
  }
  return values.length > 0 && bestCount >= 0.5 * values.length ? best : undefined;
};

type Kind = 'date' | 'email' | 'phone' | 'iban' | 'passport' | 'text';

const every = (values: readonly string[], test: (v: string) => boolean): boolean =>
  values.length > 0 && values.every(test);

// What the values of a column look like, whatever its name says.
const kindOf = (values: readonly string[]): Kind => {
  if (guessDateFormat(values) !== undefined) return 'date';
  if (every(values, (v) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v))) return 'email';
  if (every(values, (v) => isValidIBAN(v.replace(/\s/g, '').toUpperCase()))) return 'iban';
  if (every(values, (v) => /^\+?[\d\s().-]{7,20}$/.test(v) && /\d{6}/.test(v.replace(/\D/g, ''))))
    return 'phone';
  if (every(values, (v) => /^[A-Z]{1,3}\s?\d{6,9}$/i.test(v))) return 'passport';
  return 'text';
};

const NAME_RULES: [RegExp, string][] = [
  [/^(first|given|fore)[ _-]?names?$|^vorname|^prenom|^nome$/i, 'firstName'],
  [/^(last|family|sur)[ _-]?names?$|^surname|^nachname|^cognome|^nom$/i, 'lastName'],
  [/birth|^dob$|^born/i, 'birthDate'],
  [/nationalit|citizen|^nat$/i, 'nationality'],
  [/^(sex|gender)$/i, 'gender'],
  [/e-?mail/i, 'email'],
  [/phone|^tel|mobile|msisdn/i, 'phone'],
  [/address|^addr/i, 'address'],
  [/name/i, 'name'],
];

/**
 * A draft mapping for a table, from its header and a sample of rows: the first column as the id of
 * one entity per row (a Person unless the columns speak of companies), properties guessed from
 * column names and values (dates with their format, e-mails, phones), IBANs as bank accounts and
 * passport-like numbers as passports of the person. A person reviews it before use.
 */
export const suggestMapping = (
  header: readonly string[],
  sample: readonly Record<string, string>[],
  source: Mapping['source'],
): { mapping: Mapping; unmapped: string[] } => {
  const isOrg = header.some((h) => /company|organi[sz]ation|firm|business/i.test(h));
  const schema = isOrg ? 'Company' : 'Person';
  const idColumn = header[0] ?? 'id';
  const properties: Record<string, PropertySpec> = {};
  const extra: Mapping['entities'] = [];
  const unmapped: string[] = [];
  for (const column of header.slice(1)) {
    const values = sample.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
    const kind = kindOf(values);
    const byName = NAME_RULES.find(([re]) => re.test(column))?.[1];
    if (kind === 'iban' || /iban/i.test(column)) {
      extra.push({
        key: `account${extra.length + 1}`,
        schema: 'BankAccount',
        optional: true,
        id: { columns: [column], prefix: 'iban-' },
        properties: { iban: { column } },
      });
      continue;
    }
    if (!isOrg && (kind === 'passport' || /passport|doc(ument)?[ _-]?(no|num)/i.test(column))) {
      extra.push({
        key: `passport${extra.length + 1}`,
        schema: 'Passport',
        optional: true,
        id: { columns: [column], prefix: 'passport-' },
        properties: { holder: { entity: 'main' }, number: { column } },
      });
      continue;
    }
    const prop =
      kind === 'date'
        ? (byName ?? (isOrg ? 'incorporationDate' : 'birthDate'))
        : kind === 'email'
          ? 'email'
          : kind === 'phone'
            ? 'phone'
            : byName;
    if (
      prop === undefined ||
      properties[prop] !== undefined ||
      (isOrg && /Name$|birth|nationality|gender/.test(prop))
    ) {
      unmapped.push(column);
      continue;
    }
    const spec: PropertySpec = { column };
    if (kind === 'date') {
      const format = guessDateFormat(values);
      if (format !== undefined && format !== 'ISO') spec.transform = [{ date: format }];
    }
    if (prop === 'phone') spec.transform = [{ phone: {} }];
    properties[prop] = spec;
  }
  const mapping: Mapping = {
    version: 1,
    source,
    provenance: {},
    entities: [{ key: 'main', schema, id: { columns: [idColumn] }, properties }, ...extra],
  };
  return { mapping, unmapped };
};
