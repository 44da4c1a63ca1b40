/**
 * Screening speed: one person against an index of `--size` people (default 1,000,000) built from the
 * demo world's people and names (screening-people.ts). Prints, as Markdown rows for docs/benchmarks.md:
 * index build time and memory, snapshot size and restore time, query latency p50/p95/p99 and recall@10
 * against the truth (full records, and name + birth date only), the same names and queries through
 * PostgreSQL pg_trgm, and deduplicating the whole index.
 *
 * Usage: npm run build && npm run bench:screening -- [--size N] [--scale medium] [--queries 2000]
 *        [--pg-queries 500] [--pg postgres://postgres@127.0.0.1:5432/test | --pg none] [--dedupe N]
 *        [--write-people DIR]   (only write the people and queries to DIR, for bench:screening-http)
 */
import { DEFAULT_PARAMS, ScreeningIndex, toMatchRecord, type MatchInput } from '@clew/core';
import type { ScaleName } from '@clew/demo';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchPeople,
  nameAndDate,
  writeBenchPeople,
  type BenchPerson,
  type BenchQuery,
} from './screening-people.js';
import { runPgTrgm } from './screening-pg.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    scale: { type: 'string', default: 'medium' },
    queries: { type: 'string', default: '2000' },
    'pg-queries': { type: 'string', default: '500' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    dedupe: { type: 'string', default: '' },
    'write-people': { type: 'string', default: '' },
  },
});
const SIZE = Number(args.size);
const QUERIES = Number(args.queries);
const PG_QUERIES = Number(args['pg-queries']);
const DEDUPE = args.dedupe === '' ? SIZE : Number(args.dedupe);

const gc = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const memory = (): { heap: number; rss: number } => {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number): string => x.toFixed(2);
const cpuSeconds = (since: NodeJS.CpuUsage): string => {
  const u = process.cpuUsage(since);
  return ((u.user + u.system) / 1e6).toFixed(2);
};
const percentiles = (xs: readonly number[]): string =>
  [0.5, 0.95, 0.99].map((q) => ms(quantile(xs, q))).join(' / ');
// Wall-clock latency, and CPU time (which other work on a shared machine does not inflate).
const latencyRow = (
  label: string,
  lat: readonly number[],
  cpu: readonly number[],
  recall: number,
  extra = '',
): void => {
  const cpuText = cpu.length === 0 ? '—' : percentiles(cpu);
  console.log(
    `| ${label} | ${lat.length} | ${percentiles(lat)} | ${cpuText} | ${recall.toFixed(4)} | ${extra} |`,
  );
};

const cpu = cpus();
console.log(`# Screening benchmark\n`);
console.log(
  `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, Node ${process.version}, load average at start ${loadavg()[0]?.toFixed(2) ?? '?'}; ${SIZE.toLocaleString('en')} people, world ${args.scale}\n`,
);

