/**
 * The dedupe pass's core alone, on one thread and in memory: convert people to matching records,
 * plan the blocks, compare each record's best candidates — the three costs of `clew xref` without the
 * store, the threads or the candidates' storage. For judging a change to the core's matching code
 * (run before and after, on one file, and compare CPU and the pairs found).
 *
 * Usage: npm run build && node packages/cli/dist/bench/dedupe-pairs.bench.js
 *          [--size 200000] [--candidates 16] [--cap 300] [--dir bench/out]
 * The people are the xref bench's `--mix` file (the small world's Person records, then recombined
 * people), written to `<dir>/mix-small-<size>.ftm.jsonl` if missing.
 */
import { dedupeKeys, dedupePairs, planDedupe, toMatchRecord, type MatchInput } from '@clew/core';
import { HUB_PARAMS } from '@clew/app';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeMixedPeople } from './mixed-people.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '200000' },
    candidates: { type: 'string', default: '16' },
    cap: { type: 'string', default: '300' },
    dir: { type: 'string', default: 'bench/out' },
  },
});
const size = Number(values.size);
const file = join(values.dir, `mix-small-${size}.ftm.jsonl`);
if (!existsSync(file)) {
  mkdirSync(values.dir, { recursive: true });
  await writeMixedPeople(file, size, 'small');
}
const inputs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as MatchInput);

const seconds = (from: NodeJS.CpuUsage): string => {
  const u = process.cpuUsage(from);
  return `${((u.user + u.system) / 1e6).toFixed(2)} s`;
};
let c = process.cpuUsage();
const records = inputs.map((e, i) =>
  toMatchRecord({ schema: e.schema, properties: e.properties }, String(i)),
);
const convert = seconds(c);
c = process.cpuUsage();
const keys = dedupeKeys(records);
const keyed = seconds(c);
c = process.cpuUsage();
const plan = planDedupe(keys, Number(values.cap));
const planned = seconds(c);
c = process.cpuUsage();
const found = dedupePairs(
  plan,
  (i) => {
    const r = records[i];
    if (!r) throw new Error(`no record ${String(i)}`);
    return r;
  },
  HUB_PARAMS,
  { candidates: Number(values.candidates) },
);
process.stdout.write(
  `${String(records.length)} people (${file}), ${String(cpus().length)} × ${cpus()[0]?.model ?? '?'}, ` +
    `Node ${process.version}, load ${loadavg()[0]?.toFixed(1) ?? '?'}\n` +
    `CPU, one thread: convert ${convert}, blocking keys ${keyed}, plan ${planned} ` +
    `(${String(plan.blockStart.length - 1)} blocks ≤ ${values.cap}), ` +
    `pairs ${seconds(c)} (best ${values.candidates} a record): ${String(found.length)} pairs ≥ ${String(HUB_PARAMS.threshold)}\n`,
);
