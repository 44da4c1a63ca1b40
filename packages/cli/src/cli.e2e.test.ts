import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@clew/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEW_BIN, requireBuiltCli, runClew, type ClewRun } from './testing/built-cli.js';

/** A name-like token of its own for each number (base 26). */
const letters = (n: number): string => {
  let out = '';
  let x = n + 26 * 27;
  while (x > 0) {
    out = String.fromCharCode(97 + (x % 26)) + out;
    x = Math.floor(x / 26);
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
};

// These tests run the built command line as a user would (npm install builds it; so does npm start).

const LINES = [
  '{"id":"p1","schema":"Person","properties":{"name":["Mohammed Ali"],"birthDate":["1985"],"nationality":["er"]}}',
  '{"id":"p2","schema":"Person","properties":{"name":["Yohannes Tesfay"],"phone":["+39 333 1234567"]},"clew":{"marking":{"handling":"H2","tlp":"RED"}}}',
  '{"id":"pp1","schema":"Passport","properties":{"holder":["p1"],"number":["ER 123 4567"],"country":["er"]}}',
];

describe('the clew command line', () => {
  let dataDir: string;
  const run = (...args: string[]): ClewRun => runClew(dataDir, ...args);
  beforeAll(() => {
    requireBuiltCli();
    dataDir = mkdtempSync(join(tmpdir(), 'clew-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an agency and a dataset, imports a file with a bad line, and exports it back', () => {
    expect(
      run('agencies', 'create', 'police-it', '--name', 'Polizia', '--kind', 'police', '--country', 'it').code,
    ).toBe(0);
    expect(
      run('datasets', 'create', 'it-cases', '--agency', 'police-it', '--tlp', 'AMBER', '--grading', 'B2')
        .code,
    ).toBe(0);
    const file = join(dataDir, 'in.jsonl');
    writeFileSync(
      file,
      [...LINES, '{"id":"bad","schema":"Person","properties":{"shoeSize":["44"]}}'].join('\n') + '\n',
    );
    const imp = run(
      'import',
      'ftm',
      file,
      '--dataset',
      'it-cases',
      '--errors',
      join(dataDir, 'rejected.csv'),
    );
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/imported 3 entities \(8 statements\) into it-cases/);
    expect(imp.stderr).toMatch(
      /line 4 entity bad property shoeSize: schema Person has no property "shoeSize"/,
    );
    expect(readFileSync(join(dataDir, 'rejected.csv'), 'utf8')).toContain('4,bad,shoeSize,');
    const exp = run('export', 'ftm', '--dataset', 'it-cases');
    expect(exp.code).toBe(0);
    expect(exp.stdout.trim().split('\n')).toEqual(LINES);
    expect(run('datasets').stdout).toMatch(/it-cases\s+police-it\s+AMBER\s+B2\s+H0\s+3/);
  });

  it('gives one clear line and a non-zero exit for bad input', () => {
    const missing = run('import', 'ftm', join(dataDir, 'nope.jsonl'), '--dataset', 'it-cases');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim()).toMatch(/^clew: cannot read .*nope\.jsonl: no such file$/);
    const unknown = run('export', 'ftm', '--dataset', 'nope');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim()).toBe('clew: no dataset "nope"');
    const kind = run('agencies', 'create', 'x1', '--name', 'X', '--kind', 'army');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/--kind must be one of police, border, fiu, ngo, international, other/);
  });

  it('leaves only whole batches when an import is killed, and a second run completes it', async () => {
    expect(run('datasets', 'create', 'bulk', '--agency', 'police-it').code).toBe(0);
    const file = join(dataDir, 'bulk.jsonl');
    const lines = Array.from(
      { length: 60_000 },
      (_, i) =>
        // Names of their own (no shared token), so cross-matching on arrival has no candidate to weigh.
        `{"id":"b${i}","schema":"Person","properties":{"name":["${letters(i)} ${letters(i * 7919 + 13)}"],"birthDate":["19${String((i % 90) + 10)}"]}}`,
    );
    writeFileSync(file, lines.join('\n') + '\n');
    const child = spawn(
      process.execPath,
      [CLEW_BIN, 'import', 'ftm', file, '--dataset', 'bulk', '--batch-size', '1000'],
      { env: { ...process.env, CLEW_DATA_DIR: dataDir, CLEW_DATABASE_URL: '' }, stdio: 'ignore' },
    );
    const exited = new Promise((r) => child.once('exit', r));
    const state = { exited: false };
    void exited.then(() => (state.exited = true));
    // Kill it once it has committed a batch, at a random moment of the next few (a fixed delay let a
    // fast machine finish the whole file first).
    const committed = async (): Promise<number> => {
      const store = await openStore({ dataDir, readonly: true });
      try {
        const row = await store.db
          .selectFrom('fragments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('dataset_id', '=', 'bulk')
          .executeTakeFirst();
        return row?.n ?? 0;
      } finally {
        await store.close();
      }
    };
    try {
      while (!state.exited && (await committed()) === 0) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.random() * 30));
    } finally {
      // Killed whatever happened above, so a failing test leaves no import running.
      child.kill('SIGKILL');
    }
    await exited;
    const count = (): number => {
      const out = run('datasets', '--json').stdout;
      const list = JSON.parse(out) as { name: string; stats?: { total: number } }[];
      return list.find((d) => d.name === 'bulk')?.stats?.total ?? 0;
    };
    const partial = count();
    expect(partial % 1000).toBe(0);
    expect(partial).toBeLessThan(60_000);
    expect(run('import', 'ftm', file, '--dataset', 'bulk').code).toBe(0);
    expect(count()).toBe(60_000);
  }, 180_000);

  it('serves the hub, and refuses a second writer while it runs', async () => {
    const child = spawn(process.execPath, [CLEW_BIN, 'serve'], {
      env: { ...process.env, CLEW_DATA_DIR: dataDir, CLEW_DATABASE_URL: '', PORT: '0' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(err);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', () => {
          reject(new Error(`serve exited: ${err}`));
        });
      });
      const health = (await (await fetch(`${url}api/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
      const page = await (await fetch(url)).text();
      expect(page).toContain('Clew hub');
      const second = run('agencies', 'create', 'ngo-x', '--name', 'NGO', '--kind', 'ngo');
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/clew\.sqlite is already open for writing by process \d+/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
