import { Model, defaultModel, type Property, type Schema } from '@alephdata/followthemoney';
import { invalid } from '../errors.js';

/** The FollowTheMoney model Clew validates against (the one Aleph and OpenSanctions use). */
export const ftmModel: Model = new Model(defaultModel);

/** A concrete (non-abstract) schema by name, or an Invalid error naming the entity. */
export const getSchema = (name: unknown, entityId?: string): Schema => {
  // An own key only: the schemata are a plain object, and "constructor" or "__proto__" are not schemata.
  const schema =
    typeof name === 'string' && Object.hasOwn(ftmModel.schemata, name) ? ftmModel.schemata[name] : undefined;
  if (!schema) {
    throw invalid(`unknown schema ${JSON.stringify(name)}`, { entity: entityId, field: 'schema' });
  }
  if (schema.abstract) {
    throw invalid(`schema ${schema.name} is abstract; use one of its concrete kinds`, {
      entity: entityId,
      field: 'schema',
    });
  }
  return schema;
};

// The library rebuilds a schema's property map on every lookup; build each map once.
const propertyMaps = new Map<string, Map<string, Property>>();

/** All properties of a schema (its own and inherited), by name; cached. */
export const propertiesOf = (schema: Schema): Map<string, Property> => {
  let map = propertyMaps.get(schema.name);
  if (!map) {
    map = schema.getProperties();
    propertyMaps.set(schema.name, map);
  }
  return map;
};

/** A property of a schema, or an Invalid error naming the entity and the property. */
export const getProperty = (schema: Schema, prop: string, entityId?: string): Property => {
  const property = propertiesOf(schema).get(prop);
  if (!property) {
    throw invalid(`schema ${schema.name} has no property "${prop}"`, { entity: entityId, property: prop });
  }
  return property;
};

/**
 * The schema that both a and b describe: the more specific one when one extends the other
 * (LegalEntity + Person → Person). Null when they are incompatible (Person + Vessel).
 */
export const commonSchema = (a: Schema, b: Schema): Schema | null => {
  if (a.isA(b)) return a;
  if (b.isA(a)) return b;
  return null;
};

/** The names of all concrete schemata, sorted. */
export const concreteSchemata = (): string[] =>
  ftmModel
    .getSchemata()
    .filter((s) => !s.abstract)
    .map((s) => s.name)
    .sort();
