import { accept, reject, type Normalised } from './result.js';

/** How much of a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** Order of day, month and year in a numeric date like 03/04/1990. */
export type DateOrder = 'dmy' | 'mdy';

/** A full or partial date. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
  /** ISO 8601 form: YYYY, YYYY-MM or YYYY-MM-DD. */
  iso: string;
  /** Day and month were both 12 or less and different: the order came from the hint, not the data. */
  ambiguous: boolean;
  /** The hinted order gave an impossible date and the other order a possible one, which was taken. */
  orderSwapped: boolean;
}

/** Options for {@link parseDate}. */
export interface DateOptions {
  /** Order of numeric day-month-year dates; default `dmy`, as most of the world writes them. */
  order?: DateOrder;
  /** Earliest and latest accepted years; defaults 1000 and 2999. */
  minYear?: number;
  maxYear?: number;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan', 'janvier', 'enero', 'januar', 'gennaio', 'janeiro'],
    ['february', 'feb', 'fevrier', 'febrero', 'februar', 'febbraio', 'fevereiro'],
    ['march', 'mar', 'mars', 'marzo', 'marz', 'marco'],
    ['april', 'apr', 'avril', 'abril', 'aprile'],
    ['may', 'mai', 'mayo', 'maggio', 'maio'],
    ['june', 'jun', 'juin', 'junio', 'juni', 'giugno', 'junho'],
    ['july', 'jul', 'juillet', 'julio', 'juli', 'luglio', 'julho'],
    ['august', 'aug', 'aout', 'agosto'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro'],
    ['october', 'oct', 'octobre', 'octubre', 'oktober', 'ottobre', 'outubro', 'okt'],
    ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
    ['december', 'dec', 'decembre', 'diciembre', 'dezember', 'dicembre', 'dezembro', 'dez'],
  ].flatMap((names, i) => names.map((n): [string, number] => [n, i + 1])),
);

const ISO_RE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_YEAR_RE = /^(\d{1,2})[-/.](\d{4})$/;
const NUMERIC_RE = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const TWO_DIGIT_YEAR_RE = /^\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2}$/;
const DAY_NAME_YEAR_RE = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/;
const NAME_DAY_YEAR_RE = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const NAME_YEAR_RE = /^([a-z]+)\.?,?\s+(\d{4})$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Number of days in a month (1–12) of a year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The ISO 8601 form of a partial date. */
export const formatPartialDate = (d: { year: number; month?: number; day?: number }): string =>
  String(d.year).padStart(4, '0') +
  (d.month === undefined ? '' : `-${pad(d.month)}`) +
  (d.month === undefined || d.day === undefined ? '' : `-${pad(d.day)}`);

interface Parts {
  year: number;
  month?: number;
  day?: number;
  ambiguous?: boolean;
  orderSwapped?: boolean;
}

// Why a year, month and day do not make a date, or undefined when they do.
const problem = (p: Parts, minYear: number, maxYear: number): string | undefined => {
  if (p.year < minYear || p.year > maxYear) return `year ${p.year} is outside ${minYear}–${maxYear}`;
  if (p.month === undefined) return undefined;
  if (p.month < 1 || p.month > 12) return `month ${p.month} does not exist`;
  if (p.day === undefined) return undefined;
  const days = daysInMonth(p.year, p.month);
  if (p.day < 1 || p.day > days)
    return `day ${p.day} does not exist in ${formatPartialDate({ year: p.year, month: p.month })}, which has ${days} days`;
  return undefined;
};

const numeric = (a: number, b: number, year: number, order: DateOrder, min: number, max: number): Parts => {
  const hinted: Parts = order === 'dmy' ? { year, month: b, day: a } : { year, month: a, day: b };
  const other: Parts = { year, month: hinted.day ?? 0, day: hinted.month ?? 0 };
  if (problem(hinted, min, max) !== undefined && problem(other, min, max) === undefined) {
    return { ...other, orderSwapped: true };
  }
  return { ...hinted, ambiguous: a !== b && a <= 12 && b <= 12 };
};

