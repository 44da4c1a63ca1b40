import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { toMatchRecord, type MatchRecord } from './features.js';
import { DEFAULT_PARAMS } from './model.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import { ScreeningIndex } from './screening-index.js';
import { screeningKeys } from './screening-keys.js';

type Props = Record<string, string[]>;
const person = (id: string, properties: Props): MatchRecord =>
  toMatchRecord({ id, schema: 'Person', properties });
const query = (properties: Props, schema = 'Person'): MatchRecord => toMatchRecord({ schema, properties });

const GIVEN = ['Mohammed', 'Yohannes', 'Amina', 'Ivan', 'Fatima', 'Tesfaye', 'Olga', 'Arben', 'Blessing'];
const FAMILY = ['Haile', 'Petrov', 'Hassan', 'Okafor', 'Berhane', 'Ibrahim', 'Hoxha', 'Diallo', 'Osman'];

// A crowd of people who share tokens with the targets but not their birth dates.
const crowd = (): MatchRecord[] =>
  GIVEN.flatMap((g, i) =>
    FAMILY.map((f, j) =>
      person(`c-${i}-${j}`, { name: [`${g} ${f}`], birthDate: [`${1950 + ((i * 9 + j) % 40)}-01-15`] }),
    ),
  );

const build = (records: readonly MatchRecord[]): ScreeningIndex => {
  const index = new ScreeningIndex();
  for (const r of records) index.add(r);
  return index;
};

const target = person('t1', {
  name: ['Mohammed Ali Hassan'],
  birthDate: ['1985-03-02'],
  nationality: ['er'],
  passportNumber: ['ER1234567'],
});

