import type { Property } from '@alephdata/followthemoney';
import fc from 'fast-check';
import type { FtmJson } from '../ftm/ftm-export.js';
import type { MarkingJson } from '../ftm/marking-json.js';
import { INFO_ASSESSMENT, SOURCE_RELIABILITY, TLP_LEVELS, type Marking } from '../markings/markings.js';
import { ftmModel } from '../model/model.js';

/** The schemata the round-trip properties draw from: people, documents, assets, links and money. */
export const ROUND_TRIP_SCHEMATA = [
  'Person',
  'Passport',
  'Vessel',
  'BankAccount',
  'Associate',
  'Payment',
] as const;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Values that are also names of Object.prototype members or array indices: traps for plain-object maps. */
const TRAPS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10', '2'];

const freeText = (maxLength: number, multiline: boolean): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.constantFrom(
        ...['a', 'b', 'Z', 'é', 'ß', 'Ж', '中', '😀', '0', '7', ' ', '.', '-', '"', '\\', "'", '/', ':'],
        ...(multiline ? ['\n', '\t'] : []),
      ),
      minLength: 1,
      maxLength: Math.min(maxLength, 24),
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= maxLength);

const fileId = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}(\.[a-z0-9]{1,4})?$/),
  fc.constantFrom('__proto__', 'constructor'),
);

/** An entity id as a file writes it: a local id, or one another dataset already signed. */
export const entityIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fileId },
  {
    weight: 1,
    arbitrary: fc.tuple(fileId, fc.stringMatching(/^[0-9a-f]{40}$/)).map(([id, sig]) => `${id}.${sig}`),
  },
);

const date = fc
  .tuple(
    fc.integer({ min: 1000, max: 2999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.constantFrom(1, 2, 3),
  )
  .map(([y, m, d, precision]) =>
    [String(y), pad(m), pad(Math.min(d, daysIn(y, m)))].slice(0, precision).join('-'),
  );

const codes = (type: string): fc.Arbitrary<string> =>
  fc.constantFrom(...ftmModel.getType(type).values.keys());

const valueArbs = new Map<string, fc.Arbitrary<string> | undefined>();

/** A value of the property in the form Clew stores it (trimmed, codes lower-cased), so it reads back unchanged. */
export const canonicalValueArb = (prop: Property): fc.Arbitrary<string> | undefined => {
  const max = prop.maxLength || prop.type.maxLength;
  // Building arbitraries (regular expressions above all) is slow: one per type and length.
  const key = `${prop.type.name}/${max}`;
  if (!valueArbs.has(key)) valueArbs.set(key, buildValueArb(prop.type.name, max));
  return valueArbs.get(key);
};

const buildValueArb = (type: string, max: number): fc.Arbitrary<string> | undefined => {
  const textual = (multiline: boolean) =>
    fc.oneof(
      { weight: 6, arbitrary: freeText(max, multiline) },
      { weight: 1, arbitrary: fc.constantFrom(...TRAPS) },
    );
  switch (type) {
    case 'name':
    case 'string':
    case 'identifier':
    case 'address':
      return textual(false);
    case 'text':
      return textual(true);
    case 'date':
      return date;
    case 'country':
    case 'gender':
    case 'language':
    case 'topic':
      return codes(type);
    case 'email':
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9._+-]{1,8}$/), fc.stringMatching(/^[a-z0-9-]{1,8}\.[a-z]{2,4}$/))
        .map(([local, domain]) => `${local}@${domain}`);
    case 'phone':
      return fc.stringMatching(/^\+?[0-9]{2,4}( [0-9]{2,6}){1,3}$/);
    case 'iban':
      return fc.stringMatching(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,24}$/);
    case 'url':
      return fc.stringMatching(/^https:\/\/[a-z]{1,10}\.[a-z]{2,4}(\/[a-z0-9]{1,8}){0,2}$/);
    case 'number':
      return fc.oneof(
        fc.integer().map(String),
        fc.tuple(fc.integer({ min: -9999, max: 9999 }), fc.nat(999)).map(([i, f]) => `${i}.${f}`),
      );
    case 'entity':
      return entityIdArb;
    default:
      return undefined;
  }
};

