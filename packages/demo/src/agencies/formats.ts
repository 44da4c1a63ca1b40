import { COUNTRIES } from '../data/countries.js';

/** The date layouts agencies' exports use. */
export type DateFormat =
  | 'DD/MM/YYYY'
  | 'DD.MM.YYYY'
  | 'D/M/YYYY'
  | 'MM-DD-YYYY'
  | 'DD-MMM-YYYY'
  | 'YYYYMMDD'
  | 'YYYY/MM/DD'
  | 'YYYY-MM-DD';

/** What an export writes for a date known only to the year: "00/00/1994", "01/01/1994" or just "1994". */
export type PartialDatePolicy = 'zeros' | 'jan1' | 'year';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Write an ISO date (possibly partial) in an export's layout. */
export const formatDate = (
  iso: string | undefined,
  format: DateFormat,
  partial: PartialDatePolicy,
): string => {
  if (iso === undefined || iso === '') return '';
  const y = iso.slice(0, 4);
  let m = iso.slice(5, 7);
  let d = iso.slice(8, 10);
  if (m === '' || d === '') {
    if (partial === 'year') return y;
    const fill = partial === 'zeros' ? '00' : '01';
    m = m === '' ? fill : m;
    d = fill;
  }
  switch (format) {
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'DD.MM.YYYY':
      return `${d}.${m}.${y}`;
    case 'D/M/YYYY':
      return `${String(Number(d))}/${String(Number(m))}/${y}`;
    case 'MM-DD-YYYY':
      return `${m}-${d}-${y}`;
    case 'DD-MMM-YYYY':
      return `${d}-${MONTHS[Number(m) - 1] ?? m}-${y}`;
    case 'YYYYMMDD':
      return `${y}${m}${d}`;
    case 'YYYY/MM/DD':
      return `${y}/${m}/${d}`;
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
  }
};

/** A country's name in an agency's language, or its ISO3 code. */
export const countryName = (
  iso2: string | undefined,
  lang: 'en' | 'it' | 'de' | 'el' | 'sq' | 'iso3',
): string => {
  if (iso2 === undefined) return '';
  const c = COUNTRIES.get(iso2);
  if (!c) return iso2.toUpperCase();
  return lang === 'iso3' ? c.iso3 : c.names[lang];
};

/** An amount with a decimal comma and dot thousands ("1.250,00"), as Italian banks write it. */
export const amountIt = (value: string | undefined): string => {
  if (value === undefined) return '';
  const [int = '0', dec = ''] = Number(value).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
};
