/**
 * Benchmark: import a CSV (default 1,000,000 rows) and an XLSX (default 200,000 rows) through a
 * mapping that makes 3 entities a row (Person, Passport, Address), into a fresh store.
 * Usage: node packages/cli/dist/bench/import-table.bench.js [--csv 1000000] [--xlsx 200000]
 *        [--engine sqlite|postgres|both] [--workers 1] [--batch 2000] [--keys ordered|unordered]
 * With `--keys unordered`, references and passport numbers follow no order (as in a file sorted by
 * something else), so the ids made from them land all over the key's index; by default they follow
 * the file's order. Prints rows/s (the import alone: cross-matching of the new entities is not run), entities/s,
 * statements/s and peak RSS, with RSS at each tenth of the file to show memory stays flat.
 */
import { ImportEvents, TableImportService, openHub } from '@clew/app';
import { operatorActor, parseMapping } from '@clew/core';
import { XlsxWriter } from '@clew/demo';
import { freshLocation } from '@clew/store/testing';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: '1000000' },
    xlsx: { type: 'string', default: '200000' },
    engine: { type: 'string', default: 'both' },
    dir: { type: 'string', default: 'bench/out' },
    workers: { type: 'string', default: '1' },
    batch: { type: 'string', default: '2000' },
    keys: { type: 'string', default: 'ordered' },
  },
});

const GIVEN = [
  'Mohammed',
  'Yohannes',
  'Amina',
  'Thi Lan',
  'Ivan',
  'Fatima',
  'Ahmed',
  'Tesfaye',
  'Olga',
  'Blessing',
];
const FAMILY = [
  'Haile',
  'Nguyen',
  'Petrov',
  'Hassan',
  'Okafor',
  'Berhane',
  'Ibrahim',
  'Hoxha',
  'Diallo',
  'Tran',
];
const NAT = ['ERI', 'ETH', 'NGA', 'SYR', 'IRQ', 'VNM', 'ALB', 'SDN'];
const HEADER = ['Ref', 'Surname', 'Given names', 'DOB', 'Nationality', 'Phone', 'Doc no', 'Address', 'Seen'];

if (values.keys !== 'ordered' && values.keys !== 'unordered') throw new Error('--keys: ordered or unordered');
const unordered = values.keys === 'unordered';
// Multiplying by an odd number modulo 2^32 is a bijection: distinct keys in no particular order.
const key = (i: number, odd: number): number => (unordered ? Math.imul(i, odd) >>> 0 : i);

const cells = (i: number): string[] => [
  `R${String(key(i, 0x9e3779b1))}`,
  FAMILY[i % FAMILY.length] ?? '',
  `${GIVEN[(i * 7) % GIVEN.length] ?? ''} ${String(i % 997)}`,
  `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${String(1960 + (i % 45))}`,
  NAT[i % NAT.length] ?? '',
  `+39 3${String(100_000_000 + ((i * 7919) % 900_000_000))}`,
  `P${String(1_000_000 + key(i, 0x85ebca6b))}`,
  `Via Roma ${String(i % 500)}, ${String(i % 97)} Palermo`,
  `2024-0${String((i % 9) + 1)}-1${String(i % 10)}`,
];

const mappingText = (format: 'csv' | 'xlsx'): string => `version: 1
source: { format: ${format} }
provenance: { source: bench, collected: { column: Seen, format: ISO }, grading: B2, tlp: AMBER }
entities:
  - key: person
    schema: Person
    id: { columns: [Ref], prefix: p- }
    properties:
      lastName: { column: Surname }
      firstName: { column: Given names }
      birthDate: { column: DOB, transform: [{ date: DD/MM/YYYY }] }
      nationality: { column: Nationality, codes: { ERI: er, ETH: et, NGA: ng, SYR: sy, IRQ: iq, VNM: vn, ALB: al, SDN: sd } }
      phone: { column: Phone }
      addressEntity: { entity: address }
  - key: passport
    schema: Passport
    id: { columns: [Doc no], prefix: pp- }
    properties:
      holder: { entity: person }
      number: { column: Doc no }
  - key: address
    schema: Address
    id: { columns: [Address], prefix: a- }
    properties:
      full: { column: Address }
`;

