import { describe, expect, it } from 'vitest';
import { toMatchRecord, type MatchRecord } from './features.js';
import { decodeRecord, encodeRecord } from './record-codec.js';

describe('record codec dates', () => {
  it('decodes each ISO shape to the date parseDate gave, fields in the same order', () => {
    const r = toMatchRecord(
      { schema: 'Person', properties: { birthDate: ['1985', '1985-03', '1985-03-02', '03/04/1990'] } },
      'x',
    );
    const decoded = decodeRecord(encodeRecord(r));
    expect(decoded.dates).toEqual(r.dates);
    expect(decoded.dates.map((d) => Object.keys(d.date))).toEqual(r.dates.map((d) => Object.keys(d.date)));
  });

  it('reads other forms as splitting at hyphens does', () => {
    const date = (iso: string): MatchRecord['dates'][number] => ({
      text: iso,
      date: { year: 0, precision: 'year', iso, ambiguous: false, orderSwapped: true },
    });
    const r: MatchRecord = {
      ...toMatchRecord({ schema: 'Person', properties: {} }, 'x'),
      dates: [date('12345'), date('1985-3-2'), date('198x')],
    };
    expect(decodeRecord(encodeRecord(r)).dates.map((d) => d.date)).toEqual([
      { year: 12345, precision: 'year', iso: '12345', ambiguous: false, orderSwapped: true },
      {
        year: 1985,
        month: 3,
        day: 2,
        precision: 'year',
        iso: '1985-3-2',
        ambiguous: false,
        orderSwapped: true,
      },
      { year: NaN, precision: 'year', iso: '198x', ambiguous: false, orderSwapped: true },
    ]);
  });
});
