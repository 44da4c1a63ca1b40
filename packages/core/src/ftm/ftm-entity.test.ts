import { describe, expect, it } from 'vitest';
import { signEntityId } from '../model/entity-ids.js';
import { statementId } from '../model/statement.js';
import { buildMarking, buildTarget } from '../testing/factories.js';
import { clewErrorFrom } from '../testing/errors.js';
import { nodeHashing } from '../testing/hashing.js';
import { entityToDrafts, entityToStatements, parseFtmLine, parseFtmObject } from './ftm-entity.js';

const person = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'p1',
  schema: 'Person',
  properties: { name: ['Alice Smith'] },
  ...extra,
});

const errorOf = (raw: unknown) => clewErrorFrom(() => parseFtmObject(raw));

describe('parseFtmLine', () => {
  it('parses one line of FollowTheMoney JSON', () => {
    const entity = parseFtmLine('{"id":"p1","schema":"Person","properties":{"name":["Alice"]}}');
    expect(entity.id).toBe('p1');
    expect(entity.schema.name).toBe('Person');
    expect(entity.properties).toEqual(new Map([['name', ['Alice']]]));
  });

  it.each(['{"id":"p1",', '', 'not json', "{'id':'p1'}"])('rejects the malformed JSON %j', (line) => {
    const e = clewErrorFrom(() => parseFtmLine(line));
    expect(e.code).toBe('Invalid');
    expect(e.message).toMatch(/^malformed JSON: /);
  });

  it('reports model errors of a line with its entity', () => {
    const e = clewErrorFrom(() => parseFtmLine('{"id":"p1","schema":"Persn"}'));
    expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
  });
});

describe('parseFtmObject: the entity', () => {
  it('reads id, schema and properties, with no markings', () => {
    expect(parseFtmObject(person())).toEqual({
      id: 'p1',
      schema: expect.objectContaining({ name: 'Person' }) as unknown,
      properties: new Map([['name', ['Alice Smith']]]),
      marking: undefined,
      propMarkings: new Map(),
      valueMarkings: new Map(),
    });
  });

  it.each([[null], [[]], ['p1'], [42]])('rejects %j: an entity is an object', (raw) => {
    expect(errorOf(raw).message).toBe('an entity must be a JSON object');
  });

  it.each([[{}], [{ id: '' }], [{ id: '   ' }], [{ id: 42 }], [{ id: null }]])(
    'rejects %j: the id is a non-empty string',
    (raw) => {
      const e = errorOf({ schema: 'Person', ...raw });
      expect(e.message).toBe('entity has no "id" (a non-empty string)');
      expect(e.where).toEqual({ field: 'id' });
    },
  );

  it('accepts an id of 256 characters and rejects a longer one, naming its start', () => {
    expect(parseFtmObject(person({ id: 'x'.repeat(256) })).id).toHaveLength(256);
    const e = errorOf(person({ id: 'y'.repeat(257) }));
    expect(e.message).toBe('entity id is over 256 characters');
    expect(e.where).toEqual({ entity: 'y'.repeat(40), field: 'id' });
  });

  it.each([' p1', 'p1 ', 'p 1', 'p\t1'])(
    'rejects the id %j: an id with white space could never be referred to',
    (id) => {
      const e = errorOf(person({ id }));
      expect(e.code).toBe('Invalid');
      expect(e.where).toEqual({ entity: id, field: 'id' });
    },
  );

  it('keeps an id that contains dots, and one already signed by another dataset', () => {
    expect(parseFtmObject(person({ id: 'case-7.p.1' })).id).toBe('case-7.p.1');
    const signed = `p1.${'a'.repeat(40)}`;
    expect(parseFtmObject(person({ id: signed })).id).toBe(signed);
  });

  it('rejects an unknown schema, naming the entity', () => {
    const e = errorOf(person({ schema: 'Persn' }));
    expect(e.message).toBe('unknown schema "Persn"');
    expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
  });

  it('rejects a missing schema, naming the entity', () => {
    expect(errorOf({ id: 'p1' }).where).toEqual({ entity: 'p1', field: 'schema' });
  });

  it('rejects an abstract schema, naming the entity', () => {
    const e = errorOf(person({ schema: 'Thing' }));
    expect(e.message).toContain('abstract');
    expect(e.where).toEqual({ entity: 'p1', field: 'schema' });
  });

  it('reads missing or null properties as none', () => {
    expect(parseFtmObject({ id: 'p1', schema: 'Person' }).properties.size).toBe(0);
    expect(parseFtmObject({ id: 'p1', schema: 'Person', properties: null }).properties.size).toBe(0);
  });

  it.each([[['Alice']], ['Alice'], [42]])('rejects properties given as %j', (properties) => {
    const e = errorOf(person({ properties }));
    expect(e.message).toBe('"properties" must be an object');
    expect(e.where).toEqual({ entity: 'p1', field: 'properties' });
  });

  it('ignores top-level fields FollowTheMoney tools add (caption, datasets, referents)', () => {
    const entity = parseFtmObject(
      person({ caption: 'Alice', datasets: ['x'], referents: [], first_seen: '2024' }),
    );
    expect(entity.properties).toEqual(new Map([['name', ['Alice Smith']]]));
  });
});

