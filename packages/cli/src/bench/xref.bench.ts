/**
 * Benchmark: loading with cross-matching on, rebuilding the match index at start, re-matching.
 * Usage:
 *   node packages/cli/dist/bench/xref.bench.js --world /tmp/clew-world-medium [--scale medium] [--engine sqlite]
 *   node packages/cli/dist/bench/xref.bench.js --people 1000000 [--engine sqlite]
 *   node packages/cli/dist/bench/xref.bench.js --mix 1000000 [--mix-scale small] [--no-restart]
 * With --world, the demo world there (generated first if missing) is loaded as `clew demo load` does;
 * with --people, N synthetic people (bench/out/people-N.ftm.jsonl, as import-ftm.bench writes) go into
 * one dataset; with --mix, every Person record of a demo world (seed 42, with its truth) plus people
 * recombined from its names up to N (as the screening benchmark's), into one dataset. Either way every
 * import is cross-matched on arrival (the hub's import hook). The hub is then reopened and its index
 * built from the store (restart readiness), and the largest dataset re-matched (`clew xref`). With
 * --mix, stored candidates between world records are scored against the world's truth.
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
import { writeMixedPeople } from './mixed-people.js';
import { writeSyntheticPeople } from './synthetic-people.js';

const { values } = parseArgs({
  options: {
    world: { type: 'string' },
    scale: { type: 'string', default: 'medium' },
    people: { type: 'string' },
    mix: { type: 'string' },
    'mix-scale': { type: 'string', default: 'small' },
    'no-restart': { type: 'boolean', default: false },
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

const cpu = (from: NodeJS.CpuUsage): string => {
  const u = process.cpuUsage(from);
  return `${((u.user + u.system) / 1e6).toFixed(1)} s CPU (all threads)`;
};

// Original id → true cluster of the world records in a --mix file (fillers are nobody's duplicates).
let truth: Map<string, string> | undefined;

const bulkFile = async (): Promise<string | undefined> => {
  mkdirSync(values.dir, { recursive: true });
  if (values.mix !== undefined) {
    const n = Number(values.mix);
    const file = join(values.dir, `mix-${values['mix-scale']}-${n}.ftm.jsonl`);
    truth = await writeMixedPeople(file, n, values['mix-scale'] as 'small' | 'medium');
    return file;
  }
  if (values.people === undefined) return undefined;
  const n = Number(values.people);
  const file = join(values.dir, `people-${n}.ftm.jsonl`);
  if (!existsSync(file)) await writeSyntheticPeople(file, n);
  return file;
};

const load = async (hub: Hub): Promise<void> => {
  const file = await bulkFile();
  if (file !== undefined) {
    await hub.agencies.create(actor, { id: 'bench', name: 'Bench', kind: 'police', country: 'it' });
    await hub.datasets.create(actor, { name: 'people', agency: 'bench' });
    const t = performance.now();
    const c = process.cpuUsage();
    let mark = 100_000;
    await hub.ftm.importFtm(actor, {
      dataset: 'people',
      fileName: file,
      parallel: true,
      open: () => createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
      onProgress: (p) => {
        if (p.accepted < mark) return;
        mark += 100_000;
        const s = (performance.now() - t) / 1000;
        say(`  imported ${p.accepted} in ${s.toFixed(1)} s (${Math.round(p.accepted / s)}/s), ${cpu(c)}`);
      },
    });
    say(
      `  import and matching on arrival done in ${((performance.now() - t) / 1000).toFixed(1)} s, ${cpu(c)}`,
    );
    return;
  }
  const dir = values.world ?? `/tmp/clew-world-${values.scale}`;
  if (!existsSync(join(dir, 'manifest.json'))) {
    say(`generating the ${values.scale} world into ${dir}…`);
    await generateWorld({ seed: 7, scale: values.scale as 'small' | 'medium' | 'large', out: dir });
  }
  await loadWorld(hub, dir, actor);
};

/** Stored candidates between world records of a --mix run, against the world's truth. */
const scoreTruth = async (hub: Hub): Promise<string> => {
  if (truth === undefined) return '';
  const known = truth;
  const cluster = new Map<string, string>();
  const fragments = await hub.store.db
    .selectFrom('fragments')
    .select(['entity_id', 'original_id'])
    .where('dataset_id', '=', 'people')
    .execute();
  for (const f of fragments) {
    const c = known.get(f.original_id);
    if (c !== undefined) cluster.set(f.entity_id, c);
  }
  const sizes = new Map<string, number>();
  for (const c of known.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const truePairs = [...sizes.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0);
  const rows = await hub.store.db.selectFrom('match_candidates').select(['entity_a', 'entity_b']).execute();
  let right = 0;
  let wrong = 0;
  for (const r of rows) {
    const [a, b] = [cluster.get(r.entity_a), cluster.get(r.entity_b)];
    if (a === undefined || b === undefined) continue;
    if (a === b) right++;
    else wrong++;
  }
  return (
    `; world records: ${known.size}, true pairs ${truePairs}, found ${right} (recall ${(right / truePairs).toFixed(4)}), ` +
    `${wrong} candidates between different world people`
  );
};

const avg = (): string => loadavg()[0]?.toFixed(1) ?? '?';

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
    `${hub.matching.status(actor).records} index entries, ${candidates} candidates stored; ${loadCpu}; load avg ${avg()}` +
    (await scoreTruth(hub)),
);
await hub.close();

hub = await open();
if (!values['no-restart']) {
  const rss0 = process.memoryUsage().rss;
  const c1 = process.cpuUsage();
  const status = await hub.matching.warm();
  say(
    `restart: index of ${status.records} entries built from the store in ${(status.buildSeconds ?? 0).toFixed(1)} s ` +
      `(${Math.round(status.records / (status.buildSeconds ?? 1))} entries/s, ${cpu(c1)}), RSS +${mb(process.memoryUsage().rss - rss0)}; ` +
      `load avg ${avg()}`,
  );
}
const largest = [...stats].sort((a, b) => b.total - a.total)[0];
if (largest) {
  const c2 = process.cpuUsage();
  const x = await hub.matching.xref(actor, largest.dataset);
  say(
    `xref ${largest.dataset}: ${x.records} records in ${x.seconds.toFixed(1)} s = ${Math.round(x.records / x.seconds)} records/s, ` +
      `${x.candidates} candidates, ${cpu(c2)}; load avg ${avg()}` +
      (await scoreTruth(hub)),
  );
}
await hub.close();
await loc.cleanup();
