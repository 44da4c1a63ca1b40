/**
 * Benchmark: the audit log's append rate and the time to verify a long chain.
 * Usage: node packages/cli/dist/bench/audit.bench.js [--entries 1000000] [--engine sqlite|postgres|both]
 * Prints entries/s for appends one at a time (each its own commit) and many in flight (committed
 * together), then the time `clew audit verify` takes on SQLite (the built CLI, as a user runs it)
 * and the service's verification on each engine.
 */
import { openHub, type Hub } from '@clew/app';
import { operatorActor, type Actor } from '@clew/core';
import { freshLocation } from '@clew/store/testing';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { CLEW_BIN } from '../testing/built-cli.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'both' },
    sequential: { type: 'string', default: '2000' },
  },
});
const total = Number(values.entries);
const sequential = Number(values.sequential);
const engines =
  values.engine === 'both'
    ? (['sqlite', 'postgres'] as const)
    : ([values.engine] as ('sqlite' | 'postgres')[]);
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number): string =>
  `${Math.round((n / ms) * 1000).toLocaleString('en')} entries/s`;
process.stdout.write(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem())} RAM, Node ${process.version}\n`,
);

const user: Actor = { kind: 'user', userId: 'u-1042', agencyId: 'police-it', roles: ['analyst'] };
/** A typical read entry: one entity id, a purpose, two small details. */
const record = (hub: Hub, i: number): Promise<void> =>
  hub.audit.record(user, {
    action: i % 10 === 0 ? 'search' : 'read',
    targets: [`p${i}.5f1c3a9e0b7d2c4f6a8e1b3d5c7f9a0e2b4d6c8e`],
    purpose: i % 10 === 0 ? 'case 2024/117: smuggling route via Lampedusa' : '',
    details: { results: i % 50, dataset: 'it-cases' },
  });

for (const engine of engines) {
  const loc = await freshLocation(engine);
  const { dataDir, databaseUrl, pgSchema } = loc.config;
  const hub = await openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});
  try {
    let t = performance.now();
    for (let i = 0; i < sequential; i++) await record(hub, i);
    const oneByOne = performance.now() - t;
    process.stdout.write(`${engine}: append one at a time (a commit each): ${rate(sequential, oneByOne)}\n`);

    t = performance.now();
    const wave = 10_000;
    for (let done = sequential; done < total; done += wave) {
      const n = Math.min(wave, total - done);
      await Promise.all(Array.from({ length: n }, (_, i) => record(hub, done + i)));
    }
    const bulk = performance.now() - t;
    process.stdout.write(
      `${engine}: append ${wave.toLocaleString('en')} in flight (committed together): ${rate(total - sequential, bulk)}\n`,
    );

    const cpu0 = process.cpuUsage();
    const v = await hub.audit.verify(operatorActor());
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    process.stdout.write(
      `${engine}: verify ${v.entries.toLocaleString('en')} entries, ${v.checkpoints} checkpoints in the service: ` +
        `${v.seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU of this process (${v.ok ? 'OK' : `FAILED: ${v.failure?.message ?? ''}`})\n`,
    );
    if (engine === 'sqlite') {
      t = performance.now();
      const run = spawnSync(process.execPath, [CLEW_BIN, 'audit', 'verify'], {
        env: { ...process.env, CLEW_DATA_DIR: dataDir, CLEW_DATABASE_URL: '' },
        encoding: 'utf8',
      });
      const wall = (performance.now() - t) / 1000;
      process.stdout.write(
        `sqlite: \`clew audit verify\` wall time ${wall.toFixed(2)} s (exit ${run.status ?? '?'}): ${run.stdout.trim()}${run.stderr.trim()}\n`,
      );
    }
  } finally {
    await hub.close();
    await loc.cleanup();
  }
}