describe('ScreeningIndex', () => {
  it('finds a person written in Arabic script first, with the explanation compare gives', () => {
    const index = build([...crowd(), target]);
    const q = query({ name: ['محمد علي حسن'], birthDate: ['1985-03-02'] });
    const [top] = index.query(q);
    expect(top?.id).toBe('t1');
    expect(top?.comparison).toEqual(compare(q, target, DEFAULT_PARAMS));
    expect(top?.comparison.match).toBe(true);
    expect(top?.comparison.features.find((f) => f.feature === 'date')?.level).toBe('exact');
  });

  it('finds a person by passport number alone, with S for 5', () => {
    const index = build([...crowd(), target]);
    const [top] = index.query(query({ passportNumber: ['1234S67'] }));
    expect(top?.id).toBe('t1');
    expect(top?.comparison.features.find((f) => f.feature === 'document')?.level).toBe('confusable');
  });

  it('ranks the same name with the same birth date above namesakes born other years', () => {
    const people = [1960, 1970, 1980, 1985, 1990].map((y, i) =>
      person(`s${i}`, { name: ['Mohammed Hassan'], birthDate: [`${y}-03-02`] }),
    );
    const index = build([...crowd(), ...people]);
    const hits = index.query(query({ name: ['Muhammad Hasan'], birthDate: ['1985-03-02'] }), { limit: 3 });
    expect(hits[0]?.id).toBe('s3');
    expect(hits.map((h) => h.comparison.score)).toEqual(
      [...hits.map((h) => h.comparison.score)].sort((a, b) => b - a),
    );
  });

  it('applies limit, minScore and exclude', () => {
    const index = build([...crowd(), target]);
    const q = target;
    expect(index.query(q, { limit: 2 })).toHaveLength(2);
    expect(index.query(q, { exclude: 't1' }).map((h) => h.id)).not.toContain('t1');
    const strict = index.query(q, { minScore: 0.5 });
    expect(strict.map((h) => h.id)).toEqual(['t1']);
  });

  it('chooses candidates among accepted records only, so refused ones never take their places', () => {
    // Five exact twins of the target outrank the accepted namesake; with one candidate, it must still come.
    const twins = [1, 2, 3, 4, 5].map((i) => ({ ...target, id: `hidden-${i}` }));
    const namesake = person('seen', { name: ['Mohammed Hassan'], birthDate: ['1985-03-02'] });
    const index = build([...crowd(), ...twins, namesake]);
    const asked: string[] = [];
    const accept = (id: string): boolean => {
      asked.push(id);
      return !id.startsWith('hidden');
    };
    const hits = index.query(target, { candidates: 1, accept });
    expect(hits.map((h) => h.id)).toEqual(['seen']);
    expect(index.query(target, { candidates: 1 })[0]?.id).toMatch(/^hidden/);
    // Asked only about records that would enter the top candidates, not about every one touched.
    expect(asked.length).toBeLessThan(index.lastStats.touched);
  });

  it('updates and removes records', () => {
    const index = build([...crowd(), target]);
    const size = index.size;
    index.add(person('t1', { name: ['Olga Ivanova'], birthDate: ['1990-01-01'] }));
    expect(index.size).toBe(size);
    expect(index.query(query({ name: ['Mohammed Ali Hassan'], birthDate: ['1985-03-02'] }))[0]?.id).not.toBe(
      't1',
    );
    expect(index.query(query({ name: ['Ольга Иванова'] }))[0]?.id).toBe('t1');
    expect(index.remove('t1')).toBe(true);
    expect(index.remove('t1')).toBe(false);
    expect(index.has('t1')).toBe(false);
    expect(index.size).toBe(size - 1);
    expect(
      index.query(query({ name: ['Olga Ivanova'], birthDate: ['1990-01-01'] })).map((h) => h.id),
    ).not.toContain('t1');
  });

  it('never returns a record of a schema that cannot be the same thing', () => {
    const index = build([
      target,
      toMatchRecord({ id: 'v1', schema: 'Vessel', properties: { name: ['Hassan'] } }),
    ]);
    const hits = index.query(query({ name: ['Hassan'] }));
    expect(hits.map((h) => h.id)).toEqual(['t1']);
  });

  it('refuses records without ids, or with a line feed in one', () => {
    expect(() => {
      new ScreeningIndex().add(query({ name: ['Ivan'] }));
    }).toThrow(RangeError);
    expect(() => {
      new ScreeningIndex().add(person('a\nb', { name: ['Ivan'] }));
    }).toThrow(RangeError);
  });

  it('answers the same after a snapshot and a restore, and keeps working incrementally', () => {
    const index = build([...crowd(), target]);
    index.remove('c-0-0');
    const q = query({ name: ['Yohannes Berhane'], birthDate: ['1954-01-15'] });
    const restored = ScreeningIndex.restore(index.snapshot());
    expect(restored.size).toBe(index.size);
    expect(restored.query(q)).toEqual(index.query(q));
    expect(restored.has('c-0-0')).toBe(false);
    restored.add(person('n1', { name: ['Arben Hoxha'], birthDate: ['2001-02-03'] }));
    expect(restored.query(query({ name: ['Arben Hoxha'], birthDate: ['2001-02-03'] }))[0]?.id).toBe('n1');
  });

  it('keeps updates and removals made after a restore through the next snapshot', () => {
    const restored = ScreeningIndex.restore(build([...crowd(), target]).snapshot());
    restored.remove('c-1-1');
    restored.add(person('c-2-2', { name: ['Olga Ivanova'], birthDate: ['1990-01-01'] }));
    restored.add(person('n1', { name: ['Arben Hoxha'], birthDate: ['2001-02-03'] }));
    const again = ScreeningIndex.restore(restored.snapshot());
    expect(again.size).toBe(restored.size);
    expect(again.has('c-1-1')).toBe(false);
    expect(again.get('c-2-2')?.names[0]?.text).toBe('Olga Ivanova');
    const queries = [target, query({ name: ['Olga Ivanova'] }), query({ name: ['Arben Hoxha'] })];
    expect(queries.map((q) => again.query(q))).toEqual(queries.map((q) => restored.query(q)));
  });

  it('answers the same after compaction, without the postings of removed records', () => {
    const index = build([...crowd(), target]);
    for (const id of ['c-1-1', 'c-2-2', 'c-3-3']) index.remove(id);
    const queries = [
      target,
      query({ name: ['Amina Hassan'] }),
      query({ name: ['Olga Petrova'], birthDate: ['1960-01-15'] }),
    ];
    const before = queries.map((q) => index.query(q, { limit: 50 }));
    const postings = index.state.table.arrays.postings;
    index.compact();
    expect(index.state.table.arrays.postings).toBeLessThan(postings);
    expect(queries.map((q) => index.query(q, { limit: 50 }))).toEqual(before);
  });

  it('rejects bytes that are not a snapshot', () => {
    expect(() => ScreeningIndex.restore(new Uint8Array([1, 2, 3]))).toThrow(RangeError);
    const bytes = build([target]).snapshot();
    expect(() => ScreeningIndex.restore(bytes.subarray(0, bytes.length - 10))).toThrow(RangeError);
  });

  it('grows past its initial tables', () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      person(`g${i}`, {
        name: [
          `${GIVEN[i % GIVEN.length] ?? ''} ${FAMILY[(i * 7) % FAMILY.length] ?? ''} X${i.toString(36)}`,
        ],
        phone: [`+39 333 ${String(1_000_000 + i)}`],
      }),
    );
    const index = build(records);
    expect(index.query(query({ phone: ['+39 333 1002999'] }))[0]?.id).toBe('g2999');
  });
});

