import { describe, expect, it } from 'vitest';
import { mapRow, RowMapper } from './map-row.js';
import { parseMapping } from './mapping.schema.js';

const crossings = parseMapping(`
version: 1
source: { format: csv, delimiter: ';' }
provenance:
  source: { column: Post }
  collected: { column: Date, format: DD/MM/YYYY }
  grading: B2
  tlp: AMBER
entities:
  - key: person
    schema: Person
    id: { columns: [Doc No], prefix: "bp-person-" }
    properties:
      name: { column: Full Name, transform: [trim] }
      firstName: { column: Full Name, transform: [{ name: first }] }
      lastName: { column: Full Name, transform: [{ name: last }] }
      birthDate: { column: DOB, transform: [{ date: DD.MM.YYYY }] }
      nationality: { column: Nat, codes: { ERI: er, SDN: sd } }
      phone: { column: Phone, transform: [{ phone: { defaultCountry: IT } }] }
  - key: passport
    schema: Passport
    optional: true
    id: { columns: [Nat, Doc No], prefix: "bp-pass-" }
    properties:
      holder: { entity: person }
      number: { column: Doc No }
      country: { column: Nat, codes: { ERI: er, SDN: sd } }
`);

const row = {
  'Doc No': 'P 123456',
  'Full Name': ' Tesfaye Haile ',
  DOB: '03.07.1994',
  Nat: 'ERI',
  Phone: '333 123 4567',
  Post: 'Lampedusa',
  Date: '12/05/2024',
};

describe('mapRow', () => {
  it('makes the entities of a row, with stable ids, transformed values and the provenance', () => {
    const r = mapRow(crossings, row, 2);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [person, passport] = r.entities;
    expect(person?.id).toBe('bp-person-P-123456');
    expect(Object.fromEntries(person?.properties ?? [])).toEqual({
      name: ['Tesfaye Haile'],
      firstName: ['Tesfaye'],
      lastName: ['Haile'],
      birthDate: ['1994-07-03'],
      nationality: ['er'],
      phone: ['+393331234567'],
    });
    expect(person?.marking).toMatchObject({ source: 'Lampedusa', collected: '2024-05-12', tlp: 'AMBER' });
    expect(passport?.id).toBe('bp-pass-ERI-P-123456');
    expect(passport?.properties.get('holder')).toEqual(['bp-person-P-123456']);
  });

  it('gives the same ids for the same row, so a re-import updates', () => {
    const a = mapRow(crossings, row, 2);
    const b = mapRow(crossings, { ...row, Phone: '' }, 9);
    expect(a.ok && b.ok && a.entities.map((e) => e.id)).toEqual(b.ok && b.entities.map((e) => e.id));
  });

  it('names the row, column and field of each error', () => {
    const r = mapRow(crossings, { ...row, DOB: '31.02.1994', Nat: 'XXX', Date: '2024-05-12' }, 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        {
          row: 7,
          column: 'DOB',
          field: 'person.birthDate',
          reason: '"31.02.1994" is not a real date (format DD.MM.YYYY)',
        },
        { row: 7, column: 'Nat', field: 'person.nationality', reason: '"XXX" is not in the code table' },
        expect.objectContaining({ row: 7, column: 'Date', field: 'provenance.collected' }),
      ]),
    );
  });

  it('refuses a row without an id, and skips an optional entity without one', () => {
    const r = mapRow(crossings, { ...row, 'Doc No': ' ' }, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ row: 3, column: 'Doc No', field: 'person.id' });
    const m = parseMapping(`
version: 1
entities:
  - { key: p, schema: Person, id: { columns: [A] }, properties: { name: { column: A } } }
  - { key: o, schema: Organization, optional: true, id: { columns: [B] }, properties: { name: { column: B } } }
  - key: l
    schema: Employment
    optional: true
    id: { columns: [B], prefix: emp- }
    properties: { employee: { entity: p }, employer: { entity: o } }
`);
    const only = mapRow(m, { A: 'x', B: '' }, 2);
    expect(only.ok && only.entities.map((e) => e.id)).toEqual(['x']);
  });

  it('reports a value the model refuses through the one FtM check', () => {
    const m = parseMapping(
      '{"version":1,"entities":[{"key":"p","schema":"Person","id":{"columns":["A"]},"properties":{"email":{"column":"E"}}}]}',
    );
    const r = mapRow(m, { A: 'x', E: 'not an e-mail' }, 4);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ row: 4, column: 'E', field: 'p.email' });
  });
});

describe('RowMapper', () => {
  it('checks the provenance once a row, and reports a bad one once, naming its field', () => {
    const m = parseMapping(`
version: 1
provenance: { source: { column: S }, grading: Z9 }
entities:
  - { key: p, schema: Person, id: { columns: [A] }, properties: { name: { column: A } } }
  - { key: q, schema: Passport, id: { columns: [A], prefix: pp- }, properties: { holder: { entity: p } } }
`);
    const r = new RowMapper(m).map({ A: 'x', S: 'register' }, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ row: 5, field: 'provenance.grading' })]);
  });

  it('gives every row its own source and collected date, and the same marking to rows that share them', () => {
    const mapper = new RowMapper(crossings);
    const entitiesOf = (over: Record<string, string>, n: number) => {
      const r = mapper.map({ ...row, ...over }, n);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.entities;
    };
    const [a] = entitiesOf({}, 2);
    const [b] = entitiesOf({ Post: 'Pozzallo' }, 3);
    const [c] = entitiesOf({ Date: '13/05/2024', 'Doc No': 'P 9' }, 4);
    const [d] = entitiesOf({ 'Doc No': 'P 10' }, 5);
    expect(a?.marking).toMatchObject({ source: 'Lampedusa', collected: '2024-05-12' });
    expect(b?.marking).toMatchObject({ source: 'Pozzallo', collected: '2024-05-12' });
    expect(c?.marking).toMatchObject({ source: 'Lampedusa', collected: '2024-05-13' });
    expect(d?.marking).toEqual(a?.marking);
  });
});

describe('conditional entities', () => {
  it('makes an entity only from the rows its condition names', () => {
    const m = parseMapping(`
version: 1
entities:
  - { key: p, schema: Passport, when: { column: T, equals: P }, id: { columns: [Id] }, properties: { number: { column: N } } }
  - { key: i, schema: Identification, when: { column: T, equals: [ID, CI] }, id: { columns: [Id] }, properties: { number: { column: N } } }
`);
    const schemas = (t: string): string[] => {
      const r = mapRow(m, { Id: 'd1', T: t, N: '123' }, 2);
      return r.ok ? r.entities.map((e) => e.schema.name) : [];
    };
    expect(schemas('P')).toEqual(['Passport']);
    expect(schemas('CI')).toEqual(['Identification']);
    expect(schemas('X')).toEqual([]);
  });
});

describe('parseMapping', () => {
  it('names the field of a schema error', () => {
    expect(() => parseMapping('version: 2\nentities: []', 'm.yaml')).toThrow(/m.yaml: version/);
    expect(() =>
      parseMapping(
        'version: 1\nentities: [{key: a, schema: Person, id: {columns: [A]}, properties: {x: {entity: b}}}]',
      ),
    ).toThrow(/refers to "b"/);
    expect(() =>
      parseMapping('version: 1\nentities: [{key: a, schema: Person, id: {columns: [A]}, bogus: 1}]'),
    ).toThrow(/entities\.0/);
  });
});
