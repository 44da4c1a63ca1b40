/**
 * The mess of real files, at a chosen level: names romanised differently or left in their own script,
 * given and family names swapped, typos, dropped middle names, partial or day-month-swapped birth dates,
 * phone numbers in national or international form, document numbers with spaces and country prefixes,
 * addresses written several ways. Every perturbation fires with probability `level × base rate`, so a
 * level of 0 writes every value the same way everywhere. Values stay valid for their FtM types.
 */
import { COUNTRIES, country } from '../data/countries.js';
import type { NameToken } from '../data/names.js';
import type { Rng } from '../prng.js';
import type { PersonName, WAddress } from '../world/types.js';

/** A noise stream and its level (0..1). */
export interface Noise {
  rng: Rng;
  level: number;
}

/** Base rates of each perturbation, multiplied by the noise level. */
export const NOISE_RATES = {
  variant: 0.7,
  originalScript: 0.3,
  swap: 0.2,
  typo: 0.2,
  dropMiddle: 0.5,
  yearOnly: 0.25,
  dayMonthSwap: 0.15,
  nationalPhone: 0.6,
  spacedPhone: 0.4,
  docSpaces: 0.3,
  docPrefix: 0.2,
  address: 0.6,
  plate: 0.4,
} as const;

const fire = (n: Noise, base: number): boolean => n.rng.chance(n.level * base);

/** How an agency writes names: the order of the full name and how often it keeps the original script. */
export interface NameStyle {
  order: 'given-first' | 'family-first' | 'family-upper';
  /** 0..1: how likely this agency's records are to use the original script (scaled by the noise level). */
  script: number;
}

/** A name as one record writes it. */
export interface RenderedName {
  name: string;
  firstName: string;
  lastName: string;
  middleName: string | undefined;
  fatherName: string | undefined;
  /** The name in its original script, when there is one (not noise: some agencies always record it). */
  original: string | undefined;
}

const VOWEL_SWAP: Readonly<Record<string, string>> = { a: 'e', e: 'a', i: 'y', y: 'i', o: 'u', u: 'o' };