/** The properties of a schema a file may set and the generators can fill. */
export const settableProperties = (schema: string): Property[] =>
  [...ftmModel.getSchema(schema).getProperties().values()].filter(
    (p) => !p.stub && !p.hidden && canonicalValueArb(p) !== undefined,
  );

const SETTABLE = new Map(ROUND_TRIP_SCHEMATA.map((schema) => [schema, settableProperties(schema)]));

/** An entity's properties: a few of its schema's properties in random order, each with 1–4 distinct values. */
export interface EntityShape {
  id: string;
  schema: string;
  properties: [string, string[]][];
}

/** A random valid entity of one of ROUND_TRIP_SCHEMATA, values in canonical form. */
export const entityShapeArb: fc.Arbitrary<EntityShape> = fc
  .constantFrom(...ROUND_TRIP_SCHEMATA)
  .chain((schema) =>
    fc.record({
      id: entityIdArb,
      schema: fc.constant(schema),
      properties: fc
        .shuffledSubarray(SETTABLE.get(schema) ?? [], { minLength: 1, maxLength: 5 })
        .chain((props) =>
          fc.tuple(
            ...props.map((p) =>
              fc
                .uniqueArray(canonicalValueArb(p) ?? fc.constant('x'), { minLength: 1, maxLength: 4 })
                .map((values): [string, string[]] => [p.name, values]),
            ),
          ),
        ),
    }),
  );

/** A random valid marking, drawn from small pools so that equal markings are common. */
export const markingArb: fc.Arbitrary<Marking> = fc
  .record({
    source: fc.constantFrom('', 'case 2024/117', 'report 7'),
    collected: fc.constantFrom(null, '2024-03-01', '2023'),
    sourceReliability: fc.constantFrom(...SOURCE_RELIABILITY),
    infoAssessment: fc.constantFrom(...INFO_ASSESSMENT),
    handling: fc.oneof(
      fc.constantFrom('H0', 'H1', 'H2').map((handling) => ({ handling, handlingConditions: null })),
      fc
        .constantFrom('only case 7', 'not to country X')
        .map((c) => ({ handling: 'H3' as const, handlingConditions: c })),
    ),
    tlp: fc.constantFrom(...TLP_LEVELS),
  })
  .map(({ handling, ...rest }): Marking => ({ ...rest, ...handling }));

const same = (a: Marking, b: Marking): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The canonical JSON of `m` over `base`: the fields that differ, in the order source, collected,
 * grading, handling, conditions, tlp; undefined when they agree. Written out here rather than
 * taken from marking-json.ts, so the round trip is checked against the format, not against itself.
 */
export const canonicalMarkingJson = (base: Marking, m: Marking): MarkingJson | undefined => {
  const out: MarkingJson = {};
  if (m.source !== base.source) out.source = m.source;
  if (m.collected !== base.collected) out.collected = m.collected;
  const grading = `${m.sourceReliability}${m.infoAssessment}`;
  if (grading !== `${base.sourceReliability}${base.infoAssessment}`) out.grading = grading;
  if (m.handling !== base.handling) out.handling = m.handling;
  if (m.handlingConditions !== base.handlingConditions) out.conditions = m.handlingConditions;
  if (m.tlp !== base.tlp) out.tlp = m.tlp;
  return Object.keys(out).length > 0 ? out : undefined;
};

/** A dataset's defaults and one entity in the exact form the export writes it. */
export interface CanonicalCase {
  defaults: Marking;
  input: FtmJson;
  /** How many markings the case sets at entity, property and value level (for coverage statistics). */
  levels: { entity: number; property: number; value: number };
}

interface PropertyPlan {
  marking: Marking | null;
  valueMarkings: (Marking | null)[];
}

/**
 * A random entity with random markings at all three levels, written canonically: each level holds
 * the marking most of the statements below it share (a strict majority, so no tie decides it), and
 * each written marking lists only the fields that differ from the level above.
 */