const writeCsv = async (file: string, n: number): Promise<void> => {
  const out = createWriteStream(file);
  let buf = `${HEADER.join(',')}\n`;
  for (let i = 0; i < n; i++) {
    buf += `${cells(i)
      .map((c) => (c.includes(',') ? `"${c}"` : c))
      .join(',')}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await finished(out);
};

const writeXlsx = async (file: string, n: number): Promise<void> => {
  const w = await XlsxWriter.create(file, 'Sheet1', HEADER, 'yyyy-mm-dd');
  for (let i = 0; i < n; i++) await w.addRow(cells(i));
  await w.close();
};

/**
 * CPU seconds of each thread of this process so far, by thread id (Linux /proc; empty elsewhere): the
 * main thread's id is the process id, a worker's CPU is lost when it ends, so callers sample along the way.
 */
const threadCpu = (): Map<string, number> => {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) / 100); // utime + stime, in clock ticks of 10 ms
    }
  } catch {
    // Not Linux: no per-thread figures.
  }
  return out;
};

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
mkdirSync(values.dir, { recursive: true });
const files: { format: 'csv' | 'xlsx'; file: string; rows: number }[] = [];
for (const format of ['csv', 'xlsx'] as const) {
  const rows = Number(values[format]);
  if (rows <= 0) continue;
  const file = join(values.dir, `table-${String(rows)}${unordered ? '-unordered' : ''}.${format}`);
  if (!existsSync(file)) {
    process.stderr.write(`writing ${file}…\n`);
    await (format === 'csv' ? writeCsv(file, rows) : writeXlsx(file, rows));
  }
  files.push({ format, file, rows });
}
process.stdout.write(
  `machine: ${String(cpus().length)} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem())} RAM, Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
const engines =
  values.engine === 'both'
    ? (['sqlite', 'postgres'] as const)
    : ([values.engine] as ('sqlite' | 'postgres')[]);

for (const engine of engines) {
  for (const { format, file, rows } of files) {
    const loc = await freshLocation(engine);
    const { dataDir, databaseUrl, pgSchema } = loc.config;
    const hub = await openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});
    // The import alone: a service of its own, without the hub's listeners (cross-matching on arrival).
    const tables = new TableImportService(hub.store, hub.datasets, new ImportEvents(), dataDir);
    const actor = operatorActor();
    await hub.agencies.create(actor, { id: 'bench', name: 'Bench', kind: 'police', country: 'it' });
    await hub.datasets.create(actor, { name: 'rows', agency: 'bench' });
    const rss: number[] = [];
    let nextMark = rows / 10;
    const threads0 = threadCpu();
    const threads = new Map<string, number>();
    const sampleThreads = (): void => {
      for (const [tid, s] of threadCpu()) threads.set(tid, s - (threads0.get(tid) ?? 0));
    };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await tables.importTable(actor, {
      dataset: 'rows',
      file,
      mapping: parseMapping(mappingText(format)),
      workers: Number(values.workers),
      batchSize: Number(values.batch),
      onProgress: (p) => {
        sampleThreads();
        if (p.rows >= nextMark) {
          rss.push(process.memoryUsage().rss);
          nextMark += rows / 10;
        }
      },
    });
    sampleThreads();
    const main = threads.get(String(process.pid)) ?? 0;
    const others = [...threads].filter(([tid]) => tid !== String(process.pid)).map(([, t]) => t);
    const worker = Math.max(0, ...others);
    const rest = others.reduce((a, b) => a + b, 0) - worker;
    const perRow = (t: number): string => `${String(Math.round((t * 1e6) / report.rows))} µs`;
    // The whole call, with the checkpoint an import ends with (report.seconds stops before it).
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    process.stdout.write(
      `${engine} ${format} (${mb(statSync(file).size)}): ${String(report.rows)} rows → ${String(report.entities)} entities, ` +
        `${String(report.statements)} statements in ${s.toFixed(1)} s — ${String(Math.round(report.rows / s))} rows/s, ` +
        `${String(Math.round(report.entities / s))} entities/s; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; ` +
        `CPU ${cpuSeconds.toFixed(1)} s, all threads (${String(Math.round((cpuSeconds * 1e6) / report.rows))} µs a row: ` +
        `main ${perRow(main)}, busiest other thread ${perRow(worker)}, the rest ${perRow(rest)}); ` +
        `RSS at each tenth: ${rss.map(mb).join(' ')}; load ${loadavg()[0]?.toFixed(1) ?? '?'}\n`,
    );
    await hub.close();
    await loc.cleanup();
  }
}
