import { ScreeningIndex, toMatchRecord, type MatchParams, type MatchRecord } from '@clew/core';
import { parseCsv } from '@clew/demo';

/**
 * Screening quality on the shared synthetic people (yente's candidate-generation fixtures and
 * nomenklatura's one-name-many-scripts list): the false-alarm rate of people who are nobody on the
 * list, and whether every spelling of one name resolves to that one person. Used by match-eval.ts and
 * pinned by match-screening.test.ts.
 */

/** A person of negatives_{global,us}.csv as a MatchRecord (birth place has no feature yet). */
export const negativePeople = (csv: string, prefix: string): MatchRecord[] => {
  const [header = [], ...rows] = parseCsv(csv);
  const col = (name: string): number => header.indexOf(name);
  const at = (row: readonly string[], name: string): string[] => {
    const v = row[col(name)] ?? '';
    return v === '' ? [] : [v];
  };
  return rows
    .filter((r) => r.length === header.length)
    .map((r, i) =>
      toMatchRecord({
        id: `${prefix}${i}`,
        schema: 'Person',
        properties: {
          name: at(r, 'full_name'),
          firstName: at(r, 'first_name'),
          middleName: at(r, 'middle_name'),
          lastName: at(r, 'last_name'),
          gender: at(r, 'gender'),
          birthDate: at(r, 'date_of_birth'),
          nationality: at(r, 'nationality'),
        },
      }),
    );
};

/** An index of records. */
export const indexOf = (records: readonly MatchRecord[], params: MatchParams): ScreeningIndex => {
  const index = new ScreeningIndex({ params });
  for (const r of records) index.add(r);
  return index;
};

/** The best score each query reaches against the index (0 when nothing is a candidate). */
export const topScores = (index: ScreeningIndex, queries: readonly MatchRecord[]): number[] =>
  queries.map((q) => index.query(q, { limit: 1 })[0]?.comparison.score ?? 0);

/** Share of queries whose best candidate scores at or above the threshold. */
export const alarmRate = (scores: readonly number[], threshold: number): number =>
  scores.filter((s) => s >= threshold).length / Math.max(1, scores.length);

/**
 * The operating threshold for screening: the lowest of `grid` at which at most `rate` of the queries
 * (people known to be on no list) raise a candidate. Choose it on one sample, report on another.
 */
export const screeningThreshold = (
  scores: readonly number[],
  rate: number,
  grid: readonly number[],
): number => [...grid].sort((a, b) => a - b).find((t) => alarmRate(scores, t) <= rate) ?? 1;

/** One name in many scripts: how many lines have the reference person as their best candidate. */
export const oneNameResolution = (
  lines: readonly string[],
  reference: MatchRecord,
  crowd: readonly MatchRecord[],
  params: MatchParams,
): { resolved: number; missed: string[] } => {
  const index = indexOf([...crowd, reference], params);
  const missed: string[] = [];
  lines.forEach((line, i) => {
    const q = toMatchRecord({ id: `line${i}`, schema: 'Person', properties: { name: [line] } });
    if (index.query(q, { limit: 1 })[0]?.id !== reference.id) missed.push(line);
  });
  return { resolved: lines.length - missed.length, missed };
};