let t0 = performance.now();
const people = benchPeople(args.scale as ScaleName, QUERIES);
const fillers = Math.max(0, SIZE - people.truths.length);
console.log(
  `world: ${people.truths.length} people indexed with queries, ${people.queries.length} queries, ${fillers} filler people; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

if (args['write-people'] !== '') {
  const files = await writeBenchPeople(people, SIZE, args['write-people']);
  console.log(`written: ${files.peopleFile}, ${files.queriesFile}`);
  process.exit(0);
}

// Every indexed person, truths first: (id, name) for pg_trgm and the inputs for Clew.
function* everyone(): Generator<BenchPerson> {
  yield* people.truths;
  for (let i = 0; i < fillers; i++) yield people.filler(i);
}

const before = memory();
// Built in a function, so the built index is garbage once its snapshot is taken: the queries run
// against the restored index alone, as a restarted hub's would.
const build = (): { bytes: Uint8Array; size: number; buildMs: number } => {
  const index = new ScreeningIndex({ params: DEFAULT_PARAMS });
  let featuresMs = 0;
  let addMs = 0;
  const started = performance.now();
  for (const p of everyone()) {
    const f0 = performance.now();
    const record = toMatchRecord(p.input);
    const f1 = performance.now();
    index.add(record);
    featuresMs += f1 - f0;
    addMs += performance.now() - f1;
  }
  index.compact(); // as the hub does after building from its store
  const buildMs = performance.now() - started;
  const after = memory();
  console.log(
    `\nbuild: ${index.size.toLocaleString('en')} people in ${(buildMs / 1000).toFixed(1)} s (features ${(featuresMs / 1000).toFixed(1)} s, index ${(addMs / 1000).toFixed(1)} s, compaction included); memory of the built index: heap+arrayBuffers +${mib(after.heap - before.heap)}, RSS +${mib(after.rss - before.rss)}`,
  );
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  const bytes = index.snapshot();
  console.log(
    `snapshot: ${mib(bytes.length)} in ${((performance.now() - w0) / 1000).toFixed(1)} s (CPU ${cpuSeconds(c0)} s)`,
  );
  return { bytes, size: index.size, buildMs };
};
const built = build();
const dir = mkdtempSync(join(tmpdir(), 'clew-screening-'));
writeFileSync(join(dir, 'index.clsx'), built.bytes);
built.bytes = new Uint8Array(0);
// Array buffers are freed after a collection, not during it: let the built index's go first.
await new Promise((resolve) => setTimeout(resolve, 500));
const beforeRestore = memory();
t0 = performance.now();
let c0 = process.cpuUsage();
const file = readFileSync(join(dir, 'index.clsx'));
const readMs = performance.now() - t0;
const readCpu = cpuSeconds(c0);
t0 = performance.now();
c0 = process.cpuUsage();
const restored = ScreeningIndex.restore(file);
const restoreMs = performance.now() - t0;
const restoreCpu = cpuSeconds(c0);
rmSync(dir, { recursive: true });
const afterRestore = memory();
console.log(
  `restart: file read in ${(readMs / 1000).toFixed(1)} s (CPU ${readCpu} s), restored in ${(restoreMs / 1000).toFixed(2)} s (CPU ${restoreCpu} s), ${restored.size.toLocaleString('en')} people; memory of the restored index: heap+arrayBuffers +${mib(afterRestore.heap - beforeRestore.heap)}, RSS +${mib(afterRestore.rss - beforeRestore.rss)}`,
);

// One query: features of the example, then the index. Recall@10: the truth among the first ten.
const screen = (
  qs: readonly BenchQuery[],
  shape: (q: MatchInput) => MatchInput,
): { lat: number[]; cpu: number[]; recall: number; compared: number } => {
  const lat: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  let compared = 0;
  for (const q of qs) {
    const s = performance.now();
    const c = process.cpuUsage();
    const hits = restored.query(toMatchRecord(shape(q.input)), { limit: 10 });
    const used = process.cpuUsage(c);
    lat.push(performance.now() - s);
    cpu.push((used.user + used.system) / 1000);
    compared += restored.lastStats.compared;
    if (hits.some((h) => h.id === q.truth)) found++;
  }
  return { lat, cpu, recall: found / qs.length, compared: compared / qs.length };
};

console.log('\n| query | queries | wall ms p50 / p95 / p99 | CPU ms p50 / p95 / p99 | recall@10 | notes |');
console.log('|---|---|---|---|---|---|');
screen(people.queries.slice(0, 200), (q) => q); // warm-up
const full = screen(people.queries, (q) => q);
latencyRow(
  'Clew, whole record',
  full.lat,
  full.cpu,
  full.recall,
  `${full.compared.toFixed(0)} compared per query`,
);
const named = screen(people.queries, nameAndDate);
latencyRow(
  'Clew, name + birth date',
  named.lat,
  named.cpu,
  named.recall,
  `${named.compared.toFixed(0)} compared per query`,
);

if (args.pg !== 'none') {
  const pgQueries = people.queries.slice(0, PG_QUERIES);
  const names = (function* () {
    for (const p of everyone()) yield [p.input.id, p.name] as const;
  })();
  try {
    const pgr = await runPgTrgm(
      args.pg,
      names,
      pgQueries.map((q) => q.name),
    );
    const recall =
      pgQueries.filter((q, i) => pgr.results[i]?.includes(q.truth) === true).length / pgQueries.length;
    latencyRow(
      'PostgreSQL pg_trgm, name',
      pgr.latencies,
      [],
      recall,
      `load ${pgr.loadSeconds.toFixed(0)} s, GIN index ${pgr.indexSeconds.toFixed(0)} s`,
    );
    const clewSame = screen(pgQueries, (q) => ({
      schema: 'Person',
      properties: { name: [q.properties.name?.[0] ?? ''] },
    }));
    latencyRow(
      'Clew, the same name only',
      clewSame.lat,
      clewSame.cpu,
      clewSame.recall,
      'same queries as pg_trgm',
    );
  } catch (e) {
    console.log(`pg_trgm skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}

if (DEDUPE > 0) {
  // Every indexed person screened against the others: the pairs at or above the threshold.
  t0 = performance.now();
  let pairs = 0;
  let done = 0;
  for (let slot = 0; slot < restored.slots && done < DEDUPE; slot++) {
    const id = restored.idAt(slot);
    const record = restored.get(id);
    if (record === undefined) continue;
    done++;
    for (const h of restored.query(record, {
      exclude: id,
      candidates: 8,
      minScore: DEFAULT_PARAMS.threshold,
    }))
      if (h.id > id) pairs++;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `\ndedupe: ${done.toLocaleString('en')} people screened against the index in ${s.toFixed(1)} s (${(done / s).toFixed(0)} people/s, 8 compared each), ${pairs} pairs at posterior ≥ ${DEFAULT_PARAMS.threshold}; from scratch (features + index + dedupe) ${((built.buildMs / 1000) * (done / built.size) + s).toFixed(0)} s`,
  );
}
