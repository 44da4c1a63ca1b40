import { describe, expect, it } from 'vitest';
import { mapRow } from './map-row.js';
import { mappingSchema } from './mapping.schema.js';
import { guessDateFormat, suggestMapping } from './suggest.js';

describe('suggestMapping', () => {
  it('guesses properties from names and values, and the draft maps the sample', () => {
    const header = ['Ref', 'Surname', 'Given names', 'DoB', 'Mail', 'Tel', 'Account', 'Doc number', 'Notes'];
    const sample = [
      {
        Ref: 'r1',
        Surname: 'HAILE',
        'Given names': 'TESFAYE',
        DoB: '03/07/1994',
        Mail: 'th@example.org',
        Tel: '+39 333 123 4567',
        Account: 'DE89 3704 0044 0532 0130 00',
        'Doc number': 'P1234567',
        Notes: 'seen twice',
      },
    ];
    const { mapping, unmapped } = suggestMapping(header, sample, { format: 'csv' });
    expect(mappingSchema.parse(mapping)).toEqual(mapping);
    expect(mapping.entities[0]).toMatchObject({
      schema: 'Person',
      id: { columns: ['Ref'] },
      properties: {
        lastName: { column: 'Surname' },
        firstName: { column: 'Given names' },
        birthDate: { column: 'DoB', transform: [{ date: 'DD/MM/YYYY' }] },
        email: { column: 'Mail' },
        phone: { column: 'Tel' },
      },
    });
    expect(mapping.entities.map((e) => e.schema)).toEqual(['Person', 'BankAccount', 'Passport']);
    expect(unmapped).toEqual(['Notes']);
    const r = mapRow(mapping, sample[0] ?? {}, 2);
    expect(r.ok).toBe(true);
  });

  it('guesses date formats', () => {
    expect(guessDateFormat(['2024-01-02'])).toBe('ISO');
    expect(guessDateFormat(['13.01.2024', '1.2.2024'])).toBe('DD.MM.YYYY');
    expect(guessDateFormat(['01-13-2024'])).toBe('MM-DD-YYYY');
    expect(guessDateFormat(['02-Jan-2024'])).toBe('DD-MMM-YYYY');
    expect(guessDateFormat(['x'])).toBeUndefined();
    expect(guessDateFormat(['03/07/1994', '01/02/1990', '02/02/1990', '03/02/1990', '31/02/1990'])).toBe(
      'DD/MM/YYYY',
    );
  });
});
