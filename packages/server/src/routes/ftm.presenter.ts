import type { ImportReport } from '@clew/app';
import { z } from 'zod';

/** How many rejections a report carries; `rejected` counts them all. */
export const REPORTED_REJECTIONS = 100;

/** One rejected line on the wire. */
export const rejectionSchema = z.object({
  line: z.number().int(),
  entity: z.string().optional(),
  property: z.string().optional(),
  reason: z.string(),
});

/** What an import did, on the wire. */
export const importReportSchema = z.object({
  importId: z.string(),
  dataset: z.string(),
  lines: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  statements: z.number().int(),
  seconds: z.number(),
  rejections: z
    .array(rejectionSchema)
    .meta({ description: `The first ${REPORTED_REJECTIONS} rejected lines, with their line numbers` }),
});

/** One line of an FtM export: a FollowTheMoney entity, with Clew's `clew` marking extension. */
export const ftmLineSchema = z.object({
  id: z.string(),
  schema: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  clew: z.record(z.string(), z.unknown()).optional(),
});

/** Present an import report. */
export const presentImportReport = (r: ImportReport): z.input<typeof importReportSchema> => ({
  importId: r.importId,
  dataset: r.dataset,
  lines: r.lines,
  accepted: r.accepted,
  rejected: r.rejected,
  statements: r.statements,
  seconds: r.seconds,
  rejections: r.rejections.slice(0, REPORTED_REJECTIONS).map((x) => ({
    line: x.line,
    ...(x.entity === undefined ? {} : { entity: x.entity }),
    ...(x.property === undefined ? {} : { property: x.property }),
    reason: x.reason,
  })),
});
