import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Marking } from '../markings/markings.js';
import { looksSigned, signEntityId, unsignEntityId } from '../model/entity-ids.js';
import type { Statement } from '../model/statement.js';
import { buildMarking, buildTarget } from '../testing/factories.js';
import { canonicalCaseArb, looseCaseArb, shuffleWith } from '../testing/ftm-arbitraries.js';
import { nodeHashing } from '../testing/hashing.js';
import { entityToStatements, parseFtmObject, type StatementTarget } from './ftm-entity.js';
import { statementsToFtm, type FtmJson } from './ftm-export.js';

const hashing = nodeHashing;

/** Import one entity into a dataset: the object goes through JSON text, as a file would. */
const importEntity = (input: unknown, target: StatementTarget): Statement[] =>
  entityToStatements(hashing, parseFtmObject(JSON.parse(JSON.stringify(input))), target);

const exportEntity = (statements: readonly Statement[], target: StatementTarget): FtmJson =>
  statementsToFtm(hashing, target.namespaceKey, target.defaults, statements);

const roundTrip = (input: FtmJson, target = buildTarget()): FtmJson =>
  exportEntity(importEntity(input, target), target);

/**
 * Expect the export to give back exactly the input: deep-equal, and the same JSON text (which also
 * checks key order). Not toStrictEqual: it compares `.constructor`, which is a key like any other
 * in a map of values to markings.
 */
const expectExactRoundTrip = (input: FtmJson, target = buildTarget()): void => {
  const out = roundTrip(input, target);
  expect(out).toEqual(input);
  expect(JSON.stringify(out)).toBe(JSON.stringify(input));
};

describe('statementsToFtm', () => {
  it('needs at least one statement', () => {
    expect(() => statementsToFtm(hashing, 'k', buildMarking(), [])).toThrow(
      'statementsToFtm needs at least one statement',
    );
  });

  it('writes an entity without clew when every value has the dataset defaults', () => {
    const out = roundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice'], nationality: ['de'] },
    });
    expect(out).toStrictEqual({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice'], nationality: ['de'] },
    });
    expect('clew' in out).toBe(false);
  });

  it('writes the marking relative to the defaults it is given', () => {
    const target = buildTarget({ defaults: buildMarking({ tlp: 'RED', source: 'ds' }) });
    const statements = importEntity({ id: 'p1', schema: 'Person', properties: { name: ['Alice'] } }, target);
    expect(exportEntity(statements, buildTarget()).clew).toStrictEqual({
      marking: { source: 'ds', tlp: 'RED' },
    });
  });

  it('writes the id the file used for its own entity, and keeps another dataset’s signed id', () => {
    const target = buildTarget({ dataset: 'ds-a' });
    const [own] = importEntity({ id: 'p1', schema: 'Person', properties: { name: ['A'] } }, target);
    expect(own?.entityId).not.toBe('p1');
    expect(own && exportEntity([own], target).id).toBe('p1');
    const theirs = signEntityId(hashing, buildTarget({ dataset: 'ds-b' }).namespaceKey, 'p1');
    expectExactRoundTrip({ id: theirs, schema: 'Person', properties: { name: ['A'] } }, target);
  });

  it('orders values by position whatever order the statements come in', () => {
    const target = buildTarget();
    const input: FtmJson = {
      id: 'p1',
      schema: 'Person',
      properties: { nationality: ['fr', 'de'], name: ['Zoe', 'Alice', 'Mia'], birthDate: ['1980'] },
    };
    const statements = importEntity(input, target);
    expect(exportEntity([...statements].reverse(), target)).toStrictEqual(input);
    expect(exportEntity(shuffleWith(statements, 7), target)).toStrictEqual(input);
  });
});

