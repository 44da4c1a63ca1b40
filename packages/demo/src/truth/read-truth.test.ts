import { adjustedRandIndex, pairwiseScores } from '@clew/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../generate-world.js';
import { parseCsv, readTruthRecords, readTruthTable } from './read-truth.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, quoted newlines and CRLF', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\ny"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4'],
    ]);
  });
});

describe('the truth measures a matcher', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clew-truth-'));
    await generateWorld({ seed: 11, scale: 'tiny', out: dir });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores a naive exact-name matcher below a perfect one, on the people records', async () => {
    const records = (await readTruthRecords(dir)).filter((r) => r.schema === 'Person');
    expect(records.length).toBeGreaterThan(100);
    // The naive matcher: same lower-cased name and birth date → same person.
    const keyOf = new Map<string, string>();
    for (const agency of new Set(records.map((r) => r.agency))) {
      const lines = readFileSync(join(dir, agency, 'entities.ftm.jsonl'), 'utf8')
        .trim()
        .split('\n');
      for (const line of lines) {
        const e = JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> };
        if (e.schema !== 'Person') continue;
        const name = (e.properties.name?.[0] ?? '').toLowerCase();
        keyOf.set(`${agency}/${e.id}`, `${name}|${e.properties.birthDate?.[0] ?? ''}`);
      }
    }
    const truth = records.map((r) => r.cluster);
    const naive = records.map((r) => keyOf.get(`${r.agency}/${r.recordId}`) ?? `unmatched:${r.recordId}`);
    const perfect = pairwiseScores(truth, truth);
    const scores = pairwiseScores(truth, naive);
    expect(perfect.f1).toBe(1);
    expect(scores.truePairs).toBeGreaterThan(20);
    // Noise (scripts, swapped names, partial dates) defeats exact matching: recall is far from 1.
    expect(scores.recall).toBeLessThan(0.8);
    expect(scores.precision).toBeGreaterThan(0.5);
  });

  it('measures a group-detection method against the true groups', async () => {
    const members = (await readTruthTable(dir, 'memberships.csv')).filter((m) => m.bridge !== 'yes');
    expect(members.length).toBeGreaterThan(20);
    const truth = members.map((m) => m.group ?? '');
    // A method that puts everyone in one group scores 0; one that finds the groups scores 1.
    expect(adjustedRandIndex(truth, truth)).toBe(1);
    expect(
      adjustedRandIndex(
        truth,
        truth.map(() => 'all'),
      ),
    ).toBeCloseTo(0);
    expect(new Set(truth).size).toBeGreaterThan(2);
  });
});
