import { DEFAULT_PARAMS, scoreVector, vectorOf } from '@clew/core';
import { describe, expect, it } from 'vitest';
import { screenAll, truePairCount, worldPeople } from './match-world-pairs.js';

// The small demo world (9,218 person records of 4,768 people), deduplicated as match-world.js does it:
// the hub's model must tell siblings, namesakes and people sharing a recruiter's phone apart.
describe('person matching on the small demo world', () => {
  it('keeps pairwise F1 at or above 0.96 under DEFAULT_PARAMS', () => {
    const { records, clusters } = worldPeople('small', 42);
    const pairs = screenAll(records);
    let predicted = 0;
    let correct = 0;
    for (const p of pairs) {
      if (scoreVector(vectorOf(p.comparison), DEFAULT_PARAMS) < 0.5) continue;
      predicted++;
      if (clusters[p.left] === clusters[p.right]) correct++;
    }
    const precision = correct / predicted;
    const recall = correct / truePairCount(clusters);
    const f1 = (2 * precision * recall) / (precision + recall);
    console.info(`small world: P ${precision.toFixed(4)} R ${recall.toFixed(4)} F1 ${f1.toFixed(4)}`);
    expect(records.length).toBe(9218);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.94);
    expect(f1).toBeGreaterThanOrEqual(0.96);
  }, 180_000);
});
