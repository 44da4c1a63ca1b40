import type { Schema } from '@alephdata/followthemoney';
import { ClewError, invalid } from '../errors.js';
import { resolveMarking, type Marking, type MarkingOverride } from '../markings/markings.js';
import { signEntityId } from '../model/entity-ids.js';
import { getProperty, getSchema } from '../model/model.js';
import { withStatementId, type Statement, type StatementDraft } from '../model/statement.js';
import { checkValue } from '../model/values.js';
import type { Hashing } from '../ports.js';
import { parseMarkingAt } from './marking-json.js';

/**
 * A FollowTheMoney entity as read from a file and checked against the model: values typed and
 * cleaned, markings parsed. Clew's extension is an optional `clew` object on the entity:
 * `{"marking": {…}, "properties": {"prop": {…}}, "values": {"prop": {"value": {…}}}}` — the
 * marking of the whole entity, of one property, or of one value, over the dataset's defaults.
 */
export interface FtmEntity {
  id: string;
  schema: Schema;
  properties: Map<string, string[]>;
  marking: MarkingOverride | undefined;
  propMarkings: Map<string, MarkingOverride>;
  valueMarkings: Map<string, Map<string, MarkingOverride>>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse one line of FollowTheMoney JSON; throws an Invalid error that names the entity and property. */
export const parseFtmLine = (line: string): FtmEntity => {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw invalid(`malformed JSON: ${(e as Error).message}`);
  }
  return parseFtmObject(raw);
};

/** Check a parsed FollowTheMoney JSON object against the model. */
export const parseFtmObject = (raw: unknown): FtmEntity => {
  if (!isObject(raw)) throw invalid('an entity must be a JSON object');
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '')
    throw invalid('entity has no "id" (a non-empty string)', { field: 'id' });
  if (id.length > 256)
    throw invalid('entity id is over 256 characters', { entity: id.slice(0, 40), field: 'id' });
  // References cannot hold white space (see checkValue), so an id with it could never be referred to.
  if (/\s/.test(id)) throw invalid('entity id contains white space', { entity: id, field: 'id' });
  const schema = getSchema(raw.schema, id);
  const props = raw.properties ?? {};
  if (!isObject(props)) throw invalid('"properties" must be an object', { entity: id, field: 'properties' });
  const properties = new Map<string, string[]>();
  for (const [name, values] of Object.entries(props)) {
    const prop = getProperty(schema, name, id);
    // As FollowTheMoney: a reverse (stub) property is set by the entity on the other side of the link.
    if (prop.stub) {
      throw invalid(
        `"${name}" is a reverse link: state it on the ${prop.hasRange ? prop.getRange().name : 'linked'} entity`,
        {
          entity: id,
          property: name,
        },
      );
    }
    const list: unknown[] = Array.isArray(values) ? values : [values];
    const clean: string[] = [];
    for (const v of list) {
      if (isObject(v)) {
        throw invalid(
          'nested entities are not supported: give the related entity as its own line and refer to its id',
          {
            entity: id,
            property: name,
          },
        );
      }
      const checked = checkValue(prop, v);
      if (!checked.ok) throw invalid(checked.reason, { entity: id, property: name });
      if (checked.value !== null && !clean.includes(checked.value)) clean.push(checked.value);
    }
    if (clean.length > 0) properties.set(name, clean);
  }
  const ext = raw.clew;
  const entity: FtmEntity = {
    id,
    schema,
    properties,
    marking: undefined,
    propMarkings: new Map(),
    valueMarkings: new Map(),
  };
  if (ext === undefined) return entity;
  if (!isObject(ext)) throw invalid('"clew" must be an object', { entity: id, field: 'clew' });
  // A misspelt field would drop a marking silently: unknown fields are errors, as in a marking.
  for (const k of Object.keys(ext)) {
    if (k !== 'marking' && k !== 'properties' && k !== 'values') {
      throw invalid(`unknown clew field "${k}": expected marking, properties or values`, {
        entity: id,
        field: 'clew',
      });
    }
  }
  if (ext.marking !== undefined) entity.marking = parseMarkingAt(ext.marking, id);
  if (ext.properties !== undefined) {
    if (!isObject(ext.properties)) throw invalid('"clew.properties" must be an object', { entity: id });
    for (const [name, m] of Object.entries(ext.properties)) {
      getProperty(schema, name, id);
      entity.propMarkings.set(name, parseMarkingAt(m, id, name));
    }
  }
  if (ext.values !== undefined) {
    if (!isObject(ext.values)) throw invalid('"clew.values" must be an object', { entity: id });
    for (const [name, byValue] of Object.entries(ext.values)) {
      const prop = getProperty(schema, name, id);
      if (!isObject(byValue))
        throw invalid('"clew.values" entries map values to markings', { entity: id, property: name });
      const map = new Map<string, MarkingOverride>();
      const present = properties.get(name) ?? [];
      for (const [written, m] of Object.entries(byValue)) {
        // Keyed by the value as written; statements look it up as cleaned ("DE" is stored as "de").
        // A marking that matches no value would be dropped silently, so it is an error.
        const checked = checkValue(prop, written);
        const value = checked.ok ? checked.value : null;
        if (value === null || !present.includes(value)) {
          throw invalid(`"clew.values" marks "${written}", which is not a value of ${name}`, {
            entity: id,
            property: name,
          });
        }
        if (map.has(value)) {
          throw invalid(`"clew.values" marks the value "${value}" twice`, { entity: id, property: name });
        }
        map.set(value, parseMarkingAt(m, id, name));
      }
      entity.valueMarkings.set(name, map);
    }
  }
  return entity;
};

