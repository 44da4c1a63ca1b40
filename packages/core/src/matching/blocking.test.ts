import { describe, expect, it } from 'vitest';
import { BlockIndex, blockingKeys, clusterPairs, dedupe, link } from './blocking.js';
import { toMatchRecord, type MatchInput } from './features.js';
import { DEFAULT_PARAMS } from './model.js';

const person = (id: string, properties: Record<string, string[]>): MatchInput => ({
  id,
  schema: 'Person',
  properties,
});
const records = [
  person('a', { name: ['Mohammed Ali'], birthDate: ['1985-03-02'] }),
  person('b', { name: ['محمد علي'], birthDate: ['1985-02-03'] }),
  person('c', { name: ['Oleg Petrov'], birthDate: ['1970'], passportNumber: ['ER1234567'] }),
  person('d', { name: ['Zhang Wei'], passportNumber: ['ER 1234567'] }),
  person('e', { name: ['Ana Lima'], birthDate: ['1990-01-01'] }),
].map((r) => toMatchRecord(r));

describe('blockingKeys', () => {
  it('gives name tokens, skeletons of two consonants or more, birth year with first token, identifiers', () => {
    const keys = blockingKeys(
      toMatchRecord(person('x', { name: ['Ana Lima'], birthDate: ['1990'], phone: ['+44 20 7946 0958'] })),
    );
    expect(keys).toEqual(
      expect.arrayContaining(['n:ana', 'n:lima', 'p:rm', 'y:1990:ana', 'i:phone:+442079460958']),
    );
    expect(keys).not.toContain('p:an');
  });
});

describe('BlockIndex', () => {
  it('returns records sharing a key and skips blocks over the cap', () => {
    const index = new BlockIndex();
    index.add(1, ['x', 'common']);
    index.add(2, ['common']);
    index.add(3, ['common', 'y']);
    expect([...index.candidates(['x', 'common'], 2)]).toEqual([1]);
    expect([...index.candidates(['common'], 3)].sort()).toEqual([1, 2, 3]);
    expect(index.size).toBe(3);
  });
});

describe('dedupe and link', () => {
  it('finds the same person across scripts and by a passport number written two ways', () => {
    const pairs = dedupe(records, DEFAULT_PARAMS).filter((p) => p.comparison.match);
    expect(pairs.map((p) => [p.left, p.right])).toEqual(
      expect.arrayContaining([
        [0, 1],
        [2, 3],
      ]),
    );
    expect(pairs.every((p) => p.left < p.right)).toBe(true);
    expect(pairs.some((p) => p.left === 4 || p.right === 4)).toBe(false);
  });

  it('links two lists', () => {
    const pairs = link(records.slice(0, 1), records, DEFAULT_PARAMS, { minScore: 0.5 });
    expect(pairs.map((p) => p.right).sort()).toEqual([0, 1]);
  });

  it('clusters pairs into connected components', () => {
    expect(
      clusterPairs(5, [
        [0, 1],
        [3, 4],
        [1, 2],
      ]),
    ).toEqual([0, 0, 0, 3, 3]);
  });
});
