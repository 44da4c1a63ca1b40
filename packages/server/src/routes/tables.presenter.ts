import type { TableJob } from '@clew/app';
import { z } from 'zod';

/** How many rejected rows a job's status carries; `rejected` counts them all. */
export const JOB_REJECTIONS = 20;

const rowRejectionSchema = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  field: z.string().optional(),
  reason: z.string(),
});

/** A background table import on the wire: its status, counters, rate, and the first rejected rows. */
export const tableJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  seconds: z.number(),
  importId: z.string().optional(),
  rows: z.number().int().meta({ description: 'Data rows read (accepted or rejected)' }),
  accepted: z.number().int(),
  rejected: z.number().int(),
  entities: z.number().int(),
  statements: z.number().int(),
  rowsPerSecond: z.number(),
  /** Rows an interrupted earlier run of the same import had committed. */
  resumedAt: z.number().int(),
  bySchema: z.record(z.string(), z.number().int()),
  rejections: z
    .array(rowRejectionSchema)
    .meta({ description: `The first ${JOB_REJECTIONS} rejected rows, with their row numbers` }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** Present a table job. */
export const presentTableJob = (j: TableJob): z.input<typeof tableJobSchema> => {
  const r = j.result;
  const p = r ?? j.progress;
  const resumedAt = r?.resumedAt ?? 0;
  const rows = p?.rows ?? 0;
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    createdAt: j.createdAt,
    ...(j.startedAt === undefined ? {} : { startedAt: j.startedAt }),
    ...(j.finishedAt === undefined ? {} : { finishedAt: j.finishedAt }),
    seconds: j.seconds,
    ...(r?.importId === undefined ? {} : { importId: r.importId }),
    rows,
    accepted: p?.accepted ?? 0,
    rejected: p?.rejected ?? 0,
    entities: p?.entities ?? 0,
    statements: p?.statements ?? 0,
    rowsPerSecond: j.seconds > 0 ? Math.round((rows - resumedAt) / j.seconds) : 0,
    resumedAt,
    bySchema: r?.bySchema ?? {},
    rejections: (r?.rejections ?? []).slice(0, JOB_REJECTIONS).map((x) => ({
      row: x.row,
      ...(x.column === undefined ? {} : { column: x.column }),
      ...(x.field === undefined ? {} : { field: x.field }),
      reason: x.reason,
    })),
    ...(j.error === undefined ? {} : { error: j.error }),
  };
};
