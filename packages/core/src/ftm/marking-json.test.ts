import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKING, type Marking } from '../markings/markings.js';
import { buildMarking } from '../testing/factories.js';
import { clewErrorFrom } from '../testing/errors.js';
import { markingDiffJson, parseMarkingAt, parseMarkingJson, sameMarking } from './marking-json.js';

describe('parseMarkingJson', () => {
  it('reads every field, in its written forms', () => {
    expect(
      parseMarkingJson({
        source: 'case 2024/117',
        collected: '2024-03',
        grading: 'b2',
        handling: 'h3',
        conditions: 'not for country X',
        tlp: 'tlp:amber+strict',
      }),
    ).toEqual({
      source: 'case 2024/117',
      collected: '2024-03',
      sourceReliability: 'B',
      infoAssessment: '2',
      handling: 'H3',
      handlingConditions: 'not for country X',
      tlp: 'AMBER+STRICT',
    });
  });

  it('reads an empty object as no override', () => {
    expect(parseMarkingJson({})).toEqual({});
  });

  it('sets only the fields it is given', () => {
    expect(parseMarkingJson({ tlp: 'RED' })).toEqual({ tlp: 'RED' });
    expect(parseMarkingJson({ grading: 'A1' })).toEqual({ sourceReliability: 'A', infoAssessment: '1' });
  });

  it('reads null collection date and null conditions as clearing them', () => {
    expect(parseMarkingJson({ collected: null, conditions: null })).toEqual({
      collected: null,
      handlingConditions: null,
    });
  });

  it('keeps an empty source: it clears the source of the level above', () => {
    expect(parseMarkingJson({ source: '' })).toEqual({ source: '' });
  });

  it.each([[null], ['B2'], [['B2']], [42]])('rejects %j: a marking is an object', (raw) => {
    const e = clewErrorFrom(() => parseMarkingJson(raw));
    expect(e.code).toBe('Invalid');
    expect(e.message).toBe('a marking must be an object');
  });

  it.each(['classification', 'Grading', 'handlingConditions', 'reliability'])(
    'rejects the unknown field %s, naming it',
    (field) => {
      const e = clewErrorFrom(() => parseMarkingJson({ tlp: 'RED', [field]: 'x' }));
      expect(e.message).toBe(`unknown marking field "${field}"`);
      expect(e.where).toEqual({ field });
    },
  );

  it.each([
    ['source', 7],
    ['collected', 2024],
    ['grading', null],
    ['handling', 3],
    ['conditions', false],
    ['tlp', ['RED']],
  ])('rejects %s given as %j: fields are strings', (field, value) => {
    const e = clewErrorFrom(() => parseMarkingJson({ [field]: value }));
    expect(e.message).toBe(`marking field "${field}" must be a string`);
    expect(e.where).toEqual({ field });
  });

  it.each(['2024-02-30', 'March 2024', '24-03-01'])('rejects the collection date %j', (collected) => {
    const e = clewErrorFrom(() => parseMarkingJson({ collected }));
    expect(e.message).toBe(`"${collected}" is not a date`);
    expect(e.where).toEqual({ field: 'collected' });
  });

  it.each([
    ['grading', 'E5'],
    ['handling', 'H9'],
    ['tlp', 'PURPLE'],
  ])('rejects the %s %j, naming the field', (field, value) => {
    expect(clewErrorFrom(() => parseMarkingJson({ [field]: value })).where).toEqual({ field });
  });
});

describe('parseMarkingAt', () => {
  it('parses like parseMarkingJson', () => {
    expect(parseMarkingAt({ tlp: 'red' }, 'p1', 'name')).toEqual({ tlp: 'RED' });
  });

  it('adds the entity and the property to an error, keeping its field', () => {
    const e = clewErrorFrom(() => parseMarkingAt({ tlp: 'PURPLE' }, 'p1', 'name'));
    expect(e.code).toBe('Invalid');
    expect(e.message).toContain('"PURPLE"');
    expect(e.where).toEqual({ field: 'tlp', entity: 'p1', property: 'name' });
  });

  it('adds only the entity for an entity-level marking', () => {
    const e = clewErrorFrom(() => parseMarkingAt('RED', 'p1'));
    expect(e.where).toEqual({ entity: 'p1', property: undefined });
  });
});

describe('markingDiffJson', () => {
  it('is undefined for the same marking', () => {
    expect(markingDiffJson(DEFAULT_MARKING, buildMarking())).toBeUndefined();
  });

  it.each<[Partial<Marking>, Record<string, unknown>]>([
    [{ source: 'case 7' }, { source: 'case 7' }],
    [{ collected: '2024-03-01' }, { collected: '2024-03-01' }],
    [{ sourceReliability: 'B' }, { grading: 'B4' }],
    [{ infoAssessment: '1' }, { grading: 'X1' }],
    [{ handling: 'H2' }, { handling: 'H2' }],
    [
      { handling: 'H3', handlingConditions: 'only X' },
      { handling: 'H3', conditions: 'only X' },
    ],
    [{ tlp: 'RED' }, { tlp: 'RED' }],
  ])('writes the changed field of %j', (change, expected) => {
    expect(markingDiffJson(DEFAULT_MARKING, buildMarking(change))).toEqual(expected);
  });

  it('writes cleared values as null', () => {
    const base = buildMarking({ collected: '2024', handling: 'H3', handlingConditions: 'only X' });
    expect(markingDiffJson(base, buildMarking())).toEqual({
      collected: null,
      handling: 'H0',
      conditions: null,
    });
  });

  it('writes fields in a fixed order: source, collected, grading, handling, conditions, tlp', () => {
    const diff = markingDiffJson(
      DEFAULT_MARKING,
      buildMarking({
        tlp: 'RED',
        handlingConditions: 'c',
        handling: 'H3',
        infoAssessment: '1',
        collected: '2024',
        source: 's',
      }),
    );
    expect(Object.keys(diff ?? {})).toEqual([
      'source',
      'collected',
      'grading',
      'handling',
      'conditions',
      'tlp',
    ]);
  });

  it('is read back by parseMarkingJson into the override that turns the base into the marking', () => {
    const base = buildMarking({
      handling: 'H3',
      handlingConditions: 'only X',
      tlp: 'RED',
      collected: '2024',
    });
    const target = buildMarking({ handling: 'H1', sourceReliability: 'A', source: 'case 9' });
    expect({ ...base, ...parseMarkingJson(markingDiffJson(base, target)) }).toEqual(target);
  });
});

describe('sameMarking', () => {
  it('compares every field', () => {
    expect(sameMarking(buildMarking(), buildMarking())).toBe(true);
    const changes: Partial<Marking>[] = [
      { source: 'x' },
      { collected: '2024' },
      { sourceReliability: 'A' },
      { infoAssessment: '1' },
      { handling: 'H1' },
      { handlingConditions: 'c' },
      { tlp: 'RED' },
    ];
    for (const change of changes) expect(sameMarking(buildMarking(), buildMarking(change))).toBe(false);
  });
});