describe('round trip: parseFtmObject → entityToStatements → statementsToFtm', () => {
  it('gives back an entity without markings', () => {
    expectExactRoundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice Smith', 'A. Smith'], birthDate: ['1980-02-29'], nationality: ['de', 'fr'] },
    });
  });

  it('gives back an entity-level marking', () => {
    expectExactRoundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice'], birthDate: ['1980'] },
      clew: { marking: { source: 'case 2024/117', collected: '2024-03-01', grading: 'B2', tlp: 'RED' } },
    });
  });

  it('gives back a property-level marking', () => {
    expectExactRoundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia'], birthDate: ['1980'] },
      clew: { properties: { birthDate: { grading: 'C3', handling: 'H2' } } },
    });
  });

  it('gives back a value-level marking', () => {
    expectExactRoundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia', 'Ali'] },
      clew: { values: { name: { Alicia: { handling: 'H3', conditions: 'not for court' } } } },
    });
  });

  it('gives back markings at all three levels, with H3 conditions dropped and dates cleared below', () => {
    expectExactRoundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia', 'Ali'], nationality: ['de'], birthDate: ['1980'] },
      clew: {
        marking: {
          source: 'case 7',
          collected: '2024',
          handling: 'H3',
          conditions: 'only case 7',
          tlp: 'AMBER+STRICT',
        },
        properties: { nationality: { collected: null, handling: 'H1', conditions: null } },
        values: { name: { Ali: { grading: 'A1', conditions: 'only case 7 and 8', tlp: 'RED' } } },
      },
    });
  });

  it('gives back entity references as the file wrote them, and value markings on them', () => {
    const foreign = signEntityId(hashing, buildTarget({ dataset: 'ds-b' }).namespaceKey, 'acct-9');
    const input: FtmJson = {
      id: 'pay-1',
      schema: 'Payment',
      properties: { payer: ['p1'], beneficiary: [foreign, 'p2', 'p3'], amount: ['250', '100'] },
      clew: { values: { beneficiary: { [foreign]: { tlp: 'RED' } } } },
    };
    const statements = importEntity(input, buildTarget());
    expect(statements.find((s) => s.prop === 'payer')?.value).toMatch(/^p1\.[0-9a-f]{40}$/);
    expectExactRoundTrip(input);
  });

  it('gives back markings on values that are also names of object members or array indices', () => {
    const input: FtmJson = {
      id: 'p1',
      schema: 'Person',
      properties: { name: ['__proto__', 'constructor', 'Alice'], notes: ['10', '2', 'x', 'y'] },
      clew: {
        values: {
          // Object.fromEntries defines "__proto__" as an own key, as JSON.parse does.
          name: Object.fromEntries([['__proto__', { tlp: 'RED' }]]),
          notes: { '10': { tlp: 'RED' }, x: { tlp: 'CLEAR' } },
        },
      },
    };
    expectExactRoundTrip(input);
    const text = JSON.stringify(roundTrip(input));
    expect(text).toContain('"__proto__":{"tlp":"RED"}');
  });

  it('writes a marking shared by every value once, at the entity level', () => {
    const out = roundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia'], birthDate: ['1980'] },
      clew: {
        values: {
          name: { Alice: { tlp: 'RED' }, Alicia: { tlp: 'RED' } },
          birthDate: { '1980': { tlp: 'RED' } },
        },
      },
    });
    expect(out.clew).toStrictEqual({ marking: { tlp: 'RED' } });
  });

  it('writes the marking most values share at the entity level, and the others below it', () => {
    const out = roundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia', 'Ali'], birthDate: ['1980'] },
      clew: { marking: { tlp: 'RED' }, properties: { name: { tlp: 'GREEN' } } },
    });
    expect(out.clew).toStrictEqual({ marking: { tlp: 'GREEN' }, properties: { birthDate: { tlp: 'RED' } } });
  });

  it('breaks a tie in favour of the marking of the earlier value', () => {
    const out = roundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia'] },
      clew: { values: { name: { Alicia: { tlp: 'RED' } } } },
    });
    expect(out.clew).toStrictEqual({ values: { name: { Alicia: { tlp: 'RED' } } } });
    const flipped = roundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice', 'Alicia'] },
      clew: { values: { name: { Alice: { tlp: 'RED' } } } },
    });
    expect(flipped.clew).toStrictEqual({
      marking: { tlp: 'RED' },
      values: { name: { Alicia: { tlp: 'AMBER' } } },
    });
  });

  it('writes canonical forms: codes lower-cased, markings in upper case, values trimmed, duplicates once', () => {
    const out = roundTrip({
      id: 'p1',
      schema: 'Person',
      properties: { name: [' Alice ', 'Alice', ''], nationality: ['DE'] },
      clew: { marking: { grading: 'b2', handling: 'h1', tlp: 'tlp:amber+strict' } },
    });
    expect(out).toStrictEqual({
      id: 'p1',
      schema: 'Person',
      properties: { name: ['Alice'], nationality: ['de'] },
      clew: { marking: { grading: 'B2', handling: 'H1', tlp: 'AMBER+STRICT' } },
    });
  });
});