describe('parseFtmObject: property values', () => {
  it('rejects an unknown property, naming the entity and the property', () => {
    const e = errorOf(person({ properties: { name: ['Alice'], imoNumber: ['IMO 1'] } }));
    expect(e.code).toBe('Invalid');
    expect(e.message).toBe('schema Person has no property "imoNumber"');
    expect(e.where).toEqual({ entity: 'p1', property: 'imoNumber' });
  });

  it.each([
    [42, 'number'],
    [true, 'boolean'],
    [null, 'null'],
    [['Alice', 7], 'number'],
    [[['Alice']], 'object'],
  ])('rejects the value %j, naming the entity and the property', (value, kind) => {
    const e = errorOf(person({ properties: { name: value } }));
    expect(e.message).toBe(`expected a string value, got ${kind}`);
    expect(e.where).toEqual({ entity: 'p1', property: 'name' });
  });

  it('rejects a value its type does not allow, naming the entity and the property', () => {
    const e = errorOf(person({ properties: { birthDate: ['1981-02-29'] } }));
    expect(e.message).toBe('"1981-02-29" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)');
    expect(e.where).toEqual({ entity: 'p1', property: 'birthDate' });
  });

  it('rejects nested entities, naming the entity and the property', () => {
    const e = errorOf({
      id: 'pp1',
      schema: 'Passport',
      properties: {
        holder: [{ id: 'p1', schema: 'Person', properties: { name: ['Alice'] } }],
      },
    });
    expect(e.message).toMatch(/^nested entities are not supported/);
    expect(e.where).toEqual({ entity: 'pp1', property: 'holder' });
  });

  it('rejects a reverse (stub) property: the link is stated on the other entity', () => {
    const e = errorOf(person({ properties: { ownershipOwner: ['own1'] } }));
    expect(e.code).toBe('Invalid');
    expect(e.message).toContain('ownershipOwner');
    expect(e.where).toEqual({ entity: 'p1', property: 'ownershipOwner' });
  });

  it('reads a single string as a one-value list', () => {
    expect(parseFtmObject(person({ properties: { name: 'Alice' } })).properties.get('name')).toEqual([
      'Alice',
    ]);
  });

  it('cleans values: trims, lower-cases codes, drops empty values and duplicates, keeps the order', () => {
    const entity = parseFtmObject(
      person({
        properties: {
          name: [' Zoe ', 'Alice', '', 'Zoe', 'alice'],
          nationality: ['DE', 'de', ' fr'],
          alias: ['', '  '],
        },
      }),
    );
    expect(entity.properties).toEqual(
      new Map([
        ['name', ['Zoe', 'Alice', 'alice']],
        ['nationality', ['de', 'fr']],
      ]),
    );
  });

  it('keeps the order in which the file gives the properties', () => {
    const entity = parseFtmObject(
      person({ properties: { nationality: ['de'], name: ['Alice'], birthDate: ['1980'] } }),
    );
    expect([...entity.properties.keys()]).toEqual(['nationality', 'name', 'birthDate']);
  });
});

