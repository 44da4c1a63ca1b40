import { invalid } from '@clew/core';
import { seedFrom } from './prng.js';

/** The named sizes of a world. */
export type ScaleName = 'tiny' | 'small' | 'medium' | 'large';

/** How many people (group members and migrants) each named scale has. */
export const SCALE_PRESETS: Readonly<Record<ScaleName, number>> = {
  tiny: 200,
  small: 5_000,
  medium: 50_000,
  large: 1_000_000,
};

/** What shapes a world, without the output directory: the input of the pure record stream. */
export interface WorldOptions {
  /** Any integer or string; the same seed gives byte-identical output. */
  seed: number | string;
  /** A named preset or a number of people (at least 20). */
  scale: ScaleName | number;
  /** How messy the records are, from 0 (clean) to 1 (very); default 0.3. */
  noise?: number;
  /** Number of organised crime groups; default about one per 200 people, at least 5. */
  groups?: number;
}

/** WorldOptions checked and completed. */
export interface ResolvedWorldOptions {
  seed: number;
  seedLabel: string;
  people: number;
  noise: number;
  groups: number;
}

/** The fewest people a world can have: one small group per corridor. */
export const MIN_PEOPLE = 20;
const PEOPLE_PER_GROUP = 200;
const MIN_PEOPLE_PER_GROUP = 12;

const isScaleName = (s: string): s is ScaleName => Object.hasOwn(SCALE_PRESETS, s);

/** Check the options and fill in the defaults; throws an Invalid ClewError naming the bad option. */
export const resolveWorldOptions = (o: WorldOptions): ResolvedWorldOptions => {
  let seed: number;
  if (typeof o.seed === 'number') {
    if (!Number.isSafeInteger(o.seed))
      throw invalid(`seed must be an integer or a string, got ${o.seed}`, { field: 'seed' });
    seed = seedFrom('seed', o.seed);
  } else if (typeof o.seed === 'string' && o.seed.length > 0) {
    seed = seedFrom('seed', o.seed);
  } else {
    throw invalid('seed must be an integer or a non-empty string', { field: 'seed' });
  }
  let people: number;
  if (typeof o.scale === 'number') {
    if (!Number.isInteger(o.scale) || o.scale < MIN_PEOPLE) {
      throw invalid(`scale must be a whole number of people, at least ${MIN_PEOPLE}, got ${o.scale}`, {
        field: 'scale',
      });
    }
    people = o.scale;
  } else if (typeof o.scale === 'string' && isScaleName(o.scale)) {
    people = SCALE_PRESETS[o.scale];
  } else {
    throw invalid(
      `unknown scale ${JSON.stringify(o.scale)}: expected one of ${Object.keys(SCALE_PRESETS).join(', ')} or a number of people`,
      { field: 'scale' },
    );
  }
  const noise = o.noise ?? 0.3;
  if (typeof noise !== 'number' || !(noise >= 0 && noise <= 1)) {
    throw invalid(`noise must be a number from 0 to 1, got ${String(noise)}`, { field: 'noise' });
  }
  const maxGroups = Math.floor(people / MIN_PEOPLE_PER_GROUP);
  const groups = o.groups ?? Math.min(maxGroups, Math.max(5, Math.round(people / PEOPLE_PER_GROUP)));
  if (!Number.isInteger(groups) || groups < 1 || groups > maxGroups) {
    throw invalid(
      `groups must be a whole number from 1 to ${maxGroups} for ${people} people (${MIN_PEOPLE_PER_GROUP} people per group at least), got ${String(groups)}`,
      { field: 'groups' },
    );
  }
  return { seed, seedLabel: String(o.seed), people, noise, groups };
};
