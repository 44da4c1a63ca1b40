import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ScaleName } from '@clew/demo';
import { benchPeople } from './screening-people.js';

/**
 * Write a dataset to deduplicate: every Person record of a demo world (seed 42) as its agencies wrote
 * them, then people recombined from the world's names (screening-people.ts) up to `n`, as FtM JSON
 * lines. Returns the world records' true clusters by id (recombined people are nobody's duplicates).
 */
export const writeMixedPeople = async (
  file: string,
  n: number,
  scale: ScaleName,
): Promise<Map<string, string>> => {
  const people = benchPeople(scale, Number.MAX_SAFE_INTEGER);
  const truth = new Map<string, string>();
  const out = createWriteStream(file);
  const write = async (entity: unknown): Promise<void> => {
    if (!out.write(`${JSON.stringify(entity)}\n`)) await once(out, 'drain');
  };
  for (const t of people.truths) {
    truth.set(t.input.id, t.input.id);
    await write(t.input);
  }
  for (const q of people.queries) {
    if (q.input.id === undefined) continue;
    truth.set(q.input.id, q.truth);
    await write(q.input);
  }
  for (let i = truth.size; i < n; i++) await write(people.filler(i).input);
  out.end();
  await once(out, 'finish');
  return truth;
};
