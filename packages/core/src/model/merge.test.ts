import { describe, expect, it } from 'vitest';
import { buildStatement } from '../testing/factories.js';
import { captionOf, mergeStatements } from './merge.js';
import { ftmModel } from './model.js';

describe('mergeStatements', () => {
  it('needs at least one statement', () => {
    expect(() => mergeStatements([])).toThrow('mergeStatements needs at least one statement');
  });

  it('merges one dataset’s statements into an entity with its caption', () => {
    const merged = mergeStatements([
      buildStatement({ prop: 'name', value: 'Alice Smith', seq: 0 }),
      buildStatement({ prop: 'nationality', propType: 'country', value: 'de', seq: 1 }),
      buildStatement({ prop: 'name', value: 'A. Smith', seq: 2 }),
    ]);
    expect(merged).toEqual({
      id: 'p1',
      schema: 'Person',
      caption: 'Alice Smith',
      datasets: ['ds'],
      properties: { name: ['Alice Smith', 'A. Smith'], nationality: ['de'] },
    });
  });

  it('unions values across datasets in the order given, once each, and lists datasets in first-seen order', () => {
    const merged = mergeStatements([
      buildStatement({ dataset: 'ds-b', value: 'Alice' }),
      buildStatement({ dataset: 'ds-a', value: 'Alicia' }),
      buildStatement({ dataset: 'ds-a', value: 'Alice' }),
      buildStatement({ dataset: 'ds-b', prop: 'birthDate', propType: 'date', value: '1980' }),
      buildStatement({ dataset: 'ds-c', value: 'Ali' }),
    ]);
    expect(merged.datasets).toEqual(['ds-b', 'ds-a', 'ds-c']);
    expect(merged.properties).toEqual({ name: ['Alice', 'Alicia', 'Ali'], birthDate: ['1980'] });
    expect(merged.caption).toBe('Alice');
  });

  it('takes the id of the first statement', () => {
    expect(mergeStatements([buildStatement({ entityId: 'p1.abc' })]).id).toBe('p1.abc');
  });

  it('takes the more specific schema when datasets disagree, in either order', () => {
    const legal = buildStatement({ dataset: 'ds-a', schema: 'LegalEntity', value: 'Acme' });
    const person = buildStatement({ dataset: 'ds-b', schema: 'Person', prop: 'birthDate', value: '1980' });
    expect(mergeStatements([legal, person]).schema).toBe('Person');
    expect(mergeStatements([person, legal]).schema).toBe('Person');
    const org = buildStatement({ schema: 'Organization', value: 'Acme' });
    const company = buildStatement({ schema: 'Company', value: 'Acme Ltd' });
    expect(mergeStatements([legal, org, company]).schema).toBe('Company');
  });

  it('keeps the schema it has when a later dataset names an incompatible one', () => {
    const merged = mergeStatements([
      buildStatement({ schema: 'Person', value: 'Alice' }),
      buildStatement({ dataset: 'ds-b', schema: 'Vessel', value: 'Sea Star' }),
    ]);
    expect(merged.schema).toBe('Person');
    expect(merged.properties.name).toEqual(['Alice', 'Sea Star']);
  });

  it('captions with the merged, most specific schema', () => {
    // LegalEntity's caption has no lastName; Person's does.
    const merged = mergeStatements([
      buildStatement({ schema: 'LegalEntity', prop: 'email', propType: 'email', value: 'a@example.org' }),
      buildStatement({ schema: 'Person', prop: 'lastName', propType: 'string', value: 'Smith' }),
    ]);
    expect(merged.caption).toBe('Smith');
  });
});

describe('captionOf', () => {
  const person = ftmModel.getSchema('Person');

  it('uses the first caption property with a value, in the schema’s order', () => {
    expect(person.caption.slice(0, 2)).toEqual(['name', 'lastName']);
    expect(captionOf(person, { lastName: ['Smith'], name: ['Alice Smith'] })).toBe('Alice Smith');
    expect(captionOf(person, { lastName: ['Smith'], email: ['a@example.org'] })).toBe('Smith');
  });

  it('uses the first value of that property', () => {
    expect(captionOf(person, { name: ['Alice', 'Alicia'] })).toBe('Alice');
  });

  it('skips caption properties whose first value is empty', () => {
    expect(captionOf(person, { name: [''], lastName: ['Smith'] })).toBe('Smith');
    expect(captionOf(person, { name: [], lastName: ['Smith'] })).toBe('Smith');
  });

  it('ignores properties that are not caption properties', () => {
    expect(captionOf(person, { nationality: ['de'] })).toBe('Person');
  });

  it.each([
    ['Payment', { amount: ['100'] }, '100'],
    ['Vessel', { imoNumber: ['IMO 1234567'] }, 'IMO 1234567'],
    ['BankAccount', { iban: ['DE89370400440532013000'] }, 'DE89370400440532013000'],
    ['Passport', { passportNumber: ['X123'] }, 'X123'],
  ])('captions a %s by its caption properties', (name, properties, expected) => {
    expect(captionOf(ftmModel.getSchema(name), properties)).toBe(expected);
  });

  it.each([
    ['Person', 'Person'],
    ['Associate', 'Associate'],
    ['BankAccount', 'Bank account'],
  ])('falls back to the label of a %s without caption values', (name, label) => {
    expect(captionOf(ftmModel.getSchema(name), {})).toBe(label);
  });
});
