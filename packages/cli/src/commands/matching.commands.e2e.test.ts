import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runClew, type ClewRun } from '../testing/built-cli.js';

// Runs the built command line as a user would (npm install builds it).

const person = (id: string, properties: Record<string, string[]>): string =>
  JSON.stringify({ id, schema: 'Person', properties });

describe('clew xref, matches, judge and screen', () => {
  let dir: string;
  const run = (...args: string[]): ClewRun => runClew(join(dir, 'data'), ...args);
  beforeAll(() => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'clew-match-cli-'));
    writeFileSync(
      join(dir, 'a.jsonl'),
      [
        person('p1', { name: ['Mohammed Ali'], birthDate: ['1985-03-02'], passportNumber: ['ER1234567'] }),
        person('p2', { name: ['Giulia Rossi'], birthDate: ['1970-01-01'] }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'b.jsonl'), person('g1', { name: ['Muhammad Ali'], birthDate: ['1985-03-02'] }));
    writeFileSync(
      join(dir, 'q.csv'),
      'key,name,birth_date,document\nq1,"Ali, Mohamed",1985-03-02,\nq2,,,ER 1234567\nq3,Nobody Known,,\n',
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds candidates on import, lists, judges, re-matches and screens', { timeout: 180_000 }, () => {
    expect(
      run('agencies', 'create', 'police-it', '--name', 'P', '--kind', 'police', '--country', 'it').code,
    ).toBe(0);
    expect(run('agencies', 'create', 'ngo-gr', '--name', 'N', '--kind', 'ngo', '--country', 'gr').code).toBe(
      0,
    );
    expect(run('datasets', 'create', 'it-cases', '--agency', 'police-it').code).toBe(0);
    expect(run('datasets', 'create', 'gr-ngo', '--agency', 'ngo-gr').code).toBe(0);
    expect(run('import', 'ftm', join(dir, 'a.jsonl'), '--dataset', 'it-cases').code).toBe(0);
    expect(run('import', 'ftm', join(dir, 'b.jsonl'), '--dataset', 'gr-ngo').code).toBe(0);
    const matches = run('matches', '--json');
    expect(matches.code).toBe(0);
    const page = JSON.parse(matches.stdout) as {
      total: number;
      results: { a: { id: string }; b: { id: string } }[];
    };
    expect(page.total).toBe(1);
    const [a, b] = [page.results[0]?.a.id ?? '', page.results[0]?.b.id ?? ''];
    expect(run('matches').stdout).toMatch(/Mohammed Ali.*Muhammad Ali|Muhammad Ali.*Mohammed Ali/);
    const judged = run('judge', a, b, 'same', '--reason', 'same photo');
    expect(judged.code).toBe(0);
    expect(judged.stdout).toMatch(/judged same .*one of 2 in its identity/);
    expect(JSON.parse(run('matches', '--status', 'new', '--json').stdout)).toMatchObject({ total: 0 });
    expect(run('judge', a, b, 'perhaps', '--reason', 'x').stderr).toMatch(/verdict must be one of same/);
    const xref = run('xref', 'it-cases');
    expect(xref.code).toBe(0);
    expect(xref.stdout).toMatch(/it-cases: 2 records matched .*1 candidates/);
    expect(JSON.parse(run('matches', '--status', 'same', '--json').stdout)).toMatchObject({ total: 1 });
    const one = run('screen', '--name', 'Mohamed Ali', '--birth-date', '1985-03-02', '--json');
    expect(one.code).toBe(0);
    const r = JSON.parse(one.stdout) as { results: { match: boolean }[] };
    expect(r.results.filter((x) => x.match)).toHaveLength(2);
    expect(run('screen').stderr).toMatch(/give --input FILE, or at least one of --name/);
    const outFile = join(dir, 'results.csv');
    const csv = run('screen', '--input', join(dir, 'q.csv'), '--output', outFile, '--limit', '2');
    expect(csv.code).toBe(0);
    const lines = readFileSync(outFile, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('query,rank,score,match,id,caption,schema,datasets,explanation');
    expect(lines.filter((l) => l.startsWith('q1,')).map((l) => l.split(',')[1])).toEqual(['1', '2']);
    expect(lines.find((l) => l.startsWith('q2,1,'))).toMatch(/Mohammed Ali,Person,it-cases,document strict/);
  });
});
