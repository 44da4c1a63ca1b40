import type { Schema } from '@alephdata/followthemoney';
import { commonSchema, ftmModel } from './model.js';
import type { StatementDraft } from './statement.js';

/** An entity as the merge of the statements about it that the reader may see. */
export interface MergedEntity {
  id: string;
  schema: string;
  caption: string;
  /** Datasets that state something about the entity, in first-seen order. */
  datasets: string[];
  properties: Record<string, string[]>;
}

/**
 * Merge statements about one entity: values are unioned in order (dataset by dataset, then by
 * position), the schema is the most specific one all datasets agree on, and the caption follows the
 * schema's caption properties as FollowTheMoney does.
 */
// Reads no statement id: merging drafts (without a SHA-1 each) gives the same entity.
export const mergeStatements = (statements: readonly StatementDraft[]): MergedEntity => {
  const first = statements[0];
  if (!first) throw new Error('mergeStatements needs at least one statement');
  let schema: Schema = ftmModel.getSchema(first.schema);
  const datasets: string[] = [];
  const properties: Record<string, string[]> = {};
  for (const s of statements) {
    if (!datasets.includes(s.dataset)) datasets.push(s.dataset);
    if (s.schema !== schema.name) schema = commonSchema(schema, ftmModel.getSchema(s.schema)) ?? schema;
    const list = (properties[s.prop] ??= []);
    if (!list.includes(s.value)) list.push(s.value);
  }
  return {
    id: first.entityId,
    schema: schema.name,
    caption: captionOf(schema, properties),
    datasets,
    properties,
  };
};

/** The display label of an entity: the first value of the schema's caption properties. */
export const captionOf = (schema: Schema, properties: Record<string, string[]>): string => {
  for (const prop of schema.caption) {
    const v = properties[prop]?.[0];
    if (v) return v;
  }
  return schema.label;
};
