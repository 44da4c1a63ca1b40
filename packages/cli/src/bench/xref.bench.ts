/**
 * Benchmark: loading with cross-matching on, rebuilding the match index at start, re-matching.
 * Usage:
 *   node packages/cli/dist/bench/xref.bench.js --world /tmp/clew-world-medium [--scale medium] [--engine sqlite]
 *   node packages/cli/dist/bench/xref.bench.js --people 1000000 [--engine sqlite]
 * With --world, the demo world there (generated first if missing) is loaded as `clew demo load` does;
 * with --people, N synthetic people (bench/out/people-N.ftm.jsonl, as import-ftm.bench writes) go into
 * one dataset. Either way every import is cross-matched on arrival (the hub's import hook). The hub is
 * then reopened and its index built from the store (restart readiness), and the largest dataset re-matched.
 */
import { openHub, type Hub } from '@clew/app';
import { operatorActor } from '@clew/core';
import { generateWorld } from '@clew/demo';
import { freshLocation } from '@clew/store/testing';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadWorld } from '../commands/demo.commands.js';
import { writeSyntheticPeople } from './synthetic-people.js';

const { values } = parseArgs({
  options: {
    world: { type: 'string' },
    scale: { type: 'string', default: 'medium' },
    people: { type: 'string' },
    engine: { type: 'string', default: 'sqlite' },
    dir: { type: 'string', default: 'bench/out' },
  },
});
const engine = values.engine === 'postgres' ? 'postgres' : 'sqlite';
const actor = operatorActor();
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
const say = (s: string): void => {
  process.stdout.write(`${s}\n`);
};
say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, engine ${engine}`);

const loc = await freshLocation(engine);
const { dataDir, databaseUrl, pgSchema } = loc.config;
const open = (): Promise<Hub> => openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});

const load = async (hub: Hub): Promise<void> => {
  if (values.people !== undefined) {
    const n = Number(values.people);
    mkdirSync(values.dir, { recursive: true });
    const file = join(values.dir, `people-${n}.ftm.jsonl`);
    if (!existsSync(file)) await writeSyntheticPeople(file, n);
    await hub.agencies.create(actor, { id: 'bench', name: 'Bench', kind: 'police', country: 'it' });
    await hub.datasets.create(actor, { name: 'people', agency: 'bench' });
    await hub.ftm.importFtm(actor, {
      dataset: 'people',
      fileName: file,
      parallel: true,
      open: () => createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
    });
    return;
  }
  const dir = values.world ?? `/tmp/clew-world-${values.scale}`;
  if (!existsSync(join(dir, 'manifest.json'))) {
    say(`generating the ${values.scale} world into ${dir}…`);
    await generateWorld({ seed: 7, scale: values.scale as 'small' | 'medium' | 'large', out: dir });
  }
  await loadWorld(hub, dir, actor);
};

const cpu = (from: NodeJS.CpuUsage): string => {
  const u = process.cpuUsage(from);
  return `${((u.user + u.system) / 1e6).toFixed(1)} s CPU on the main thread`;
};

let hub = await open();
const t0 = performance.now();
const c0 = process.cpuUsage();
await load(hub);
const loadSeconds = (performance.now() - t0) / 1000;
const loadCpu = cpu(c0);
const stats = await hub.datasets.stats(actor);
const records = stats.reduce((n, s) => n + s.total, 0);
const candidates = (await hub.matching.candidates(actor, { limit: 1, offset: 0 })).total;
say(
  `load with cross-matching: ${records} records in ${loadSeconds.toFixed(1)} s = ${Math.round(records / loadSeconds)} records/s; ` +
    `${hub.matching.status(actor).records} index entries, ${candidates} candidates stored; ${loadCpu}; load avg ${loadavg()[0]?.toFixed(1) ?? '?'}`,
);
await hub.close();

hub = await open();
const rss0 = process.memoryUsage().rss;
const c1 = process.cpuUsage();
const status = await hub.matching.warm();
say(
  `restart: index of ${status.records} entries built from the store in ${(status.buildSeconds ?? 0).toFixed(1)} s ` +
    `(${Math.round(status.records / (status.buildSeconds ?? 1))} entries/s, ${cpu(c1)}), RSS +${mb(process.memoryUsage().rss - rss0)}; ` +
    `load avg ${loadavg()[0]?.toFixed(1) ?? '?'}`,
);
const largest = [...stats].sort((a, b) => b.total - a.total)[0];
if (largest) {
  const c2 = process.cpuUsage();
  const x = await hub.matching.xref(actor, largest.dataset);
  say(
    `xref ${largest.dataset}: ${x.records} records in ${x.seconds.toFixed(1)} s = ${Math.round(x.records / x.seconds)} records/s, ` +
      `${x.candidates} candidates, ${cpu(c2)}; load avg ${loadavg()[0]?.toFixed(1) ?? '?'}`,
  );
}
await hub.close();
await loc.cleanup();
