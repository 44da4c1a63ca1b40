import type { Migration } from 'kysely';
import { initial } from './0001-initial.js';

/** Every migration this version of Clew knows, in order. Names are permanent: never rename one. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
};
