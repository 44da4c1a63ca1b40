import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runClew, type ClewRun } from '../testing/built-cli.js';

// Runs the built command line as a user would (npm install builds it).

const CSV =
  'Ref;Surname;Given names;DoB;Tel\r\np1;Haile;Tesfaye;03/07/1994;+39 333 123 4567\r\np2;Kidane;Sara;31/02/1990;\r\n';

describe('clew mapping and import table', () => {
  let dir: string;
  const run = (...args: string[]): ClewRun => runClew(join(dir, 'data'), ...args);
  beforeAll(() => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'clew-table-cli-'));
    writeFileSync(join(dir, 't.csv'), CSV);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Six runs of the command line: generous on a shared machine.
  it(
    'suggests a mapping, checks it, imports through it and reports the rejected row',
    { timeout: 180_000 },
    () => {
      const file = join(dir, 't.csv');
      const mapping = join(dir, 'm.yaml');
      expect(run('mapping', 'suggest', file, '--out', mapping).code).toBe(0);
      expect(readFileSync(mapping, 'utf8')).toMatch(/date: DD\/MM\/YYYY/);
      const check = run('mapping', 'check', mapping, file);
      expect(check.stdout).toMatch(/2 rows: 1 would be imported \(1 Person\), 1 rejected/);
      expect(check.stderr).toMatch(/row 3 column DoB \(main.birthDate\): "31\/02\/1990" is not a real date/);
      expect(
        run('agencies', 'create', 'police-it', '--name', 'P', '--kind', 'police', '--country', 'it').code,
      ).toBe(0);
      expect(run('datasets', 'create', 'd1', '--agency', 'police-it', '--tlp', 'AMBER').code).toBe(0);
      const errors = join(dir, 'errors.csv');
      const imp = run('import', 'table', file, '--mapping', mapping, '--dataset', 'd1', '--errors', errors);
      expect(imp.code).toBe(0);
      expect(imp.stdout).toMatch(/imported 1 rows as 1 entities/);
      expect(readFileSync(errors, 'utf8')).toBe(
        'row,column,field,reason\n3,DoB,main.birthDate,"""31/02/1990"" is not a real date (format DD/MM/YYYY)"\n',
      );
      const strict = run(
        'import',
        'table',
        file,
        '--mapping',
        mapping,
        '--dataset',
        'd1',
        '--max-errors',
        '0',
      );
      expect(strict.code).not.toBe(0);
      expect(strict.stderr).toMatch(/more than 0 rows refused/);
      expect(run('export', 'ftm', '--dataset', 'd1').stdout).toMatch(/"birthDate":\["1994-07-03"\]/);
    },
  );
});
