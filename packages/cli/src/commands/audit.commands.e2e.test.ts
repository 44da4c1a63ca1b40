import { openStore } from '@clew/store';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runClew, type ClewRun } from '../testing/built-cli.js';

// The built command line against a SQLite file whose audit rows are changed behind its back.

/** Change the store directly, as someone with access to the file could. */
const tamper = async (
  dataDir: string,
  sql: (db: Awaited<ReturnType<typeof openStore>>['db']) => Promise<unknown>,
) => {
  const store = await openStore({ dataDir });
  try {
    await sql(store.db);
  } finally {
    await store.close();
  }
};

describe('clew audit', () => {
  let dataDir: string;
  const run = (...args: string[]): ClewRun => runClew(dataDir, ...args);
  beforeAll(() => {
    requireBuiltCli();
    dataDir = mkdtempSync(join(tmpdir(), 'clew-audit-'));
    expect(
      run('agencies', 'create', 'police-it', '--name', 'Polizia', '--kind', 'police', '--country', 'it').code,
    ).toBe(0);
    expect(run('datasets', 'create', 'it-cases', '--agency', 'police-it').code).toBe(0);
    expect(run('datasets', 'create', 'it-leads', '--agency', 'police-it').code).toBe(0);
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies an untouched log, lists it and signs a checkpoint', () => {
    const ok = run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^audit log OK: \d+ entries/);
    const list = run('audit', 'list', '--action', 'admin', '--json');
    expect(list.code).toBe(0);
    const entries = JSON.parse(list.stdout) as { targets: string[] }[];
    expect(entries.map((e) => e.targets[0])).toEqual(['it-leads', 'it-cases', 'police-it']);
    expect(run('audit', 'checkpoint').stdout).toMatch(/^checkpoint 1 signed at entry \d+/);
    expect(run('audit', 'verify').stdout).toMatch(/1 signed checkpoints/);
  });

  it('names the entry whose stored row was changed, and the first of deleted ones', async () => {
    await tamper(dataDir, (db) =>
      db.updateTable('audit_entries').set({ targets: '["it-casez"]' }).where('seq', '=', 2).execute(),
    );
    const bad = run('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/audit log FAILED at entry 2 \(hash-mismatch\)/);
    await tamper(dataDir, (db) =>
      db.updateTable('audit_entries').set({ targets: '["it-cases"]' }).where('seq', '=', 2).execute(),
    );
    expect(run('audit', 'verify').code).toBe(0);
    await tamper(dataDir, (db) => db.deleteFrom('audit_entries').where('seq', 'in', [3, 4]).execute());
    const gap = run('audit', 'verify');
    expect(gap.code).toBe(1);
    expect(gap.stderr).toMatch(/FAILED at entry 3 \(missing-entries\): entries 3-4 are missing/);
  });

  it('exports a log that verifies offline, and detects a changed export', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'clew-audit-'));
    try {
      const r = (...args: string[]) => runClew(fresh, ...args);
      r('agencies', 'create', 'ngo-x', '--name', 'NGO', '--kind', 'ngo');
      const key = /key id (\w+)/.exec(r('audit', 'key').stdout)?.[1] ?? '';
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      const file = join(fresh, 'audit.jsonl');
      expect(r('audit', 'export', file).code).toBe(0);
      const ok = r('audit', 'verify', '--file', file, '--key', key);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/audit log OK/);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"ngo-x"', '"ngo-y"'));
      const bad = r('audit', 'verify', '--file', file, '--key', key);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/FAILED at entry 1 \(hash-mismatch\)/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
