import { AGENCY_KINDS, type Agency } from '@clew/app';
import { z } from 'zod';

/** An agency on the wire. */
export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  country: z
    .string()
    .nullable()
    .meta({ description: 'ISO 3166 alpha-2, lower case; null for international bodies' }),
  createdAt: z.string(),
});

/** A list of agencies on the wire. */
export const agencyListSchema = z.object({ results: z.array(agencySchema) });

/** Present an agency. */
export const presentAgency = (a: Agency): z.input<typeof agencySchema> => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  country: a.country,
  createdAt: a.createdAt,
});
