import type { Migration } from 'kysely';
import { initial } from './0001-initial.js';
import { importCheckpoints } from './0002-import-checkpoints.js';
import { matching } from './0003-matching.js';
import { accounts } from './0004-accounts.js';
import { audit } from './0005-audit.js';
import { hits } from './0006-hits.js';
import { fragmentsLayout } from './0007-fragments-layout.js';
import { fragmentsDatasetAgency } from './0008-fragments-dataset-agency.js';

/** Every migration this version of Clew knows, in order. Names are permanent: never rename one. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-import-checkpoints': importCheckpoints,
  '0003-matching': matching,
  '0004-accounts': accounts,
  '0005-audit': audit,
  '0006-hits': hits,
  '0007-fragments-layout': fragmentsLayout,
  '0008-fragments-dataset-agency': fragmentsDatasetAgency,
};
