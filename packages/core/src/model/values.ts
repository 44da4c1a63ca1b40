import type { Property } from '@alephdata/followthemoney';
import { ftmModel } from './model.js';

/** Outcome of checking one raw property value: the value to store, nothing (empty), or why it is wrong. */
export type ValueCheck = { ok: true; value: string | null } | { ok: false; reason: string };

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?)?Z?$/;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const PHONE_RE = /^\+?[0-9()\-\s./]{3,40}$/;
const IBAN_RE = /^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{8,40}$/i;
const URL_RE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
// C0 (but tab and line breaks), DEL and C1: the 8-bit CSI U+009B starts terminal escapes as ESC [ does.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const valuesOf = (type: string): Set<string> => new Set(ftmModel.getType(type).values.keys());
const COUNTRIES = valuesOf('country');
const GENDERS = valuesOf('gender');
const LANGUAGES = valuesOf('language');
const TOPICS = valuesOf('topic');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar (its year 0 is a leap year). */
const daysInMonth = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : (DAYS_IN_MONTH[month - 1] ?? 0);

/** True when an ISO 8601 date prefix (2021, 2021-02, 2021-02-16, …) names a real date. */
export const isValidDate = (v: string): boolean => {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined && (Number(d) < 1 || Number(d) > daysInMonth(Number(y), Number(mo)))) return false;
  if (h !== undefined && Number(h) > 23) return false;
  if (mi !== undefined && Number(mi) > 59) return false;
  return !(s !== undefined && Number(s) > 59);
};

const fromSet = (set: Set<string>, v: string, what: string): ValueCheck => {
  const lower = v.toLowerCase();
  return set.has(lower) ? { ok: true, value: lower } : { ok: false, reason: `"${v}" is not a known ${what}` };
};

/**
 * Check a raw value against its property's FollowTheMoney type. Values are kept as written (the
 * normalisers that matching needs live elsewhere); only codes (country, gender…) are lower-cased,
 * as FollowTheMoney does. Empty values are dropped, as FollowTheMoney drops them.
 */
export const checkValue = (prop: Property, raw: unknown): ValueCheck => {
  if (typeof raw !== 'string') {
    return { ok: false, reason: `expected a string value, got ${raw === null ? 'null' : typeof raw}` };
  }
  const v = raw.trim();
  if (v.length === 0) return { ok: true, value: null };
  if (CONTROL_RE.test(v)) return { ok: false, reason: 'value contains control characters' };
  const max = prop.maxLength || prop.type.maxLength;
  if (max > 0 && v.length > max)
    return { ok: false, reason: `value is ${v.length} characters long, over the limit of ${max}` };
  switch (prop.type.name) {
    case 'date':
      return isValidDate(v)
        ? { ok: true, value: v }
        : { ok: false, reason: `"${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` };
    case 'country':
      return fromSet(COUNTRIES, v, 'country code');
    case 'gender':
      return fromSet(GENDERS, v, 'gender (male, female, other)');
    case 'language':
      return fromSet(LANGUAGES, v, 'language code');
    case 'topic':
      return fromSet(TOPICS, v, 'topic');
    case 'email':
      return EMAIL_RE.test(v)
        ? { ok: true, value: v }
        : { ok: false, reason: `"${v}" is not an e-mail address` };
    case 'phone':
      return PHONE_RE.test(v) && /\d/.test(v)
        ? { ok: true, value: v }
        : { ok: false, reason: `"${v}" is not a phone number` };
    case 'iban':
      return IBAN_RE.test(v) ? { ok: true, value: v } : { ok: false, reason: `"${v}" is not an IBAN` };
    case 'url':
      return URL_RE.test(v) ? { ok: true, value: v } : { ok: false, reason: `"${v}" is not a URL` };
    case 'number':
      return /\d/.test(v) && !Number.isNaN(Number(v.replace(/[,\s_]/g, '')))
        ? { ok: true, value: v }
        : { ok: false, reason: `"${v}" is not a number` };
    case 'entity':
      return /\s/.test(v)
        ? { ok: false, reason: `"${v}" is not an entity id (ids have no spaces)` }
        : { ok: true, value: v };
    default:
      return { ok: true, value: v };
  }
};
