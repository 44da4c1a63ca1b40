import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { invalid } from '../errors.js';
import { isValidDate } from '../model/values.js';
import type { Transform } from './mapping.schema.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface DatePattern {
  regex: RegExp;
  fields: ('Y' | 'M' | 'D' | 'N')[];
}

const patterns = new Map<string, DatePattern>();

// A format such as DD/MM/YYYY or DD-MMM-YYYY as a regular expression; tokens YYYY, MMM, MM, DD.
const compileDate = (format: string): DatePattern => {
  const cached = patterns.get(format);
  if (cached) return cached;
  // Without separators (YYYYMMDD) months and days must be two digits; with them, one is enough.
  const digits = /^[YMD]+$/.test(format) ? '(\\d{2})' : '(\\d{1,2})';
  const fields: DatePattern['fields'] = [];
  let src = '';
  let i = 0;
  while (i < format.length) {
    const rest = format.slice(i);
    const token = ['YYYY', 'MMM', 'MM', 'DD'].find((t) => rest.startsWith(t));
    if (token === undefined) {
      src += (format[i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
      continue;
    }
    src += token === 'YYYY' ? '(\\d{4})' : token === 'MMM' ? '([A-Za-z]{3})' : digits;
    fields.push(token === 'YYYY' ? 'Y' : token === 'MMM' ? 'N' : token === 'MM' ? 'M' : 'D');
    i += token.length;
  }
  const p = { regex: new RegExp(`^${src}$`), fields };
  patterns.set(format, p);
  return p;
};

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** An Excel serial day number (1900 system, with its phantom 29 Feb 1900) as an ISO date. */
export const excelSerialToDate = (serial: number): string | null => {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
};

/** Read a date written in `format` (or "excel" for a serial number; "ISO" passes through) as ISO 8601. */
export const parseDateAs = (text: string, format: string): string => {
  if (format === 'ISO') {
    if (!isValidDate(text)) throw invalid(`"${text}" is not an ISO date`);
    return text;
  }
  if (format === 'excel') {
    const iso = /^\d+(\.\d+)?$/.test(text) ? excelSerialToDate(Number(text)) : null;
    if (iso === null) throw invalid(`"${text}" is not an Excel date number`);
    return iso;
  }
  // Exports that write a date known only to the year as the bare year ("1994"), whatever their layout.
  if (/^\d{4}$/.test(text)) return text;
  const p = compileDate(format);
  const m = p.regex.exec(text);
  if (!m) throw invalid(`"${text}" does not match the date format ${format}`);
  let y = 0;
  let mo = 0;
  let d = 0;
  p.fields.forEach((f, i) => {
    const v = m[i + 1] ?? '';
    if (f === 'Y') y = Number(v);
    else if (f === 'M') mo = Number(v);
    else if (f === 'D') d = Number(v);
    else mo = MONTHS.indexOf(v.toLowerCase()) + 1;
  });
  // Exports write a date known only to the year or month with zeros ("00/00/1994"): keep what is known.
  const named = p.fields.includes('N');
  const iso =
    !named && mo === 0 && d === 0
      ? pad(y, 4)
      : d === 0
        ? `${pad(y, 4)}-${pad(mo, 2)}`
        : `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
  if (mo < 1 && !(mo === 0 && d === 0 && !named))
    throw invalid(`"${text}" is not a real date (format ${format})`);
  if (!isValidDate(iso)) throw invalid(`"${text}" is not a real date (format ${format})`);
  return iso;
};

/** Split a full name ("Last, First" or "First Middle Last") and keep its first or last name. */
export const splitName = (text: string, part: 'first' | 'last'): string => {
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const last = text.slice(0, comma).trim();
    const first = text.slice(comma + 1).trim();
    return part === 'first' ? first : last;
  }
  const words = text.trim().split(/\s+/);
  if (words.length < 2) return part === 'last' ? (words[0] ?? '') : '';
  return part === 'first' ? words.slice(0, -1).join(' ') : (words.at(-1) ?? '');
};

/** A phone number in E.164 form, read with a default country for numbers written without one. */
export const phoneToE164 = (text: string, defaultCountry?: string): string => {
  // 00 is the international prefix of most of the world, where a file has no + to give.
  const written = text.trim().replace(/^00(?=[1-9])/, '+');
  const n = parsePhoneNumberFromString(written, defaultCountry?.toUpperCase() as CountryCode | undefined);
  if (!n?.isPossible()) throw invalid(`"${text}" is not a phone number`);
  return n.number;
};

/**
 * A number written with a decimal separator and thousands separators ("1.250,00", "1,250.00",
 * "1 250,5") as plain decimal text without trailing zeros ("1250", "1250.5"). Text only, never a
 * float, so no amount is rounded; anything else is refused.
 */
export const parseNumber = (text: string, decimal: '.' | ',' = '.', thousands = ''): string => {
  let t = text.trim();
  if (thousands !== '') t = t.split(thousands).join('');
  if (decimal === ',') t = t.replace(',', '.');
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m)
    throw invalid(
      `"${text}" is not a number (decimal "${decimal}"${thousands ? `, thousands "${thousands}"` : ''})`,
    );
  const int = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const sign = m[1] === '-' && (int !== '0' || frac !== '') ? '-' : '';
  return `${sign}${int}${frac ? `.${frac}` : ''}`;
};

const regexes = new Map<string, RegExp>();

/** Apply one transform; an empty result means "no value"; throws an Invalid error when the text does not fit. */
export const applyTransform = (text: string, t: Transform): string => {
  if (text === '') return '';
  if (t === 'trim') return text.trim();
  if (t === 'upper') return text.toUpperCase();
  if (t === 'lower') return text.toLowerCase();
  if ('date' in t) return parseDateAs(text.trim(), t.date);
  if ('codes' in t) return applyCodes(text, t.codes);
  if ('name' in t) return splitName(text, t.name);
  if ('phone' in t) return phoneToE164(text, t.phone.defaultCountry);
  if ('number' in t) return parseNumber(text, t.number.decimal, t.number.thousands);
  let re = regexes.get(t.regex);
  if (!re) {
    re = new RegExp(t.regex);
    regexes.set(t.regex, re);
  }
  const m = re.exec(text);
  return m ? (m[1] ?? m[0]) : '';
};

/** Look a code up in a table ("*" is the fallback); a code not in the table is an error. */
export const applyCodes = (text: string, codes: Record<string, string>): string => {
  const key = text.trim();
  const v = codes[key] ?? codes[key.toUpperCase()] ?? codes['*'];
  if (v === undefined) throw invalid(`"${key}" is not in the code table`);
  return v;
};
