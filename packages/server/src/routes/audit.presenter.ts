import type { AuditPage } from '@clew/app';
import { z } from 'zod';

/** One audit entry on the wire: who, agency, when, what (ids), why, the outcome, and its place in the chain. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string(), agency: z.string().nullable() }),
  action: z.string(),
  targets: z.array(z.string()),
  purpose: z.string(),
  outcome: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  prevHash: z.string(),
  hash: z.string(),
});

/** A page of the log, newest first. */
export const auditPageSchema = z.object({
  results: z.array(auditEntrySchema),
  next: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Pass as `before` for the next (older) page; null on the last page' }),
});

/** One line of an export: the header, a checkpoint or an entry (see `clew audit verify --file`). */
export const auditExportLineSchema = z
  .object({ type: z.enum(['clew-audit-export', 'checkpoint', 'entry']) })
  .loose();

/** The page as sent. */
export const presentAuditPage = (p: AuditPage): z.input<typeof auditPageSchema> => p;