const parts = (text: string, order: DateOrder, min: number, max: number): Parts | string => {
  let m = ISO_RE.exec(text) ?? COMPACT_RE.exec(text);
  if (m) {
    const [, y, mo, d] = m;
    return {
      year: Number(y),
      month: mo === undefined ? undefined : Number(mo),
      day: d === undefined ? undefined : Number(d),
    };
  }
  if ((m = MONTH_YEAR_RE.exec(text))) return { year: Number(m[2]), month: Number(m[1]) };
  if ((m = NUMERIC_RE.exec(text))) return numeric(Number(m[1]), Number(m[2]), Number(m[3]), order, min, max);
  if (TWO_DIGIT_YEAR_RE.test(text)) return 'two-digit year: the century is unknown';
  const named = (name: string | undefined): number | undefined =>
    MONTHS.get((name ?? '').normalize('NFD').replace(/\p{M}/gu, ''));
  if ((m = DAY_NAME_YEAR_RE.exec(text))) {
    const month = named(m[2]);
    if (month !== undefined) return { year: Number(m[3]), month, day: Number(m[1]) };
  }
  if ((m = NAME_DAY_YEAR_RE.exec(text))) {
    const month = named(m[1]);
    if (month !== undefined) return { year: Number(m[3]), month, day: Number(m[2]) };
  }
  if ((m = NAME_YEAR_RE.exec(text))) {
    const month = named(m[1]);
    if (month !== undefined) return { year: Number(m[2]), month };
  }
  return 'not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, MM/YYYY or "12 March 1985")';
};

/**
 * Parse a full or partial date. Numeric day-month-year dates follow `options.order` (default
 * day-first); when that order gives an impossible date and the other order a possible one, the other
 * is taken and flagged. Impossible dates (31 April, 29 February 2023, month 13), two-digit years and
 * years outside the accepted range are rejected with the reason.
 */
export const parseDate = (raw: string, options: DateOptions = {}): Normalised<PartialDate> => {
  const text = raw.trim().toLowerCase().slice(0, 64);
  if (text === '') return reject('empty date');
  const min = options.minYear ?? 1000;
  const max = options.maxYear ?? 2999;
  const p = parts(text, options.order ?? 'dmy', min, max);
  if (typeof p === 'string') return reject(p);
  const why = problem(p, min, max);
  if (why !== undefined) return reject(why);
  const precision: DatePrecision = p.month === undefined ? 'year' : p.day === undefined ? 'month' : 'day';
  return accept({
    year: p.year,
    ...(p.month === undefined ? {} : { month: p.month }),
    ...(p.day === undefined ? {} : { day: p.day }),
    precision,
    iso: formatPartialDate(p),
    ambiguous: p.ambiguous ?? false,
    orderSwapped: p.orderSwapped ?? false,
  });
};

/**
 * How two dates agree: `exact`; `partial` (one is less precise and they agree on what both have);
 * `swap` (day and month swapped); `month` (same year and month, day differs); `year` (same year
 * only); `differ` (different years: see yearDistance).
 */
export type DateAgreement = 'exact' | 'partial' | 'swap' | 'month' | 'year' | 'differ';

/** The comparison of two dates. */
export interface DateComparison {
  agreement: DateAgreement;
  /** Absolute difference of the years. */
  yearDistance: number;
}

/** Compare two partial dates (see {@link DateAgreement}). */
export const compareDates = (a: PartialDate, b: PartialDate): DateComparison => {
  const yearDistance = Math.abs(a.year - b.year);
  const result = (agreement: DateAgreement): DateComparison => ({ agreement, yearDistance });
  if (yearDistance > 0) return result('differ');
  if (a.month === undefined || b.month === undefined) {
    return result(a.precision === b.precision ? 'exact' : 'partial');
  }
  if (a.day !== undefined && b.day !== undefined) {
    if (a.month === b.month && a.day === b.day) return result('exact');
    if (a.month === b.day && a.day === b.month) return result('swap');
    return result(a.month === b.month ? 'month' : 'year');
  }
  if (a.month !== b.month) return result('year');
  return result(a.precision === b.precision ? 'exact' : 'partial');
};
