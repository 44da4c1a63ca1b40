import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { toMatchRecord, type MatchRecord } from './features.js';
import { DEFAULT_PARAMS } from './model.js';
import { ScreeningIndex, type ScreeningHit, type ScreeningQuery } from './screening-index.js';
import { jaroWinkler } from './similarity.js';

// A deterministic generator (LCG) of namesakes: entities from small pools of given and family names
// (in Latin, Cyrillic and Arabic script), a few birth dates, countries and genders, each entity kept as
// up to three index records (`entity/variant`) with the slips agencies make.
const rng = (seed: number): ((k: number) => number) => {
  let s = seed;
  return (k) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % k;
  };
};

const GIVEN = [
  'Mohammed',
  'Muhammad',
  'Ivan',
  'Иван',
  'Amina',
  'Fatima',
  'Olga',
  'Ольга',
  'Yohannes',
  'محمد',
];
const FAMILY = ['Hassan', 'Hasan', 'Petrov', 'Петров', 'Haile', 'Okafor', 'Diallo', 'حسن', 'Ivanova'];
const MIDDLE = ['Ali', 'Ahmed', 'Sergeyevich', ''];

interface Person {
  name: string;
  date: string;
  country: string;
  gender: string;
  passport: string;
}

const personOf = (rnd: (k: number) => number): Person => {
  const middle = MIDDLE[rnd(MIDDLE.length)] ?? '';
  const name = [GIVEN[rnd(GIVEN.length)], middle, FAMILY[rnd(FAMILY.length)]].filter((x) => x).join(' ');
  // Few years and days: many records share a birth date, so log-odds tie often.
  const date = `${1970 + rnd(6)}-0${1 + rnd(3)}-1${rnd(3)}`;
  const country = ['ER', 'RU', 'EG', 'NG'][rnd(4)] ?? 'ER';
  const passport = `X${String(100000 + rnd(400))}`;
  return { name, date, country, gender: rnd(2) === 0 ? 'male' : 'female', passport };
};

// One way of writing a person down: some properties dropped or slipped, as `slip` says.
const written = (p: Person, slip: number): Record<string, string[]> => {
  const props: Record<string, string[]> = { name: [p.name] };
  if (slip !== 1) props.birthDate = [slip === 2 ? p.date.slice(0, 4) : p.date];
  if (slip !== 3) props.nationality = [p.country];
  if (slip % 2 === 0) props.gender = [p.gender];
  if (slip === 4 || slip === 5) props.passportNumber = [p.passport];
  if (slip === 6) props.alias = [p.name.split(' ').reverse().join(' ')];
  return props;
};

const indexed = (entities: number, seed: number): MatchRecord[] => {
  const rnd = rng(seed);
  const out: MatchRecord[] = [];
  for (let e = 0; e < entities; e++) {
    const p = personOf(rnd);
    for (let v = 0, variants = 1 + rnd(3); v < variants; v++)
      out.push(
        toMatchRecord({ schema: 'Person', properties: written(p, v === 0 ? 0 : rnd(7)) }, `e${e}/v${v}`),
      );
  }
  return out;
};

const entityOf = (id: string): string => id.split('/')[0] ?? id;

// The hits as they were ranked before pruning: every candidate compared, sorted by log-odds, then the
// name written most like the example's (every pair's Jaro–Winkler), then the pre-score (stably).
const reference = (index: ScreeningIndex, q: MatchRecord, options: ScreeningQuery): ScreeningHit[] => {
  const all = index.query(q, { ...options, limit: Infinity, group: undefined, prune: false });
  const like = (h: ScreeningHit): number =>
    Math.max(0, ...q.names.flatMap((x) => h.record.names.map((y) => jaroWinkler(x.latin, y.latin))));
  const ranked = [...all].sort(
    (a, b) => b.comparison.logOdds - a.comparison.logOdds || like(b) - like(a) || b.prescore - a.prescore,
  );
  const limit = options.limit ?? 10;
  if (options.group === undefined) return ranked.slice(0, limit);
  const seen = new Set<string>();
  return ranked
    .filter((h) => {
      const g = options.group?.(h.id) ?? h.id;
      if (seen.has(g)) return false;
      seen.add(g);
      return true;
    })
    .slice(0, limit);
};

describe('ScreeningIndex pruning', () => {
  const records = indexed(2500, 11);
  const index = new ScreeningIndex();
  for (const r of records) index.add(r);

  it('returns exactly the hits of comparing every candidate, for many random queries and options', () => {
    const rnd = rng(5);
    let bounded = 0;
    let queries = 0;
    for (let i = 0; i < 400; i++) {
      // Half the queries are an indexed record written again, half someone new.
      const props =
        i % 2 === 0
          ? written(personOf(rnd), rnd(7))
          : { name: records[rnd(records.length)]?.names.map((n) => n.text) ?? [] };
      const q = toMatchRecord({ schema: 'Person', properties: props });
      const options: ScreeningQuery = {
        limit: [1, 3, 10, 25][rnd(4)],
        minScore: [0, 0, 0.1, 0.5, 0.9][rnd(5)],
        ...(rnd(2) === 0 ? { group: entityOf } : {}),
        ...(rnd(4) === 0 ? { candidates: 80 } : {}),
      };
      const pruned = index.query(q, options);
      bounded += index.lastStats.bounded;
      queries++;
      expect(pruned).toEqual(reference(index, q, options));
      expect(pruned).toEqual(index.query(q, { ...options, prune: false }));
      for (const h of pruned) expect(h.comparison).toEqual(compare(q, h.record, DEFAULT_PARAMS));
    }
    // The bound must have set candidates aside (else this test proves nothing about it).
    expect(bounded / queries).toBeGreaterThan(5);
  });

  it('returns the best record of each entity, limit counting entities, in the ungrouped order', () => {
    const q = toMatchRecord({ schema: 'Person', properties: { name: ['Mohammed Ali Hassan'] } });
    const ungrouped = index.query(q, { limit: Infinity, prune: false });
    const grouped = index.query(q, { limit: 5, group: entityOf });
    expect(grouped).toHaveLength(5);
    expect(new Set(grouped.map((h) => entityOf(h.id))).size).toBe(5);
    const firsts = ungrouped.filter(
      (h, i) => ungrouped.findIndex((o) => entityOf(o.id) === entityOf(h.id)) === i,
    );
    expect(grouped.map((h) => h.id)).toEqual(firsts.slice(0, 5).map((h) => h.id));
  });

  it('sets every candidate aside when no hit is asked for', () => {
    expect(
      index.query(records[0] ?? toMatchRecord({ schema: 'Person', properties: {} }), { limit: 0 }),
    ).toEqual([]);
    expect(index.lastStats.compared).toBe(0);
  });
});
