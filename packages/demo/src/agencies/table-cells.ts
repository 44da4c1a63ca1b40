import type { Cell, Extra, Props } from './native-tables.js';

/** The first value of a property, or "". */
export const v = (p: Props, k: string): string => p[k]?.[0] ?? '';
/** All values of a property, joined. */
export const all = (p: Props, k: string, sep = ' / '): string => (p[k] ?? []).join(sep);
/** A fact of the record's extra, or "". */
export const s = (x: Extra, k: string): string => x[k] ?? '';

/** The person's sex in an agency's codes. */
export const sex = (p: Props, m: string, f: string): string => {
  const g = v(p, 'gender');
  return g === 'male' ? m : g === 'female' ? f : '';
};

/** Excel date cell when the date is complete, else the text as the agency would type it. */
export const xlsxDate = (iso: string): Cell => (iso.length === 10 ? { date: iso } : iso);