/** One keyboard or hearing slip: swap two letters, drop one, double one, or change a vowel. */
export const typo = (rng: Rng, s: string): string => {
  if (s.length < 4 || !/^[\p{Script=Latin}\s'-]+$/u.test(s)) return s;
  const i = rng.int(1, s.length - 2);
  const a = s.charAt(i);
  const b = s.charAt(i + 1);
  switch (rng.int(0, 3)) {
    case 0:
      return a === b ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + b + a + s.slice(i + 2);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + a + s.slice(i);
    default: {
      const v = VOWEL_SWAP[a.toLowerCase()];
      return v ? s.slice(0, i) + v + s.slice(i + 1) : s.slice(0, i) + b + a + s.slice(i + 2);
    }
  }
};

const tokenForm = (n: Noise, t: NameToken, original: boolean): string => {
  if (original && t.original) return t.original;
  const [first = '', ...rest] = t.forms;
  return rest.length > 0 && fire(n, NOISE_RATES.variant) ? n.rng.pick(rest) : first;
};

const hasOriginal = (pn: PersonName): boolean => pn.script !== 'latin' && pn.given.original !== undefined;

const joinName = (parts: readonly (string | undefined)[]): string =>
  parts.filter((p) => p !== undefined && p !== '').join(' ');

/** Write a person's name as one record of an agency would. */
export const renderName = (n: Noise, pn: PersonName, style: NameStyle, origin: string): RenderedName => {
  const original = hasOriginal(pn) && fire(n, NOISE_RATES.originalScript * style.script);
  let first = tokenForm(n, pn.given, original);
  let last = tokenForm(n, pn.family, original);
  let middle = pn.middle ? tokenForm(n, pn.middle, original) : undefined;
  if (middle !== undefined && fire(n, NOISE_RATES.dropMiddle)) middle = undefined;
  if (fire(n, NOISE_RATES.swap)) [first, last] = [last, first];
  if (!original && fire(n, NOISE_RATES.typo)) {
    if (n.rng.chance(0.5)) first = typo(n.rng, first);
    else last = typo(n.rng, last);
  }
  const asMiddle = pn.system === 'vietnamese' || origin === 'ng';
  const name =
    style.order === 'given-first'
      ? joinName([first, middle, last])
      : style.order === 'family-first'
        ? joinName([last, first, middle])
        : joinName([last.toUpperCase(), first, middle]);
  const originalName = hasOriginal(pn)
    ? pn.system === 'vietnamese'
      ? joinName([pn.family.original, pn.middle?.original, pn.given.original])
      : joinName([pn.given.original, pn.middle?.original, pn.family.original])
    : undefined;
  return {
    name,
    firstName: first,
    lastName: last,
    middleName: asMiddle ? middle : undefined,
    fatherName: asMiddle ? undefined : middle,
    original: originalName,
  };
};

/** The person's name as their passport has it (canonical romanisation, given-first). */
export const canonicalName = (pn: PersonName): string =>
  joinName([pn.given.forms[0], pn.middle?.forms[0], pn.family.forms[0]]);

/** A birth date as a record has it: full, year only, or with day and month swapped (still a valid date). */
export const noisyDate = (n: Noise, iso: string): string => {
  if (fire(n, NOISE_RATES.yearOnly)) return iso.slice(0, 4);
  const day = Number(iso.slice(8, 10));
  const month = Number(iso.slice(5, 7));
  if (day <= 12 && day !== month && fire(n, NOISE_RATES.dayMonthSwap)) {
    return `${iso.slice(0, 4)}-${iso.slice(8, 10)}-${iso.slice(5, 7)}`;
  }
  return iso;
};

const CALLING = [...COUNTRIES.values()].sort((a, b) => b.callingCode.length - a.callingCode.length);

const group3 = (digits: string): string => digits.replace(/(\d{3})(?=\d{3})/g, '$1 ');

/** A phone number (E.164) as a record writes it: compact international, spaced, 00-prefixed, or national. */
export const formatPhone = (n: Noise, e164: string): string => {
  const digits = e164.slice(1);
  const c = CALLING.find((x) => digits.startsWith(x.callingCode));
  if (!c) return e164;
  const rest = digits.slice(c.callingCode.length);
  if (fire(n, NOISE_RATES.nationalPhone)) return `${c.trunk}${n.rng.chance(0.5) ? rest : group3(rest)}`;
  if (fire(n, NOISE_RATES.spacedPhone))
    return n.rng.chance(0.5) ? `+${c.callingCode} ${group3(rest)}` : `00${c.callingCode}${rest}`;
  return e164;
};

/** A document number as a record writes it: as printed, with spaces, or with the issuing country's ISO3 code. */
export const formatDocNumber = (n: Noise, num: string, iso2: string): string => {
  let out = num;
  if (fire(n, NOISE_RATES.docSpaces))
    out = out.replace(/^([A-Z]+)(?=\d)/, '$1 ').replace(/(\d{4})(?=\d)/, '$1 ');
  if (fire(n, NOISE_RATES.docPrefix)) out = `${country(iso2).iso3}${n.rng.pick([' ', '-', ''])}${out}`;
  return out;
};

/** A plate as written: with or without its spaces and dashes. */
export const formatPlate = (n: Noise, plate: string): string => {
  if (fire(n, NOISE_RATES.plate))
    return n.rng.chance(0.5) ? plate.replace(/[\s-]/g, '') : plate.replace(/-/g, ' ');
  return plate;
};

const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^Via /, 'V. '],
  [/ Street$/, ' St'],
  [/ Road$/, ' Rd'],
  [/straße$/, 'str.'],
  [/ Caddesi$/, ' Cad.'],
  [/^Rue /, 'R. '],
];

/** The parts of an address as one record writes them, and the one-line form. */
export interface RenderedAddress {
  full: string;
  street: string;
  city: string;
  postcode: string;
}

/** An address as a record writes it: street and city forms, order, abbreviations, case. */
export const renderAddress = (n: Noise, a: WAddress): RenderedAddress => {
  const streets = a.street.split('/');
  const messy = fire(n, NOISE_RATES.address);
  let street = messy ? n.rng.pick(streets) : (streets[0] ?? '');
  const city = messy ? n.rng.pick(a.place.cityForms) : (a.place.cityForms[0] ?? '');
  const postcode = messy && n.rng.chance(0.4) ? '' : a.place.postcode;
  if (!messy)
    return {
      full: joinName([`${street} ${a.number},`, postcode, city]),
      street: `${street} ${a.number}`,
      city,
      postcode,
    };
  for (const [re, short] of ABBREVIATIONS) if (n.rng.chance(0.5)) street = street.replace(re, short);
  const line = `${street} ${n.rng.chance(0.3) ? 'n. ' : ''}${a.number}`;
  const full = n.rng.pick([
    joinName([`${line},`, postcode, city]),
    joinName([`${city},`, line]),
    `${line.toUpperCase()} - ${city.toUpperCase()}`,
  ]);
  return { full, street: line, city, postcode };
};
