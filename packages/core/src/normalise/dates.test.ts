import { describe, expect, it } from 'vitest';
import { compareDates, daysInMonth, parseDate, type PartialDate } from './dates.js';

const date = (raw: string, order?: 'dmy' | 'mdy'): PartialDate => {
  const r = parseDate(raw, order === undefined ? {} : { order });
  if (!r.ok) throw new Error(`expected a date, got: ${r.reason}`);
  return r.value;
};
const reason = (raw: string): string => {
  const r = parseDate(raw);
  if (r.ok) throw new Error(`expected a rejection, got ${r.value.iso}`);
  return r.reason;
};

describe('parseDate', () => {
  it.each([
    ['1985', '1985', 'year'],
    ['1985-03', '1985-03', 'month'],
    ['1985/3', '1985-03', 'month'],
    ['03/1985', '1985-03', 'month'],
    ['1985-03-12', '1985-03-12', 'day'],
    ['19850312', '1985-03-12', 'day'],
    ['2021-02-16T10:30:00Z', '2021-02-16', 'day'],
    ['12/03/1985', '1985-03-12', 'day'],
    ['12.03.1985', '1985-03-12', 'day'],
    ['12-03-1985', '1985-03-12', 'day'],
    ['12 March 1985', '1985-03-12', 'day'],
    ['March 12, 1985', '1985-03-12', 'day'],
    ['12 mars 1985', '1985-03-12', 'day'],
    ['Mar 1985', '1985-03', 'month'],
    ['2000-02-29', '2000-02-29', 'day'],
  ])('reads %s as %s (%s)', (raw, iso, precision) => {
    const d = date(raw);
    expect(d.iso).toBe(iso);
    expect(d.precision).toBe(precision);
  });

  it('follows the order hint for numeric dates and flags ambiguity', () => {
    expect(date('03/04/1990').iso).toBe('1990-04-03');
    expect(date('03/04/1990', 'mdy').iso).toBe('1990-03-04');
    expect(date('03/04/1990').ambiguous).toBe(true);
    expect(date('25/04/1990').ambiguous).toBe(false);
    expect(date('04/04/1990').ambiguous).toBe(false);
  });

  it('takes the other order when the hinted one is impossible, and says so', () => {
    const d = date('12/25/1990');
    expect(d.iso).toBe('1990-12-25');
    expect(d.orderSwapped).toBe(true);
    expect(date('25/12/1990', 'mdy').orderSwapped).toBe(true);
  });

  it('rejects impossible dates with the reason', () => {
    expect(reason('1985-02-29')).toBe('day 29 does not exist in 1985-02, which has 28 days');
    expect(reason('31/04/1990')).toBe('day 31 does not exist in 1990-04, which has 30 days');
    expect(reason('13/13/1990')).toBe('month 13 does not exist');
    expect(reason('1990-00')).toBe('month 0 does not exist');
    expect(reason('1990-01-00')).toContain('day 0 does not exist');
    expect(reason('0999')).toBe('year 999 is outside 1000–2999');
    expect(reason('12/03/85')).toBe('two-digit year: the century is unknown');
    expect(reason('')).toBe('empty date');
    expect(reason('yesterday')).toContain('not a date');
    expect(reason('12 Smarch 1985')).toContain('not a date');
  });

  it('accepts a custom year range', () => {
    expect(parseDate('1850', { minYear: 1900 }).ok).toBe(false);
    expect(parseDate('1850', { minYear: 1800 }).ok).toBe(true);
  });

  it('knows leap years', () => {
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
  });
});

describe('compareDates', () => {
  const cmp = (a: string, b: string) => compareDates(date(a), date(b));

  it.each([
    ['1985-03-12', '1985-03-12', 'exact', 0],
    ['1985-03', '1985-03', 'exact', 0],
    ['1985', '1985', 'exact', 0],
    ['1985', '1985-03-12', 'partial', 0],
    ['1985-03', '1985-03-12', 'partial', 0],
    ['1985-03-12', '1985-12-03', 'swap', 0],
    ['1985-03-12', '1985-03-14', 'month', 0],
    ['1985-03-12', '1985-07-14', 'year', 0],
    ['1985-03', '1985-07-14', 'year', 0],
    ['1985-03-12', '1987-03-12', 'differ', 2],
    ['1985', '1958', 'differ', 27],
  ])('%s vs %s: %s', (a, b, agreement, yearDistance) => {
    expect(cmp(a, b)).toEqual({ agreement, yearDistance });
    expect(cmp(b, a)).toEqual({ agreement, yearDistance });
  });
});
