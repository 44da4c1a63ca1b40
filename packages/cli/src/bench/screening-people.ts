import type { MatchInput } from '@clew/core';
import { Rng, worldRecords, type ScaleName } from '@clew/demo';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * The people of the screening benchmark. A demo world gives persons as agencies recorded them, each
 * with its true cluster: the first record of each cluster goes into the index (the "hub"), the other
 * records of the same cluster are the queries, and their truth is that first record. The index is then
 * filled up to the wanted size with people recombined from the world's own given, father's and family
 * names (in whatever script the agencies wrote them), random birth dates, nationalities and phones.
 */

/** A person to index, with the name pg_trgm sees. */
export interface BenchPerson {
  input: MatchInput & { id: string };
  name: string;
}

/** A query record and the id of the indexed record of the same person. */
export interface BenchQuery {
  input: MatchInput;
  name: string;
  truth: string;
}

/** The benchmark's people. */
export interface BenchPeople {
  /** Indexed people that some query should find (one per world cluster). */
  truths: BenchPerson[];
  queries: BenchQuery[];
  /** Builds filler person `i` (deterministic), recombined from the world's names. */
  filler: (i: number) => BenchPerson;
}

const KEPT = [
  'name',
  'alias',
  'firstName',
  'middleName',
  'fatherName',
  'lastName',
  'birthDate',
  'nationality',
];
const IDS = ['gender', 'phone', 'email', 'passportNumber', 'idNumber'];

const pick = (props: Readonly<Record<string, readonly string[]>>, keys: readonly string[]) =>
  Object.fromEntries(keys.flatMap((k) => (props[k] === undefined ? [] : [[k, [...(props[k] ?? [])]]])));

/** Name and birth date only (as a name screening list gives them). */
export const nameAndDate = (q: MatchInput): MatchInput => ({
  schema: q.schema,
  properties: pick(q.properties, ['name', 'alias', 'firstName', 'fatherName', 'lastName', 'birthDate']),
});

/** People from a demo world (seed 42) at a scale, with at most `maxQueries` queries. */
export const benchPeople = (scale: ScaleName, maxQueries: number, seed = 42): BenchPeople => {
  const truths: BenchPerson[] = [];
  const queries: BenchQuery[] = [];
  const firstOf = new Map<string, string>();
  const given: string[] = [];
  const father: string[] = [];
  const family: string[] = [];
  const countries: string[] = [];
  const rng = new Rng(seed);
  for (const r of worldRecords({ seed, scale })) {
    if (r.type !== 'entity' || r.entity.schema !== 'Person') continue;
    const props = r.entity.properties;
    const name = props.name?.[0] ?? '';
    const input = { id: r.entity.id, schema: 'Person', properties: pick(props, [...KEPT, ...IDS]) };
    given.push(...(props.firstName ?? []));
    father.push(...(props.fatherName ?? []));
    family.push(...(props.lastName ?? []));
    countries.push(...(props.nationality ?? []));
    const truth = firstOf.get(r.cluster);
    if (truth === undefined) {
      firstOf.set(r.cluster, r.entity.id);
      truths.push({ input, name });
    } else queries.push({ input, name, truth });
  }
  const sample = rng.sample(queries, maxQueries);
  const filler = (i: number): BenchPerson => {
    const f = new Rng(seed * 1_000_003 + i);
    const parts = [f.pick(given), ...(f.chance(0.3) ? [f.pick(father)] : []), f.pick(family)];
    const name = parts.join(' ');
    const date = `${f.int(1950, 2006)}-${String(f.int(1, 12)).padStart(2, '0')}-${String(f.int(1, 28)).padStart(2, '0')}`;
    const properties: Record<string, string[]> = {
      name: [name],
      birthDate: [f.chance(0.8) ? date : date.slice(0, 4)],
      nationality: [f.pick(countries)],
    };
    if (f.chance(0.7)) properties.phone = [`+39 3${f.digits(9)}`];
    return { input: { id: `filler-${i}`, schema: 'Person', properties }, name };
  };
  return { truths, queries: sample, filler };
};

/**
 * Write the benchmark's people as files another process can load (the HTTP screening benchmark):
 * `<dir>/screening-people-<size>.ftm.jsonl` (FtM JSON lines, truths first) and
 * `<dir>/screening-queries.json` (the queries with their truths). Returns the two paths.
 */
export const writeBenchPeople = async (
  people: BenchPeople,
  size: number,
  dir: string,
): Promise<{ peopleFile: string; queriesFile: string }> => {
  mkdirSync(dir, { recursive: true });
  const peopleFile = join(dir, `screening-people-${size}.ftm.jsonl`);
  const queriesFile = join(dir, 'screening-queries.json');
  const out = createWriteStream(peopleFile);
  const fillers = Math.max(0, size - people.truths.length);
  for (let i = 0; i < people.truths.length + fillers; i++) {
    const p = i < people.truths.length ? people.truths[i] : people.filler(i - people.truths.length);
    if (p && !out.write(`${JSON.stringify(p.input)}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  writeFileSync(queriesFile, JSON.stringify(people.queries.map((q) => ({ ...q.input, truth: q.truth }))));
  return { peopleFile, queriesFile };
};
