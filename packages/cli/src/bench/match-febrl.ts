import {
  chooseThreshold,
  DEFAULT_PARAMS,
  dedupe,
  estimateParams,
  scoreVector,
  toMatchRecord,
  vectorOf,
  type MatchInput,
} from '@clew/core';

/**
 * FEBRL dataset3 deduplication as the evaluation runs it (blocking → EM → the threshold that maximises
 * pairwise F1, counting true pairs that blocking missed): for the CI floor in match-febrl.test.ts.
 */

// FEBRL CSV has no quoted fields: header → rows of trimmed cells.
const rowsOf = (csv: string): Record<string, string>[] => {
  const [header = '', ...lines] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = header.split(',').map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? '').trim()]));
  });
};

/** A FEBRL row as a Person (rec-<entity>-org|dup-<k>), its address and social security number included. */
export const febrlPerson = (row: Record<string, string>): MatchInput & { entity: string } => ({
  id: row.rec_id ?? '',
  entity: (row.rec_id ?? '').split('-')[1] ?? '',
  schema: 'Person',
  properties: {
    firstName: [row.given_name ?? ''],
    lastName: [row.surname ?? ''],
    birthDate: [row.date_of_birth ?? ''],
    idNumber: [row.soc_sec_id ?? ''],
    address: [
      [row.street_number, row.address_1, row.address_2, row.suburb, row.postcode, row.state].join(' ').trim(),
    ],
    postalCode: [row.postcode ?? ''],
  },
});

/** Pairwise precision, recall and F1 of deduplicating one FEBRL file, with the true pairs blocking found. */
export const febrlDedupe = (csv: string) => {
  const people = rowsOf(csv).map(febrlPerson);
  const records = people.map((p) => toMatchRecord(p));
  const pairs = dedupe(records, DEFAULT_PARAMS);
  const vectors = pairs.map((p) => vectorOf(p.comparison));
  const { params } = estimateParams(vectors, DEFAULT_PARAMS);
  const counts = new Map<string, number>();
  for (const p of people) counts.set(p.entity, (counts.get(p.entity) ?? 0) + 1);
  let truePairs = 0;
  for (const c of counts.values()) truePairs += (c * (c - 1)) / 2;
  const labelled = pairs.map((p, i) => ({
    score: scoreVector(vectors[i] ?? {}, params),
    same: people[p.left]?.entity === people[p.right]?.entity,
  }));
  return { ...chooseThreshold(labelled, truePairs), truePairs, found: labelled.filter((l) => l.same).length };
};
