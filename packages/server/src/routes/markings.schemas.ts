import { isClewError, parseMarkingJson } from '@clew/core';
import { z } from 'zod';

/**
 * A marking as a request writes it, every field optional, parsed by core's parseMarkingJson so the
 * API, the CLI and FtM files accept exactly the same forms ("amber", "TLP:AMBER", "b2"…). A bad
 * field is reported at its own path, e.g. `body.defaults.tlp`.
 */
export const markingInputSchema = z
  .strictObject({
    source: z.string().optional(),
    collected: z.string().nullable().optional().meta({ description: 'ISO 8601 date, possibly partial' }),
    grading: z
      .string()
      .optional()
      .meta({ description: 'Europol 4x4 grading, e.g. B2', examples: ['B2'] }),
    handling: z
      .string()
      .optional()
      .meta({ description: 'H0, H1, H2 or H3', examples: ['H2'] }),
    conditions: z.string().nullable().optional().meta({ description: 'The conditions of handling code H3' }),
    tlp: z
      .string()
      .optional()
      .meta({ description: 'TLP 2.0 label', examples: ['AMBER'] }),
  })
  .transform((raw, ctx) => {
    try {
      return parseMarkingJson(raw);
    } catch (e) {
      if (!isClewError(e)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message, path: e.where?.field ? [e.where.field] : [] });
      return z.NEVER;
    }
  });
