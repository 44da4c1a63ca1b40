import { gradingOf, HANDLING_CODES, TLP_LEVELS, type Marking } from '@clew/core';
import { z } from 'zod';

/** A marking on the wire, in the form FtM files use: `{source, collected, grading: "B2", handling, conditions, tlp}`. */
export const markingSchema = z.object({
  source: z.string(),
  collected: z.string().nullable(),
  grading: z
    .string()
    .meta({ description: 'Europol 4x4 grading: source reliability A/B/C/X and assessment 1-4' }),
  handling: z.enum(HANDLING_CODES),
  conditions: z.string().nullable().meta({ description: 'The conditions of handling code H3' }),
  tlp: z.enum(TLP_LEVELS),
});

/** A marking as sent. */
export type MarkingWire = z.input<typeof markingSchema>;

/** Present a marking. */
export const presentMarking = (m: Marking): MarkingWire => ({
  source: m.source,
  collected: m.collected,
  grading: gradingOf(m),
  handling: m.handling,
  conditions: m.handlingConditions,
  tlp: m.tlp,
});