describe('parseFtmObject: the clew marking extension', () => {
  it('reads markings at entity, property and value level', () => {
    const entity = parseFtmObject(
      person({
        properties: { name: ['Alice', 'Alicia'], nationality: ['de'] },
        clew: {
          marking: { source: 'case 7', grading: 'B2' },
          properties: { nationality: { tlp: 'red' } },
          values: { name: { Alicia: { handling: 'H2' } } },
        },
      }),
    );
    expect(entity.marking).toEqual({ source: 'case 7', sourceReliability: 'B', infoAssessment: '2' });
    expect(entity.propMarkings).toEqual(new Map([['nationality', { tlp: 'RED' }]]));
    expect(entity.valueMarkings).toEqual(new Map([['name', new Map([['Alicia', { handling: 'H2' }]])]]));
  });

  it('allows an empty clew object', () => {
    expect(parseFtmObject(person({ clew: {} })).marking).toBeUndefined();
  });

  it.each([[null], ['RED'], [[]]])('rejects clew given as %j', (clew) => {
    const e = errorOf(person({ clew }));
    expect(e.message).toBe('"clew" must be an object');
    expect(e.where).toEqual({ entity: 'p1', field: 'clew' });
  });

  it.each(['markings', 'value', 'tlp'])(
    'rejects the unknown clew field %s: a misspelt marking must not be dropped silently',
    (field) => {
      const e = errorOf(person({ clew: { [field]: { tlp: 'RED' } } }));
      expect(e.code).toBe('Invalid');
      expect(e.message).toContain(`"${field}"`);
      expect(e.where).toEqual({ entity: 'p1', field: 'clew' });
    },
  );

  it('rejects a bad entity marking, naming the entity and the field', () => {
    const e = errorOf(person({ clew: { marking: { tlp: 'PURPLE' } } }));
    expect(e.where).toEqual({ entity: 'p1', property: undefined, field: 'tlp' });
  });

  it('rejects a bad property marking, naming the entity, the property and the field', () => {
    const e = errorOf(person({ clew: { properties: { name: { grading: 'Z9' } } } }));
    expect(e.where).toEqual({ entity: 'p1', property: 'name', field: 'grading' });
  });

  it('rejects a bad value marking, naming the entity, the property and the field', () => {
    const e = errorOf(person({ clew: { values: { name: { 'Alice Smith': { colour: 'red' } } } } }));
    expect(e.message).toBe('unknown marking field "colour"');
    expect(e.where).toEqual({ entity: 'p1', property: 'name', field: 'colour' });
  });

  it('rejects a marking for a property the schema does not have', () => {
    expect(errorOf(person({ clew: { properties: { imoNumber: { tlp: 'RED' } } } })).where).toEqual({
      entity: 'p1',
      property: 'imoNumber',
    });
    expect(errorOf(person({ clew: { values: { imoNumber: { x: { tlp: 'RED' } } } } })).where).toEqual({
      entity: 'p1',
      property: 'imoNumber',
    });
  });

  it.each([
    ['properties', ['name']],
    ['values', 'name'],
  ])('rejects clew.%s given as %j', (field, value) => {
    const e = errorOf(person({ clew: { [field]: value } }));
    expect(e.message).toBe(`"clew.${field}" must be an object`);
    expect(e.where).toEqual({ entity: 'p1' });
  });

  it('rejects a clew.values entry that is not a map of values to markings', () => {
    const e = errorOf(person({ clew: { values: { name: [{ tlp: 'RED' }] } } }));
    expect(e.message).toBe('"clew.values" entries map values to markings');
    expect(e.where).toEqual({ entity: 'p1', property: 'name' });
  });

  it('finds the value a marking is for as the value is cleaned: trimmed, and codes lower-cased', () => {
    const entity = parseFtmObject(
      person({
        properties: { name: [' Alice '], nationality: ['DE'] },
        clew: { values: { name: { ' Alice ': { tlp: 'RED' } }, nationality: { DE: { tlp: 'RED' } } } },
      }),
    );
    expect(entity.valueMarkings).toEqual(
      new Map([
        ['name', new Map([['Alice', { tlp: 'RED' }]])],
        ['nationality', new Map([['de', { tlp: 'RED' }]])],
      ]),
    );
    const [name, nationality] = entityToStatements(nodeHashing, entity, buildTarget());
    expect(name?.tlp).toBe('RED');
    expect(nationality?.tlp).toBe('RED');
  });

  it('rejects a marking for a value the entity does not have: it would be dropped silently', () => {
    const e = errorOf(person({ clew: { values: { name: { Alicia: { tlp: 'RED' } } } } }));
    expect(e.code).toBe('Invalid');
    expect(e.message).toContain('"Alicia"');
    expect(e.where).toEqual({ entity: 'p1', property: 'name' });
  });

  it('rejects a marking for a value its type does not allow', () => {
    const e = errorOf(
      person({
        properties: { nationality: ['de'] },
        clew: { values: { nationality: { Germany: { tlp: 'RED' } } } },
      }),
    );
    expect(e.where).toEqual({ entity: 'p1', property: 'nationality' });
  });

  it('rejects two markings for one value once cleaned', () => {
    const e = errorOf(
      person({
        properties: { nationality: ['de'] },
        clew: { values: { nationality: { DE: { tlp: 'RED' }, de: { tlp: 'GREEN' } } } },
      }),
    );
    expect(e.where).toEqual({ entity: 'p1', property: 'nationality' });
  });

  it('accepts H3 without conditions while parsing: the dataset defaults may supply them', () => {
    const entity = parseFtmObject(person({ clew: { marking: { handling: 'H3' } } }));
    expect(entity.marking).toEqual({ handling: 'H3' });
    const defaults = buildMarking({ handling: 'H3', handlingConditions: 'only for case 7' });
    const [statement] = entityToStatements(nodeHashing, entity, buildTarget({ defaults }));
    expect(statement?.handlingConditions).toBe('only for case 7');
  });
});

