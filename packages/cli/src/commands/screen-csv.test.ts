import { describe, expect, it } from 'vitest';
import { csvRow, parseCsv, queriesFromCsv } from './screen-csv.js';

describe('screening CSV', () => {
  it('reads quoted cells with commas, quotes and line breaks, and writes them back', () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n');
    expect(rows).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
    expect(csvRow(['x, y', 'say "hi"', 3])).toBe('"x, y","say ""hi""",3');
    expect(() => parseCsv('a\n"open')).toThrow(/not closed/);
  });

  it('turns rows into Person queries, by key or row number, several values per cell', () => {
    const q = queriesFromCsv(
      'key,Name,Birth date,document,phone\nk1,Mohammed Ali,1985-03-02,,\n,Ana; Anna,,ER1,+39 333\n',
    );
    expect(q).toEqual([
      ['k1', { schema: 'Person', properties: { name: ['Mohammed Ali'], birthDate: ['1985-03-02'] } }],
      [
        '2',
        {
          schema: 'Person',
          properties: { name: ['Ana', 'Anna'], passportNumber: ['ER1'], phone: ['+39 333'] },
        },
      ],
    ]);
  });

  it('refuses unknown columns and repeated keys, naming them', () => {
    expect(() => queriesFromCsv('name,colour\nA,red\n', 'q.csv')).toThrow(/unknown column "colour"/);
    expect(() => queriesFromCsv('key,name\nk,A\nk,B\n')).toThrow(/"k" is used twice/);
    expect(() => queriesFromCsv('')).toThrow(/empty/);
  });
});
