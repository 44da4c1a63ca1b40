/**
 * Benchmark: import N Person entities (6 properties each) from FtM JSON lines into a fresh store.
 * Usage: node packages/cli/dist/bench/import-ftm.bench.js [--n 1000000] [--engine sqlite|postgres|both]
 * Prints entities/s, statements/s, peak RSS (and RSS along the way, to show it stays flat) and
 * database bytes per entity.
 */
import { FtmIngestService, ImportEvents, openHub } from '@clew/app';
import { operatorActor } from '@clew/core';
import { freshLocation } from '@clew/store/testing';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { writeSyntheticPeople } from './synthetic-people.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'both' },
    dir: { type: 'string', default: 'bench/out' },
    parallel: { type: 'string', default: 'true' },
  },
});
const n = Number(values.n);
const engines =
  values.engine === 'both'
    ? (['sqlite', 'postgres'] as const)
    : ([values.engine] as ('sqlite' | 'postgres')[]);
mkdirSync(values.dir, { recursive: true });
const file = join(values.dir, `people-${n}.ftm.jsonl`);
if (!existsSync(file)) {
  process.stderr.write(`writing ${file}…\n`);
  await writeSyntheticPeople(file, n);
}
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
process.stdout.write(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem())} RAM, Node ${process.version}\n` +
    `file: ${file} (${mb(statSync(file).size)}, ${n} entities)\n`,
);

for (const engine of engines) {
  const loc = await freshLocation(engine);
  const { dataDir, databaseUrl, pgSchema } = loc.config;
  const hub = await openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});
  const actor = operatorActor();
  await hub.agencies.create(actor, { id: 'bench', name: 'Bench', kind: 'police', country: 'it' });
  await hub.datasets.create(actor, { name: 'people', agency: 'bench' });
  const rss: number[] = [];
  let nextMark = n / 10;
  const t0 = performance.now();
  // The import alone, as the table bench measures it: without the hub's import listeners, so no
  // cross-matching on arrival (the xref bench measures loading with it).
  const ftm = new FtmIngestService(hub.store, hub.datasets, new ImportEvents(), hub.audit);
  const report = await ftm.importFtm(actor, {
    dataset: 'people',
    fileName: file,
    parallel: values.parallel !== 'false',
    open: () => createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
    onProgress: (p) => {
      if (p.accepted >= nextMark) {
        rss.push(process.memoryUsage().rss);
        nextMark += n / 10;
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const bytes = await hub.store.writes.sizeBytes(hub.store.dialect);
  process.stdout.write(
    `${engine}: ${report.accepted} entities, ${report.statements} statements in ${seconds.toFixed(1)} s — ` +
      `${Math.round(report.accepted / seconds)} entities/s, ${Math.round(report.statements / seconds)} statements/s; ` +
      `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; RSS at each tenth: ${rss.map(mb).join(' ')}; ` +
      `${Math.round(bytes / report.accepted)} bytes/entity on disk\n`,
  );
  await hub.close();
  await loc.cleanup();
}
