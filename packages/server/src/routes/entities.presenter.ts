import type { EntityPage, EntityView } from '@clew/app';
import { gradingOf, type Statement } from '@clew/core';
import { z } from 'zod';
import { markingSchema } from './markings.presenter.js';

/** An entity on the wire: the merge of the statements the reader may see. */
export const entitySchema = z.object({
  id: z.string(),
  schema: z.string(),
  caption: z.string(),
  datasets: z.array(z.string()),
  properties: z.record(z.string(), z.array(z.string())),
  records: z
    .array(z.object({ dataset: z.string(), originalId: z.string() }))
    .meta({ description: 'One per dataset stating something about the entity: the id its file used' }),
});

/** A page of entities on the wire. */
export const entityPageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  results: z.array(entitySchema),
});

/** Where a statement came from and how it may be handled. */
export const provenanceSchema = markingSchema.extend({ dataset: z.string(), agency: z.string() });

/** One statement on the wire, with its provenance. */
export const statementSchema = z.object({
  id: z.string(),
  schema: z.string(),
  prop: z.string(),
  propType: z.string(),
  value: z.string(),
  provenance: provenanceSchema,
});

/** The statements about one entity. */
export const statementListSchema = z.object({ entityId: z.string(), results: z.array(statementSchema) });

/** Present an entity. */
export const presentEntity = (e: EntityView): z.input<typeof entitySchema> => ({
  id: e.id,
  schema: e.schema,
  caption: e.caption,
  datasets: [...e.datasets],
  properties: { ...e.properties },
  records: e.records.map((r) => ({ dataset: r.dataset, originalId: r.originalId })),
});

/** Present a page of entities. */
export const presentEntityPage = (p: EntityPage): z.input<typeof entityPageSchema> => ({
  total: p.total,
  limit: p.limit,
  offset: p.offset,
  results: p.results.map(presentEntity),
});

/** Present one statement with its provenance. */
export const presentStatement = (s: Statement): z.input<typeof statementSchema> => ({
  id: s.id,
  schema: s.schema,
  prop: s.prop,
  propType: s.propType,
  value: s.value,
  provenance: {
    dataset: s.dataset,
    agency: s.agency,
    source: s.source,
    collected: s.collected,
    grading: gradingOf(s),
    handling: s.handling,
    conditions: s.handlingConditions,
    tlp: s.tlp,
  },
});

/** Present the statements about an entity, in the service's order (by dataset, then as written). */
export const presentStatements = (
  entityId: string,
  statements: readonly Statement[],
): z.input<typeof statementListSchema> => ({
  entityId,
  results: statements.map(presentStatement),
});
