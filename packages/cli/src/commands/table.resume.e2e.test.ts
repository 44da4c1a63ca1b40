import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@clew/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEW_BIN, requireBuiltCli, runClew } from '../testing/built-cli.js';

// Kills `clew import table` (SIGKILL, as a crash or `kill -9` would) at random points, runs it again
// until it finishes, and compares the store with one an uninterrupted run of the same import made.

const ROWS = 100_000;
// Schemata cross-matching leaves alone (events, payments), so each run's end is the import's own.
const MAPPING = `version: 1
source: { format: csv }
provenance: { source: crossing log, collected: { column: Day, format: DD/MM/YYYY } }
entities:
  - key: crossing
    schema: Event
    id: { columns: [Ref], prefix: x- }
    properties:
      name: { column: Name }
      date: { column: Day, transform: [{ date: DD/MM/YYYY }] }
      location: { column: Post }
      involved: { entity: day }
  - key: day
    schema: Event
    id: { columns: [Post, Day], prefix: day- }
    properties:
      name: { column: Post }
      date: { column: Day, transform: [{ date: DD/MM/YYYY }] }
      summary: { column: Note }
  - key: fee
    schema: Payment
    id: { columns: [Ref], prefix: fee- }
    properties:
      amount: { column: Fee, transform: [{ number: { decimal: ',', thousands: '.' } }] }
      currency: { constant: EUR }
      date: { column: Day, transform: [{ date: DD/MM/YYYY }] }
`;

const csv = (): string => {
  const lines = ['Ref;Name;Post;Day;Note;Fee'];
  for (let i = 0; i < ROWS; i++) {
    // 40 posts × 28 days: each "day" event recurs all through the file, so fragments of one entity
    // add up across batches (and across kills); every 1,009th row has an impossible date.
    const day = i % 1009 === 5 ? '31/02/2024' : `${String((i % 28) + 1).padStart(2, '0')}/02/2024`;
    const fee = `${Math.floor(i / 7) % 5000}.${String(i % 1000).padStart(3, '0')},${String(i % 100).padStart(2, '0')}`;
    lines.push(`r${i};Crossing ${i};Post ${i % 40};${day};note ${i % 13};${fee}`);
  }
  return lines.join('\n') + '\n';
};

const fragments = async (dataDir: string) => {
  const store = await openStore({ dataDir, readonly: true });
  try {
    const rows = await store.db
      .selectFrom('fragments')
      .select(['dataset_id', 'entity_id', 'original_id', 'schema', 'caption', 'seq', 'statements'])
      .orderBy('entity_id')
      .execute();
    const runs = await store.db.selectFrom('imports').select(['status', 'accepted', 'rejected']).execute();
    const checkpoints = await store.db.selectFrom('import_checkpoints').selectAll().execute();
    return { rows, runs, checkpoints };
  } finally {
    await store.close();
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rows the checkpoint of the interrupted import says are committed (0 when there is none). */
const rowsDone = async (dataDir: string): Promise<number> => {
  const store = await openStore({ dataDir, readonly: true });
  try {
    const row = await store.db.selectFrom('import_checkpoints').select('rows_done').executeTakeFirst();
    return row?.rows_done ?? 0;
  } finally {
    await store.close();
  }
};

describe('clew import table, killed and run again', () => {
  let dir: string;
  beforeAll(() => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'clew-table-kill-'));
    writeFileSync(join(dir, 'log.csv'), csv());
    writeFileSync(join(dir, 'log.yaml'), MAPPING);
    const base = join(dir, 'base');
    expect(runClew(base, 'agencies', 'create', 'bp', '--name', 'Border', '--kind', 'border').code).toBe(0);
    expect(runClew(base, 'datasets', 'create', 'log', '--agency', 'bp').code).toBe(0);
    // Both stores start as copies of one, so they share the hub id that namespaces entity ids.
    cpSync(base, join(dir, 'whole'), { recursive: true });
    cpSync(base, join(dir, 'killed'), { recursive: true });
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with the same store as an uninterrupted import', { timeout: 600_000 }, async () => {
    const args = [
      'import',
      'table',
      join(dir, 'log.csv'),
      '--mapping',
      join(dir, 'log.yaml'),
      '--dataset',
      'log',
    ];
    const whole = runClew(join(dir, 'whole'), ...args);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(/imported 99900 rows as 299700 entities/);
    const killedDir = join(dir, 'killed');
    const done: number[] = [];
    const KILLS = 4;
    for (let kill = 0; kill < KILLS; kill++) {
      const child = spawn(process.execPath, [CLEW_BIN, ...args], {
        env: { ...process.env, CLEW_DATA_DIR: killedDir, CLEW_DATABASE_URL: '' },
        stdio: 'ignore',
      });
      const state = { exited: false };
      const exit = new Promise((r) => child.once('exit', r)).then(() => {
        state.exited = true;
      });
      // Wait for this run to commit rows of its own up to a random row of its share of what is left
      // (so that, however fast the machine, every run is killed before the end), then kill it at a
      // random moment after that, while it is writing.
      const before = done.at(-1) ?? 0;
      const share = Math.floor((ROWS - before) / (KILLS - kill + 1));
      const target = before + 1 + Math.floor(Math.random() * share);
      try {
        while (!state.exited && (await rowsDone(killedDir)) < target) await sleep(20);
        await sleep(Math.random() * 60);
      } finally {
        // Killed whatever happened above, so a failing test leaves no import running.
        child.kill('SIGKILL');
      }
      await exit;
      done.push(await rowsDone(killedDir));
    }
    // Each run went on from the last one's checkpoint, a whole number of batches, never the end.
    expect(done.every((n, i) => n % 2000 === 0 && n < ROWS && n > (done[i - 1] ?? 0))).toBe(true);
    expect(done.at(-1)).toBeGreaterThan(0);
    const last = runClew(killedDir, ...args);
    expect(last.code).toBe(0);
    expect(last.stderr).toMatch(
      new RegExp(`resumed an interrupted run of this import after row ${done.at(-1)}`),
    );
    const a = await fragments(join(dir, 'whole'));
    const b = await fragments(killedDir);
    expect(b.rows.length).toBe(a.rows.length);
    expect(b.rows).toEqual(a.rows);
    expect(b.runs).toEqual(a.runs);
    expect(b.checkpoints).toEqual([]);
  });
});