describe('screeningKeys', () => {
  it('gives a query, not an indexed record, its birth date with day and month swapped', () => {
    const r = person('x', { name: ['Ivan Petrov'], birthDate: ['1985-03-02', '1990-07-07', '1991-05-20'] });
    const dates = (keys: Map<string, number>): string[] => [...keys.keys()].filter((k) => k.startsWith('d:'));
    expect(dates(screeningKeys(r))).toEqual(['d:1985-03-02', 'd:1990-07-07', 'd:1991-05-20']);
    expect(dates(screeningKeys(r, undefined, true))).toEqual([
      'd:1985-03-02',
      'd:1990-07-07',
      'd:1991-05-20',
      'd:1985-02-03',
    ]);
  });
});

describe('record codec', () => {
  it('decodes what it encodes (rejected values aside)', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
          birthDate: fc.array(fc.constantFrom('1985', '1985-03', '03/02/1985', '31-02-1990', 'x'), {
            maxLength: 2,
          }),
          passportNumber: fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }),
          address: fc.array(fc.constantFrom('1 Main St, 1000 Addis Ababa', 'Via Roma 3 00100 Roma'), {
            maxLength: 1,
          }),
          phone: fc.array(fc.constantFrom('+39 333 1234567', '0039 06 1234'), { maxLength: 1 }),
        }),
        (properties) => {
          const r = person('x', properties);
          expect(decodeRecord(encodeRecord(r))).toEqual({ ...r, rejected: [] });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ScreeningIndex partitions', () => {
  // Records of three "datasets" (the id's prefix), namesakes across them.
  const records = crowd().flatMap((r, i) =>
    ['a', 'b', 'c']
      .map((d): MatchRecord => ({ ...r, id: `${d}:${r.id}` }))
      .filter((_, j) => (i + j) % 2 === 0),
  );
  const partition = (id: string): string => id.slice(0, id.indexOf(':'));

  it('filter as `accept` does, on a built and a restored index, asking once per partition', () => {
    const built = new ScreeningIndex({ partition });
    for (const r of records) built.add(r);
    const restored = ScreeningIndex.restore(built.snapshot(), { partition });
    const allowed = [['a'], ['b', 'c'], [], ['a', 'b', 'c']];
    for (const index of [built, restored])
      for (const names of allowed)
        for (const q of [
          query({ name: ['Amina Hassan'] }),
          query({ name: ['Ivan Petrov'], birthDate: ['1959-01-15'] }),
        ]) {
          const asked: string[] = [];
          const byPartition = index.query(q, {
            limit: 20,
            acceptPartition: (p) => {
              asked.push(p);
              return names.includes(p);
            },
          });
          expect(new Set(asked).size).toBe(asked.length);
          const byId = index.query(q, { limit: 20, accept: (id) => names.includes(partition(id)) });
          expect(byPartition).toEqual(byId);
          expect(byPartition.every((h) => names.includes(partition(h.id)))).toBe(true);
          if (names.length === 3) expect(byPartition.length).toBeGreaterThan(3);
        }
  });

  it('refuses a partition filter on an index made without a partition function', () => {
    const index = build(crowd());
    expect(() => index.query(query({ name: ['Amina'] }), { acceptPartition: () => true })).toThrow(
      RangeError,
    );
  });
});