export const canonicalCaseArb: fc.Arbitrary<CanonicalCase> = entityShapeArb.chain((shape) =>
  fc
    .record({
      defaults: markingArb,
      entityMarking: fc.option(markingArb, { nil: null }),
      plans: fc.tuple(
        ...shape.properties.map(([, values]) =>
          fc.record({
            marking: fc.option(markingArb, { nil: null, freq: 3 }),
            valueMarkings: fc.tuple(...values.map(() => fc.option(markingArb, { nil: null, freq: 2 }))),
          }),
        ),
      ),
    })
    .map(({ defaults, entityMarking, plans }) => canonicalCase(shape, defaults, entityMarking, plans)),
);

const canonicalCase = (
  shape: EntityShape,
  defaults: Marking,
  entityMarking: Marking | null,
  plans: PropertyPlan[],
): CanonicalCase => {
  const entity = entityMarking ?? defaults;
  // A property marking holds when over half its values keep it: at most ⌊(k-1)/2⌋ value overrides.
  const props = shape.properties.map(([name, values], i) => {
    const plan = plans[i] ?? { marking: null, valueMarkings: [] };
    let room = Math.floor((values.length - 1) / 2);
    const overrides = values.map((_, j) => {
      const m = plan.valueMarkings[j] ?? null;
      if (m === null || room === 0) return null;
      room--;
      return m;
    });
    return { name, values, marking: plan.marking, overrides };
  });
  // The entity marking holds when over half of all values keep it: drop property markings until so.
  const total = props.reduce((n, p) => n + p.values.length, 0);
  const keeping = (): number =>
    props.reduce(
      (n, p) =>
        n + (p.marking === null || same(p.marking, entity) ? p.values.length - count(p.overrides) : 0),
      0,
    );
  for (let i = props.length - 1; i >= 0 && keeping() * 2 <= total; i--) {
    const p = props[i];
    if (p) p.marking = null;
  }
  const levels = { entity: 0, property: 0, value: 0 };
  const clew: NonNullable<FtmJson['clew']> = {};
  const entityJson = canonicalMarkingJson(defaults, entity);
  if (entityJson) {
    clew.marking = entityJson;
    levels.entity++;
  }
  const propertyJson: [string, MarkingJson][] = [];
  const valueJson: [string, Record<string, MarkingJson>][] = [];
  for (const p of props) {
    const propMarking = p.marking ?? entity;
    const pj = canonicalMarkingJson(entity, propMarking);
    if (pj) propertyJson.push([p.name, pj]);
    const byValue: [string, MarkingJson][] = [];
    p.values.forEach((value, j) => {
      const vj = canonicalMarkingJson(propMarking, p.overrides[j] ?? propMarking);
      if (vj) byValue.push([value, vj]);
    });
    // Object.fromEntries defines own keys, so a value such as "__proto__" is a key like any other.
    if (byValue.length > 0) valueJson.push([p.name, Object.fromEntries(byValue)]);
  }
  levels.property = propertyJson.length;
  levels.value = valueJson.reduce((n, [, byValue]) => n + Object.keys(byValue).length, 0);
  if (propertyJson.length > 0) clew.properties = Object.fromEntries(propertyJson);
  if (valueJson.length > 0) clew.values = Object.fromEntries(valueJson);
  const input: FtmJson = {
    id: shape.id,
    schema: shape.schema,
    properties: Object.fromEntries(shape.properties),
  };
  if (Object.keys(clew).length > 0) input.clew = clew;
  return { defaults, input, levels };
};

const count = (xs: readonly (Marking | null)[]): number => xs.filter((x) => x !== null).length;

/** A permutation of `xs` chosen by `seed`, so a property can hand statements over in any order. */
export const shuffleWith = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
};

/** A marking written loosely ("b2", "tlp:red", "h1"), with the override it stands for. */
interface LooseMarking {
  json: Record<string, string | null>;
  override: Partial<Marking>;
}

