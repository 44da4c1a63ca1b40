import { describe, expect, it } from 'vitest';
import { SeenFilter } from './seen-filter.js';

describe('SeenFilter', () => {
  it('never forgets what was added', () => {
    const f = new SeenFilter(20);
    const ids = Array.from({ length: 5000 }, (_, i) => `p${i}.${i * 7919}`);
    for (const id of ids) f.add(id);
    expect(ids.every((id) => f.has(id))).toBe(true);
  });

  it('rarely says "perhaps" for what was not added', () => {
    const f = new SeenFilter(20);
    for (let i = 0; i < 20_000; i++) f.add(`seen-${i}`);
    let falsePositives = 0;
    for (let i = 0; i < 20_000; i++) if (f.has(`other-${i}`)) falsePositives++;
    // 2^20 bits, 20k entries, 3 probes: about 0.02 % expected.
    expect(falsePositives).toBeLessThan(40);
  });

  it('tells signed ids apart by their signatures, whatever the ids before them', () => {
    const f = new SeenFilter(20);
    const signature = (i: number): string =>
      (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(40, '0');
    for (let i = 0; i < 20_000; i++) f.add(`a-long-shared-original-id-prefix.${signature(i)}`);
    let falsePositives = 0;
    for (let i = 20_000; i < 40_000; i++)
      if (f.has(`a-long-shared-original-id-prefix.${signature(i)}`)) falsePositives++;
    expect(falsePositives).toBeLessThan(40);
  });
});