describe('entityToStatements', () => {
  const hashing = nodeHashing;
  const target = buildTarget({ dataset: 'ds-a', agency: 'agency-a' });
  const sign = (id: string): string => signEntityId(hashing, target.namespaceKey, id);

  it('writes one statement per value, signed, in order, with the dataset defaults', () => {
    const entity = parseFtmObject(person({ properties: { name: ['Alice', 'Alicia'], nationality: ['de'] } }));
    const statements = entityToStatements(hashing, entity, target);
    const entityId = sign('p1');
    expect(statements).toEqual([
      {
        ...target.defaults,
        id: statementId(hashing, 'ds-a', entityId, 'name', 'Alice'),
        entityId,
        dataset: 'ds-a',
        agency: 'agency-a',
        schema: 'Person',
        prop: 'name',
        propType: 'name',
        value: 'Alice',
        seq: 0,
      },
      {
        ...target.defaults,
        id: statementId(hashing, 'ds-a', entityId, 'name', 'Alicia'),
        entityId,
        dataset: 'ds-a',
        agency: 'agency-a',
        schema: 'Person',
        prop: 'name',
        propType: 'name',
        value: 'Alicia',
        seq: 1,
      },
      {
        ...target.defaults,
        id: statementId(hashing, 'ds-a', entityId, 'nationality', 'de'),
        entityId,
        dataset: 'ds-a',
        agency: 'agency-a',
        schema: 'Person',
        prop: 'nationality',
        propType: 'country',
        value: 'de',
        seq: 2,
      },
    ]);
  });

  it('writes nothing for an entity without values', () => {
    expect(entityToStatements(hashing, parseFtmObject({ id: 'p1', schema: 'Person' }), target)).toEqual([]);
  });

  it('signs entity references with the dataset key, and keeps references already signed', () => {
    const foreign = signEntityId(hashing, 'hub-1/ds-b', 'acct-9');
    const entity = parseFtmObject({
      id: 'pay1',
      schema: 'Payment',
      properties: { payer: ['p1'], beneficiary: [foreign], amount: ['100'] },
    });
    const values = entityToStatements(hashing, entity, target).map((s) => [s.prop, s.value]);
    expect(values).toEqual([
      ['payer', sign('p1')],
      ['beneficiary', foreign],
      ['amount', '100'],
    ]);
  });

  it('gives two datasets’ p1 different ids and statements', () => {
    const entity = parseFtmObject(person());
    const [a] = entityToStatements(hashing, entity, buildTarget({ dataset: 'ds-a' }));
    const [b] = entityToStatements(hashing, entity, buildTarget({ dataset: 'ds-b' }));
    expect(a?.entityId).not.toBe(b?.entityId);
    expect(a?.id).not.toBe(b?.id);
  });

  it('gives the same statement ids when the same file is imported again', () => {
    const line = JSON.stringify(person({ properties: { name: ['Alice'], birthDate: ['1980'] } }));
    const first = entityToStatements(hashing, parseFtmLine(line), target).map((s) => s.id);
    const second = entityToStatements(hashing, parseFtmLine(line), target).map((s) => s.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('resolves each marking from dataset to entity to property to value', () => {
    const defaults = buildMarking({ source: 'dataset', tlp: 'GREEN' });
    const entity = parseFtmObject(
      person({
        properties: { name: ['Alice', 'Alicia'], nationality: ['de'], birthDate: ['1980'] },
        clew: {
          marking: { source: 'entity', grading: 'B2' },
          properties: { name: { tlp: 'RED' }, nationality: { handling: 'H3', conditions: 'only case 7' } },
          values: { name: { Alicia: { grading: 'A1', collected: '2024-03-01' } } },
        },
      }),
    );
    const markings = entityToStatements(hashing, entity, buildTarget({ defaults })).map((s) => ({
      value: s.value,
      source: s.source,
      grading: `${s.sourceReliability}${s.infoAssessment}`,
      tlp: s.tlp,
      handling: s.handling,
      conditions: s.handlingConditions,
      collected: s.collected,
    }));
    expect(markings).toEqual([
      {
        value: 'Alice',
        source: 'entity',
        grading: 'B2',
        tlp: 'RED',
        handling: 'H0',
        conditions: null,
        collected: null,
      },
      {
        value: 'Alicia',
        source: 'entity',
        grading: 'A1',
        tlp: 'RED',
        handling: 'H0',
        conditions: null,
        collected: '2024-03-01',
      },
      {
        value: 'de',
        source: 'entity',
        grading: 'B2',
        tlp: 'GREEN',
        handling: 'H3',
        conditions: 'only case 7',
        collected: null,
      },
      {
        value: '1980',
        source: 'entity',
        grading: 'B2',
        tlp: 'GREEN',
        handling: 'H0',
        conditions: null,
        collected: null,
      },
    ]);
  });

  it('finds value markings of entity references by the id the file used', () => {
    const entity = parseFtmObject({
      id: 'pp1',
      schema: 'Passport',
      properties: { holder: ['p1'] },
      clew: { values: { holder: { p1: { tlp: 'RED' } } } },
    });
    const [holder] = entityToStatements(hashing, entity, target);
    expect(holder?.value).toBe(sign('p1'));
    expect(holder?.tlp).toBe('RED');
  });

  it('rejects H3 without conditions at entity level, naming the entity', () => {
    const entity = parseFtmObject(person({ clew: { marking: { handling: 'H3' } } }));
    const e = clewErrorFrom(() => entityToStatements(hashing, entity, target));
    expect(e.code).toBe('Invalid');
    expect(e.message).toBe('handling code H3 needs its conditions as text');
    expect(e.where).toEqual({ entity: 'p1', field: 'handlingConditions' });
  });

  it('rejects H3 without conditions at property level, naming the entity and the property', () => {
    const entity = parseFtmObject(person({ clew: { properties: { name: { handling: 'H3' } } } }));
    const e = clewErrorFrom(() => entityToStatements(hashing, entity, target));
    expect(e.where).toEqual({ entity: 'p1', property: 'name', field: 'handlingConditions' });
  });

  it('rejects H3 without conditions at value level, naming the entity and the property', () => {
    const entity = parseFtmObject(
      person({ clew: { values: { name: { 'Alice Smith': { handling: 'H3', conditions: ' ' } } } } }),
    );
    const e = clewErrorFrom(() => entityToStatements(hashing, entity, target));
    expect(e.where).toEqual({ entity: 'p1', property: 'name', field: 'handlingConditions' });
  });

  it('rejects conditions without H3, naming the entity and the property', () => {
    const entity = parseFtmObject(person({ clew: { properties: { name: { conditions: 'only X' } } } }));
    const e = clewErrorFrom(() => entityToStatements(hashing, entity, target));
    expect(e.message).toBe('handling conditions are only allowed with H3, not H0');
    expect(e.where).toEqual({ entity: 'p1', property: 'name', field: 'handlingConditions' });
  });

  it('lets a property move away from an entity’s H3, dropping its conditions', () => {
    const entity = parseFtmObject(
      person({
        properties: { name: ['Alice'], birthDate: ['1980'] },
        clew: {
          marking: { handling: 'H3', conditions: 'only X' },
          properties: { birthDate: { handling: 'H1' } },
        },
      }),
    );
    const [name, birthDate] = entityToStatements(hashing, entity, target);
    expect([name?.handling, name?.handlingConditions]).toEqual(['H3', 'only X']);
    expect([birthDate?.handling, birthDate?.handlingConditions]).toEqual(['H1', null]);
  });
});

describe('entityToDrafts', () => {
  it('gives the statements without their ids', () => {
    const entity = parseFtmObject({
      id: 'pay1',
      schema: 'Payment',
      properties: { payer: ['p1'], amount: ['100', '200'] },
      clew: { marking: { tlp: 'RED' }, values: { amount: { '200': { grading: 'A1' } } } },
    });
    const target = buildTarget();
    const drafts = entityToDrafts(nodeHashing, entity, target);
    const statements = entityToStatements(nodeHashing, entity, target);
    expect(drafts).toEqual(statements.map(({ id: _id, ...draft }) => draft));
    for (const d of drafts) expect(d).not.toHaveProperty('id');
  });

  it('reports marking errors as entityToStatements does', () => {
    const entity = parseFtmObject(person({ clew: { properties: { name: { handling: 'H3' } } } }));
    const e = clewErrorFrom(() => entityToDrafts(nodeHashing, entity, buildTarget()));
    expect(e.where).toEqual({ entity: 'p1', property: 'name', field: 'handlingConditions' });
  });
});