const looseMarkingArb: fc.Arbitrary<LooseMarking> = fc
  .tuple(
    markingArb,
    fc.record({
      source: fc.boolean(),
      collected: fc.boolean(),
      grading: fc.boolean(),
      handling: fc.boolean(),
      tlp: fc.boolean(),
    }),
    fc.boolean(),
  )
  .map(([m, pick, lower]) => {
    const json: Record<string, string | null> = {};
    const override: Partial<Marking> = {};
    const grading = `${m.sourceReliability}${m.infoAssessment}`;
    if (pick.source) json.source = override.source = m.source;
    if (pick.collected) json.collected = override.collected = m.collected;
    if (pick.grading) {
      json.grading = lower ? grading.toLowerCase() : grading;
      override.sourceReliability = m.sourceReliability;
      override.infoAssessment = m.infoAssessment;
    }
    // Handling and its conditions always travel together, so every combination of levels resolves.
    if (pick.handling) {
      json.handling = lower ? m.handling.toLowerCase() : m.handling;
      json.conditions = m.handlingConditions;
      override.handling = m.handling;
      override.handlingConditions = m.handlingConditions;
    }
    if (pick.tlp) {
      json.tlp = lower ? `tlp:${m.tlp.toLowerCase()}` : m.tlp;
      override.tlp = m.tlp;
    }
    return { json, override };
  });

const CODED = ['country', 'gender', 'language', 'topic'];

/** A valid entity written loosely, and the statements (as property, value, marking) it must give. */
export interface LooseCase {
  defaults: Marking;
  input: Record<string, unknown>;
  expected: { prop: string; value: string; marking: Marking }[];
}

/**
 * Any valid entity as a person might write it: codes in upper case, values padded, repeated or
 * empty, markings in loose forms at any level, value markings keyed by the value as written.
 */
export const looseCaseArb: fc.Arbitrary<LooseCase> = entityShapeArb.chain((shape) => {
  const schema = ftmModel.getSchema(shape.schema);
  const loose = (value: string, prop: string): fc.Arbitrary<string> =>
    fc.tuple(fc.boolean(), fc.constantFrom('', ' ', '  ')).map(([upper, padding]) => {
      const coded = CODED.includes(schema.getProperty(prop).type.name);
      return `${padding}${upper && coded ? value.toUpperCase() : value}${padding}`;
    });
  return fc
    .record({
      defaults: markingArb,
      entityMarking: fc.option(looseMarkingArb, { nil: undefined }),
      properties: fc.tuple(
        ...shape.properties.map(([prop, values]) =>
          fc.record({
            prop: fc.constant(prop),
            values: fc.constant(values),
            written: fc.tuple(...values.map((v) => loose(v, prop))),
            repeat: fc.option(fc.nat(values.length - 1), { nil: undefined }),
            empty: fc.boolean(),
            marking: fc.option(looseMarkingArb, { nil: undefined, freq: 3 }),
            valueMarkings: fc.tuple(
              ...values.map(() => fc.option(looseMarkingArb, { nil: undefined, freq: 2 })),
            ),
          }),
        ),
      ),
    })
    .map(({ defaults, entityMarking, properties }): LooseCase => {
      const props: Record<string, string[]> = {};
      const propMarkings: Record<string, unknown> = {};
      const valueMarkings: Record<string, Record<string, unknown>> = {};
      const expected: LooseCase['expected'] = [];
      const entity = { ...defaults, ...entityMarking?.override };
      for (const p of properties) {
        const written = [...p.written];
        if (p.repeat !== undefined) written.push(written[p.repeat] ?? '');
        if (p.empty) written.splice(1, 0, '   ');
        props[p.prop] = written;
        if (p.marking) propMarkings[p.prop] = p.marking.json;
        const byValue: [string, unknown][] = [];
        p.values.forEach((value, j) => {
          const m = p.valueMarkings[j];
          const key = p.written[j];
          if (m && key !== undefined) byValue.push([key, m.json]);
          expected.push({
            prop: p.prop,
            value,
            marking: { ...entity, ...p.marking?.override, ...m?.override },
          });
        });
        if (byValue.length > 0) valueMarkings[p.prop] = Object.fromEntries(byValue);
      }
      const input = {
        id: shape.id,
        schema: shape.schema,
        properties: props,
        clew: { marking: entityMarking?.json, properties: propMarkings, values: valueMarkings },
      };
      return { defaults, input, expected };
    });
});
