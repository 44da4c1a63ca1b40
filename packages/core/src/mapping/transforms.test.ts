import { describe, expect, it } from 'vitest';
import {
  applyTransform,
  excelSerialToDate,
  parseDateAs,
  parseNumber,
  phoneToE164,
  splitName,
} from './transforms.js';

describe('dates', () => {
  it.each([
    ['03/07/1994', 'DD/MM/YYYY', '1994-07-03'],
    ['07-03-1994', 'MM-DD-YYYY', '1994-07-03'],
    ['3.7.1994', 'DD.MM.YYYY', '1994-07-03'],
    ['19940703', 'YYYYMMDD', '1994-07-03'],
    ['03-Jul-1994', 'DD-MMM-YYYY', '1994-07-03'],
    ['34518', 'excel', '1994-07-03'],
    ['2024-02-29', 'ISO', '2024-02-29'],
    ['00/00/1994', 'DD/MM/YYYY', '1994'],
    ['00.07.1994', 'DD.MM.YYYY', '1994-07'],
  ])('%s in %s is %s', (text, format, iso) => {
    expect(parseDateAs(text, format)).toBe(iso);
  });

  it('refuses dates that do not fit or do not exist', () => {
    expect(() => parseDateAs('1994-07-03', 'DD/MM/YYYY')).toThrow(/does not match/);
    expect(() => parseDateAs('30/02/2023', 'DD/MM/YYYY')).toThrow(/not a real date/);
    expect(() => parseDateAs('03-Foo-1994', 'DD-MMM-YYYY')).toThrow(/not a real date/);
    expect(() => parseDateAs('abc', 'excel')).toThrow(/Excel/);
    expect(() => parseDateAs('03/00/1994', 'DD/MM/YYYY')).toThrow(/not a real date/);
    expect(parseDateAs('1994', 'YYYY')).toBe('1994');
    expect(parseDateAs('07/1994', 'MM/YYYY')).toBe('1994-07');
  });

  it('counts Excel serial days from 1899-12-30', () => {
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45292)).toBe('2024-01-01');
    expect(excelSerialToDate(0)).toBeNull();
  });
});

describe('other transforms', () => {
  it('splits names written either way', () => {
    expect(splitName('Haile, Tesfaye', 'first')).toBe('Tesfaye');
    expect(splitName('Haile, Tesfaye', 'last')).toBe('Haile');
    expect(splitName('Ana Maria Popescu', 'first')).toBe('Ana Maria');
    expect(splitName('Popescu', 'first')).toBe('');
  });

  it('normalises phones with a default country', () => {
    expect(phoneToE164('0049 30 1234567')).toBe('+49301234567');
    expect(phoneToE164('333 123 4567', 'it')).toBe('+393331234567');
    expect(() => phoneToE164('12', 'IT')).toThrow(/not a phone/);
  });

  it('trims, changes case, extracts and looks codes up', () => {
    expect(applyTransform('  x ', 'trim')).toBe('x');
    expect(applyTransform('ab', 'upper')).toBe('AB');
    expect(applyTransform('AB', 'lower')).toBe('ab');
    expect(applyTransform('case 2024/117 (A)', { regex: '(\\d{4}/\\d+)' })).toBe('2024/117');
    expect(applyTransform('no match', { regex: '\\d+' })).toBe('');
    expect(applyTransform('eri', { codes: { ERI: 'er' } })).toBe('er');
    expect(applyTransform('zzz', { codes: { '*': 'xx' } })).toBe('xx');
    expect(() => applyTransform('zzz', { codes: { ERI: 'er' } })).toThrow(/code table/);
    expect(applyTransform('', { date: 'DD/MM/YYYY' })).toBe('');
  });
});

describe('numbers', () => {
  it('reads amounts with decimal commas and thousands separators, keeping every digit', () => {
    expect(parseNumber('1.250,00', ',', '.')).toBe('1250');
    expect(parseNumber('490,00', ',', '.')).toBe('490');
    expect(parseNumber('1.234.567,89', ',', '.')).toBe('1234567.89');
    expect(parseNumber('1,250.50', '.', ',')).toBe('1250.5');
    expect(parseNumber('1 250,5', ',', ' ')).toBe('1250.5');
    expect(parseNumber('-0,00', ',')).toBe('0');
    expect(parseNumber('007.10')).toBe('7.1');
    expect(parseNumber('12345678901234567890.01')).toBe('12345678901234567890.01');
    expect(applyTransform('1.250,00', { number: { decimal: ',', thousands: '.' } })).toBe('1250');
  });

  it('refuses what is not a number in the given layout', () => {
    expect(() => parseNumber('1.250,00')).toThrow('"1.250,00" is not a number (decimal ".")');
    expect(() => parseNumber('12,5,0', ',')).toThrow(/is not a number/);
    expect(() => parseNumber('EUR 5', ',', '.')).toThrow(/is not a number/);
    expect(() => parseNumber('', ',')).toThrow(/is not a number/);
  });
});

describe('bare years', () => {
  it('reads a year alone as a partial date, whatever the layout', () => {
    expect(parseDateAs('1994', 'DD-MMM-YYYY')).toBe('1994');
    expect(parseDateAs('1994', 'MM-DD-YYYY')).toBe('1994');
    expect(() => parseDateAs('199', 'MM-DD-YYYY')).toThrow(/does not match/);
  });
});
