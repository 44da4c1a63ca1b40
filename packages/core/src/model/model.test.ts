import { describe, expect, it } from 'vitest';
import { clewErrorFrom } from '../testing/errors.js';
import { commonSchema, concreteSchemata, ftmModel, getProperty, getSchema, propertiesOf } from './model.js';

const schema = (name: string) => ftmModel.getSchema(name);

describe('getSchema', () => {
  it.each(['Person', 'Passport', 'Vessel', 'BankAccount', 'Associate', 'Payment', 'LegalEntity'])(
    'returns the concrete schema %s',
    (name) => {
      expect(getSchema(name).name).toBe(name);
    },
  );

  it('rejects an unknown schema, naming the entity', () => {
    const e = clewErrorFrom(() => getSchema('Persn', 'p1'));
    expect(e.code).toBe('Invalid');
    expect(e.message).toBe('unknown schema "Persn"');
    expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
  });

  it('is case-sensitive, as FollowTheMoney is', () => {
    expect(clewErrorFrom(() => getSchema('person', 'p1')).message).toBe('unknown schema "person"');
  });

  it.each([[42], [null], [undefined], [['Person']], [{ name: 'Person' }]])(
    'rejects the non-string schema %j',
    (name) => {
      const e = clewErrorFrom(() => getSchema(name, 'p1'));
      expect(e.code).toBe('Invalid');
      expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
    },
  );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'rejects %s, a name the model object inherits rather than a schema',
    (name) => {
      const e = clewErrorFrom(() => getSchema(name, 'p1'));
      expect(e.code).toBe('Invalid');
      expect(e.message).toBe(`unknown schema "${name}"`);
      expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
    },
  );

  it.each(['Thing', 'Interval', 'Value', 'Interest', 'Analyzable'])(
    'rejects the abstract schema %s, naming the entity',
    (name) => {
      const e = clewErrorFrom(() => getSchema(name, 'p1'));
      expect(e.code).toBe('Invalid');
      expect(e.message).toBe(`schema ${name} is abstract; use one of its concrete kinds`);
      expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
    },
  );

  it('leaves the entity out of the location when it is not known', () => {
    expect(clewErrorFrom(() => getSchema('Nope')).where).toEqual({ entity: undefined, field: 'schema' });
  });
});

describe('getProperty', () => {
  it('returns a property of the schema, including one inherited from a parent', () => {
    expect(getProperty(schema('Person'), 'birthDate').name).toBe('birthDate');
    expect(getProperty(schema('Person'), 'name').qname).toBe('Thing:name');
  });

  it('rejects a property the schema does not have, naming the entity and the property', () => {
    const e = clewErrorFrom(() => getProperty(schema('Person'), 'imoNumber', 'p1'));
    expect(e.code).toBe('Invalid');
    expect(e.message).toBe('schema Person has no property "imoNumber"');
    expect(e.where).toEqual({ entity: 'p1', property: 'imoNumber' });
  });

  it.each(['nmae', '', 'Name', 'constructor', '__proto__'])('rejects %j', (name) => {
    expect(clewErrorFrom(() => getProperty(schema('Person'), name, 'p1')).where).toEqual({
      entity: 'p1',
      property: name,
    });
  });
});

describe('propertiesOf', () => {
  it("lists a schema's own and inherited properties by name, as the library does", () => {
    const map = propertiesOf(schema('Person'));
    expect([...map.keys()].sort()).toEqual([...schema('Person').getProperties().keys()].sort());
    expect(map.get('name')?.qname).toBe('Thing:name');
    expect(map.get('birthDate')?.qname).toBe('Person:birthDate');
    expect(map.has('imoNumber')).toBe(false);
  });

  it('builds each map once', () => {
    expect(propertiesOf(schema('Vessel'))).toBe(propertiesOf(schema('Vessel')));
    expect(propertiesOf(schema('Vessel'))).not.toBe(propertiesOf(schema('Person')));
  });
});

describe('commonSchema', () => {
  it.each([
    ['Person', 'LegalEntity', 'Person'],
    ['LegalEntity', 'Person', 'Person'],
    ['Person', 'Person', 'Person'],
    ['Company', 'Organization', 'Company'],
    ['Organization', 'Company', 'Company'],
    ['Company', 'LegalEntity', 'Company'],
    ['Thing', 'Vessel', 'Vessel'],
    ['Payment', 'Interval', 'Payment'],
  ])('%s and %s describe a %s', (a, b, expected) => {
    expect(commonSchema(schema(a), schema(b))?.name).toBe(expected);
  });

  it.each([
    ['Person', 'Vessel'],
    ['Person', 'Company'],
    ['Company', 'Person'],
    ['Passport', 'Payment'],
    ['Associate', 'Family'],
  ])('%s and %s are incompatible', (a, b) => {
    expect(commonSchema(schema(a), schema(b))).toBeNull();
  });
});

describe('concreteSchemata', () => {
  it('lists every non-abstract schema once, sorted, and no abstract one', () => {
    const names = concreteSchemata();
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['Person', 'Passport', 'Vessel', 'BankAccount', 'Associate', 'Payment']) {
      expect(names).toContain(name);
    }
    for (const name of ['Thing', 'Interval', 'Value']) expect(names).not.toContain(name);
    for (const name of names) expect(getSchema(name).abstract).toBe(false);
  });
});