describe('round trip properties', () => {
  it('gives back exactly any canonical entity, markings at all levels included, whatever the statement order', () => {
    const seen = { entity: 0, property: 0, value: 0, clewless: 0 };
    fc.assert(
      fc.property(canonicalCaseArb, fc.nat(), ({ defaults, input, levels }, seed) => {
        seen.entity += Math.min(levels.entity, 1);
        seen.property += Math.min(levels.property, 1);
        seen.value += Math.min(levels.value, 1);
        if (input.clew === undefined) seen.clewless++;
        const target = buildTarget({ defaults });
        const statements = importEntity(input, target);
        const out = exportEntity(shuffleWith(statements, seed), target);
        expect(out).toEqual(input);
        expect(JSON.stringify(out)).toBe(JSON.stringify(input));
      }),
      { numRuns: 500 },
    );
    // The generator reaches every level; a change that stopped it would make the property vacuous.
    expect(seen.entity).toBeGreaterThan(50);
    expect(seen.property).toBeGreaterThan(50);
    expect(seen.value).toBeGreaterThan(20);
    expect(seen.clewless).toBeGreaterThan(0);
  });

  it('reads any loosely written valid entity into the statements it stands for', () => {
    fc.assert(
      fc.property(looseCaseArb, ({ defaults, input, expected }) => {
        const target = buildTarget({ defaults });
        const statements = importEntity(input, target).map((s) => ({
          prop: s.prop,
          value: s.propType === 'entity' ? unsign(target, s.value) : s.value,
          marking: markingOf(s),
        }));
        expect(statements).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every statement of any valid entity: importing the export gives the same statements and the same export', () => {
    let checked = 0;
    fc.assert(
      fc.property(looseCaseArb, fc.nat(), ({ defaults, input }, seed) => {
        const target = buildTarget({ defaults });
        const first = importEntity(input, target);
        checked += first.length;
        const exported = exportEntity(shuffleWith(first, seed), target);
        const second = importEntity(exported, target);
        expect(second).toStrictEqual(first);
        const again = exportEntity(second, target);
        expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
      }),
      { numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  it('resolves each statement’s marking from the levels above it', () => {
    fc.assert(
      fc.property(canonicalCaseArb, ({ defaults, input }) => {
        const statements = importEntity(input, buildTarget({ defaults }));
        const clew = input.clew ?? {};
        for (const s of statements) {
          // Values of one property have consecutive positions, in the order the file wrote them.
          const value = input.properties[s.prop]?.[s.seq - firstSeq(statements, s.prop)];
          if (value === undefined) throw new Error(`no value at position ${s.seq} of ${s.prop}`);
          const signed =
            s.propType === 'entity' ? signEntityId(hashing, buildTarget().namespaceKey, value) : value;
          expect(s.value).toBe(signed);
          const byValue = clew.values?.[s.prop] ?? {};
          // An own key only: a value may be "constructor" with no marking of its own.
          const valueLayer = Object.hasOwn(byValue, value) ? byValue[value] : undefined;
          const layers = [clew.marking, clew.properties?.[s.prop], valueLayer];
          const expected = layers.reduce<Marking>((m, layer) => applyJson(m, layer), defaults);
          expect(markingOf(s)).toStrictEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

const unsign = (target: StatementTarget, id: string): string | null =>
  unsignEntityId(hashing, target.namespaceKey, id) ?? (looksSigned(id) ? id : null);

const firstSeq = (statements: readonly Statement[], prop: string): number =>
  Math.min(...statements.filter((s) => s.prop === prop).map((s) => s.seq));

const markingOf = (s: Statement): Marking => ({
  source: s.source,
  collected: s.collected,
  sourceReliability: s.sourceReliability,
  infoAssessment: s.infoAssessment,
  handling: s.handling,
  handlingConditions: s.handlingConditions,
  tlp: s.tlp,
});

/** Apply canonical marking JSON (as the generator writes it) to a marking: an independent reading of the format. */
const applyJson = (m: Marking, json: NonNullable<FtmJson['clew']>['marking']): Marking => {
  if (!json) return m;
  const out = { ...m };
  if (json.source !== undefined) out.source = json.source;
  if (json.collected !== undefined) out.collected = json.collected;
  if (json.grading !== undefined) {
    out.sourceReliability = json.grading.charAt(0) as Marking['sourceReliability'];
    out.infoAssessment = json.grading.charAt(1) as Marking['infoAssessment'];
  }
  if (json.handling !== undefined) {
    out.handling = json.handling as Marking['handling'];
    if (json.conditions === undefined) out.handlingConditions = null;
  }
  if (json.conditions !== undefined) out.handlingConditions = json.conditions;
  if (json.tlp !== undefined) out.tlp = json.tlp as Marking['tlp'];
  return out;
};