/** Where statements are going: the dataset, its agency, its namespace key and default marking. */
export interface StatementTarget {
  dataset: string;
  agency: string;
  namespaceKey: string;
  defaults: Marking;
}

/**
 * Turn an entity into statements for a dataset: ids and entity references are signed with the
 * dataset's namespace, and each value gets the marking resolved from dataset → entity → property → value.
 */
export const entityToStatements = (
  hashing: Hashing,
  entity: FtmEntity,
  target: StatementTarget,
): Statement[] => entityToDrafts(hashing, entity, target).map((d) => withStatementId(hashing, d));

/**
 * As entityToStatements, without the statement ids (a SHA-1 each), for the bulk write path: the
 * store derives ids again when it reads statements back.
 */
export const entityToDrafts = (
  hashing: Hashing,
  entity: FtmEntity,
  target: StatementTarget,
): StatementDraft[] => {
  const entityId = signEntityId(hashing, target.namespaceKey, entity.id);
  let base: Marking;
  try {
    base = resolveMarking(target.defaults, entity.marking);
  } catch (e) {
    if (e instanceof ClewError) throw invalid(e.message, { ...e.where, entity: entity.id });
    throw e;
  }
  const out: StatementDraft[] = [];
  let seq = 0;
  for (const [name, values] of entity.properties) {
    const prop = getProperty(entity.schema, name, entity.id);
    const isRef = prop.type.name === 'entity';
    const propMarking = entity.propMarkings.get(name);
    const valueMarkings = entity.valueMarkings.get(name);
    for (const raw of values) {
      const value = isRef ? signEntityId(hashing, target.namespaceKey, raw) : raw;
      let marking = base;
      const valueMarking = valueMarkings?.get(raw);
      if (propMarking !== undefined || valueMarking !== undefined) {
        try {
          marking = resolveMarking(base, propMarking, valueMarking);
        } catch (e) {
          if (e instanceof ClewError)
            throw invalid(e.message, { ...e.where, entity: entity.id, property: name });
          throw e;
        }
      }
      // Every field spelled out: a spread followed by more fields falls off V8's fast path (20 µs an object).
      out.push({
        entityId,
        dataset: target.dataset,
        agency: target.agency,
        schema: entity.schema.name,
        prop: name,
        propType: prop.type.name,
        value,
        seq: seq++,
        source: marking.source,
        collected: marking.collected,
        sourceReliability: marking.sourceReliability,
        infoAssessment: marking.infoAssessment,
        handling: marking.handling,
        handlingConditions: marking.handlingConditions,
        tlp: marking.tlp,
      });
    }
  }
  return out;
};
