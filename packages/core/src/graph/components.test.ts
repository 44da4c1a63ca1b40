import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components.js';
import { graphFromPairs } from './fixtures.js';

describe('connectedComponents', () => {
  it('labels components in order of their smallest node, with sizes', () => {
    const g = graphFromPairs(8, [
      [0, 1],
      [2, 3],
      [1, 4],
      [5, 6],
      [6, 3],
    ]);
    const c = connectedComponents(g);
    expect(c.count).toBe(3);
    expect(Array.from(c.component)).toEqual([0, 0, 1, 1, 0, 1, 1, 2]);
    expect(Array.from(c.size)).toEqual([3, 4, 1]);
  });

  it('ignores edge direction (weak components)', () => {
    const g = graphFromPairs(
      3,
      [
        [0, 1],
        [2, 1],
      ],
      true,
    );
    expect(connectedComponents(g).count).toBe(1);
  });
});
