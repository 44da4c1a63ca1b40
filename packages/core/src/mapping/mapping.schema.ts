import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { invalid } from '../errors.js';

/** One value transform, applied in order to a cell's text. */
export const transformSchema = z.union([
  z.enum(['trim', 'upper', 'lower']),
  z.strictObject({ date: z.string().min(1) }),
  z.strictObject({ codes: z.record(z.string(), z.string()) }),
  z.strictObject({ name: z.enum(['first', 'last']) }),
  z.strictObject({ regex: z.string().min(1) }),
  z.strictObject({ phone: z.strictObject({ defaultCountry: z.string().length(2).optional() }) }),
  z.strictObject({
    number: z.strictObject({
      decimal: z.enum(['.', ',']).optional(),
      thousands: z.enum(['.', ',', ' ', "'", '']).optional(),
    }),
  }),
]);
/** One value transform, applied in order to a cell's text. */
export type Transform = z.infer<typeof transformSchema>;

/** Where a property's values come from: a column, another entity of the row, or a constant. */
export const propertySpecSchema = z
  .strictObject({
    column: z.string().optional(),
    entity: z.string().optional(),
    constant: z.union([z.string(), z.array(z.string())]).optional(),
    transform: z.array(transformSchema).optional(),
    codes: z.record(z.string(), z.string()).optional(),
    split: z.string().min(1).optional(),
    required: z.boolean().optional(),
  })
  .refine((p) => [p.column, p.entity, p.constant].filter((x) => x !== undefined).length === 1, {
    error: 'a property takes exactly one of column, entity or constant',
  });
/** Where a property's values come from: a column, another entity of the row, or a constant. */
export type PropertySpec = z.infer<typeof propertySpecSchema>;

/** One entity made from each row. */
export const entitySpecSchema = z.strictObject({
  key: z.string().min(1),
  schema: z.string().min(1),
  id: z.strictObject({ columns: z.array(z.string()).min(1), prefix: z.string().optional() }),
  /** When true, a row whose id columns are all empty makes no entity of this kind (and no link to it). */
  optional: z.boolean().optional(),
  /** Make this entity only from rows whose column holds one of these values (e.g. DOC_TYPE P or ID). */
  when: z.strictObject({ column: z.string(), equals: z.union([z.string(), z.array(z.string())]) }).optional(),
  properties: z.record(z.string(), propertySpecSchema).default({}),
});
/** One entity made from each row. */
export type EntitySpec = z.infer<typeof entitySpecSchema>;

const fromColumn = z.strictObject({ column: z.string(), format: z.string().optional() });

/** The provenance stamped on every statement: constants or columns of the row. */
export const provenanceSchema = z.strictObject({
  source: z.union([z.string(), z.strictObject({ column: z.string() })]).optional(),
  collected: z.union([z.string(), fromColumn]).optional(),
  grading: z.string().optional(),
  handling: z.string().optional(),
  conditions: z.string().optional(),
  tlp: z.string().optional(),
});
/** The provenance stamped on every statement: constants or columns of the row. */
export type Provenance = z.infer<typeof provenanceSchema>;

/** A mapping document: how to read a table and turn each row into entities. */
export const mappingSchema = z.strictObject({
  version: z.literal(1),
  dataset: z.string().optional(),
  source: z
    .strictObject({
      format: z.enum(['csv', 'xlsx']),
      delimiter: z.string().length(1).optional(),
      encoding: z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
      sheet: z.string().optional(),
      headerRow: z.number().int().min(1).optional(),
    })
    .default({ format: 'csv' }),
  provenance: provenanceSchema.default({}),
  entities: z.array(entitySpecSchema).min(1),
});
/** A mapping document: how to read a table and turn each row into entities. */
export type Mapping = z.infer<typeof mappingSchema>;

/** Parse a mapping from YAML or JSON text; throws an Invalid error naming the file and field. */
export const parseMapping = (text: string, file = 'mapping'): Mapping => {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw invalid(`${file}: not YAML or JSON: ${(e as Error).message}`, { file });
  }
  const result = mappingSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw invalid(`${file}: ${field === '' ? '' : `${field}: `}${issue?.message ?? 'invalid mapping'}`, {
      file,
      field,
    });
  }
  const mapping = result.data;
  const keys = new Set<string>();
  for (const [i, e] of mapping.entities.entries()) {
    if (keys.has(e.key))
      throw invalid(`${file}: entity key "${e.key}" is used twice`, { file, field: `entities.${i}.key` });
    keys.add(e.key);
  }
  for (const [i, e] of mapping.entities.entries()) {
    for (const [name, p] of Object.entries(e.properties)) {
      if (p.entity !== undefined && !keys.has(p.entity)) {
        throw invalid(`${file}: ${e.key}.${name} refers to "${p.entity}", which is not an entity key`, {
          file,
          field: `entities.${i}.properties.${name}`,
        });
      }
    }
  }
  return mapping;
};

/** The columns a mapping reads, so a header can be checked before any row is. */
export const mappingColumns = (mapping: Mapping): string[] => {
  const out = new Set<string>();
  const p = mapping.provenance;
  if (typeof p.source === 'object') out.add(p.source.column);
  if (typeof p.collected === 'object') out.add(p.collected.column);
  for (const e of mapping.entities) {
    for (const c of e.id.columns) out.add(c);
    if (e.when !== undefined) out.add(e.when.column);
    for (const spec of Object.values(e.properties)) if (spec.column !== undefined) out.add(spec.column);
  }
  return [...out];
};

/** A mapping as YAML text, as `clew mapping suggest` writes drafts. */
export const mappingToYaml = (mapping: Mapping): string => stringifyYaml(mapping);
