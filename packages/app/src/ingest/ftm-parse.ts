import {
  ClewError,
  captionOf,
  entityToDrafts,
  parseFtmLine,
  signEntityId,
  type ErrorLocation,
  type FtmEntity,
  type StatementTarget,
} from '@clew/core';
import { draftsShareable, nodeHashing, packStatements, type FragmentWrite } from '@clew/store';

/** One rejected line: where, which entity and property, and why. */
export interface Rejection {
  line: number;
  entity?: string | undefined;
  property?: string | undefined;
  reason: string;
}

/** A batch of lines turned into fragments ready to write, and the lines refused. */
export interface ParsedBatch {
  fragments: FragmentWrite[];
  rejections: Rejection[];
  statements: number;
}

/** A domain error as a rejection of a line; any other error is a bug and propagates. */
export const rejectionOf = (line: number, e: unknown): Rejection => {
  if (e instanceof ClewError) {
    const w: ErrorLocation = e.where ?? {};
    return { line, entity: w.entity, property: w.property ?? w.field, reason: e.message };
  }
  throw e;
};

// The values captionOf reads (the schema's caption properties), without copying every property.
const captionValues = (entity: FtmEntity): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const prop of entity.schema.caption) {
    const values = entity.properties.get(prop);
    if (values !== undefined) out[prop] = values;
  }
  return out;
};

/** An entity as the fragment a dataset writes: namespaced id, caption, packed statements. */
export const toFragment = (
  entity: FtmEntity,
  target: StatementTarget,
): { fragment: FragmentWrite; statements: number } => {
  const drafts = entityToDrafts(nodeHashing, entity, target);
  return {
    fragment: {
      // The drafts carry the signed id: signing it again would cost a SHA-1 per entity.
      entityId: drafts[0]?.entityId ?? signEntityId(nodeHashing, target.namespaceKey, entity.id),
      originalId: entity.id,
      schema: entity.schema.name,
      caption: captionOf(entity.schema, captionValues(entity)),
      packed: packStatements(drafts),
      shareable: draftsShareable(drafts),
    },
    statements: drafts.length,
  };
};

/**
 * Parse, check and pack a batch of FtM JSON lines for a dataset. Pure CPU work with plain-data input
 * and output, so it runs the same inline or in a worker thread. Blank lines are skipped.
 */
export const parseFtmBatch = (
  lines: readonly string[],
  firstLine: number,
  target: StatementTarget,
): ParsedBatch => {
  const out: ParsedBatch = { fragments: [], rejections: [], statements: 0 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    try {
      const { fragment, statements } = toFragment(parseFtmLine(line), target);
      out.fragments.push(fragment);
      out.statements += statements;
    } catch (e) {
      out.rejections.push(rejectionOf(firstLine + i, e));
    }
  }
  return out;
};
