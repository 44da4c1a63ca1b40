/**
 * How fast the store can take fragments, with no file to read and nothing to map: the ceiling of any
 * import on this machine. Writes N fragments shaped like the table benchmark's (a Person with six
 * statements) into a fresh SQLite store, twice:
 *
 * 1. through `WritesRepo.writeBatch`, as every import does (batches of 6,000 fragments, one
 *    transaction each, upserts keyed by entity and dataset, the store's indexes and foreign keys);
 * 2. through SQLite alone: the same rows into the same table by one prepared single-row insert run in
 *    the same transactions — the least any write path on this schema can cost.
 *
 * Usage: node packages/store/dist/bench/write-floor.bench.js [--fragments 300000] [--batch 6000]
 */
import { DEFAULT_MARKING, type StatementDraft } from '@clew/core';
import SqliteDatabase from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { draftsShareable, packStatements } from '../repos/fragment-codec.js';
import type { FragmentWrite } from '../repos/writes.repo.js';
import { openStore } from '../store.js';
import { seedDataset } from '../testing/dialects.js';

const { values } = parseArgs({
  options: { fragments: { type: 'string', default: '300000' }, batch: { type: 'string', default: '6000' } },
});
const N = Number(values.fragments);
const BATCH = Number(values.batch);

const draft = (entityId: string, prop: string, value: string, seq: number): StatementDraft => ({
  ...DEFAULT_MARKING,
  entityId,
  dataset: 'rows',
  agency: 'bench',
  schema: 'Person',
  prop,
  propType: 'text',
  value,
  seq,
  source: 'border-log.csv',
  collected: '2024-01-10',
});

// Ids as a mapping makes them from a reference column: a prefix, the reference, a signature.
const fragmentAt = (i: number): FragmentWrite => {
  const id = `p-R${String(i)}.${(i * 2654435761).toString(16).padStart(8, '0')}0123456789abcdef01234567`;
  const drafts = [
    draft(id, 'name', `Mohammed Haile ${String(i)}`, 0),
    draft(id, 'birthDate', '1960-01-01', 1),
    draft(id, 'nationality', 'er', 2),
    draft(id, 'phone', `+39310${String(i).padStart(7, '0')}`, 3),
    draft(id, 'passportNumber', `P${String(1000000 + i)}`, 4),
    draft(id, 'addressEntity', `a-Via-Roma-${String(i)}.0123456789abcdef0123456789abcdef01234567`, 5),
  ];
  return {
    entityId: id,
    originalId: `p-R${String(i)}`,
    schema: 'Person',
    caption: `Mohammed Haile ${String(i)}`,
    packed: packStatements(drafts),
    shareable: draftsShareable(drafts),
  };
};

const measure = async (label: string, write: (batch: FragmentWrite[], seq: number) => Promise<void>) => {
  let seconds = 0;
  let cpuSeconds = 0;
  for (let done = 0; done < N; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - done) }, (_, i) => fragmentAt(done + i));
    // Only the write is timed: building the batch is what the mapping workers do.
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    await write(batch, done);
    seconds += (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    cpuSeconds += (cpu.user + cpu.system) / 1e6;
  }
  process.stdout.write(
    `${label}: ${String(N)} fragments in ${seconds.toFixed(1)} s — ${String(Math.round(N / seconds))} fragments/s ` +
      `(${String(Math.round(N / seconds / 3))} table rows/s at 3 entities a row); CPU ${cpuSeconds.toFixed(1)} s ` +
      `(${((cpuSeconds * 1e6) / N).toFixed(1)} µs a fragment); load ${loadavg()[0]?.toFixed(1) ?? '?'}\n`,
  );
};

process.stdout.write(
  `machine: ${String(cpus().length)} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);

for (const path of ['write path', 'SQLite alone'] as const) {
  const dir = await mkdtemp(join(tmpdir(), 'clew-write-floor-'));
  const store = await openStore({ dataDir: dir });
  await seedDataset(store, 'rows', 'bench');
  if (path === 'write path') {
    await measure(path, async (batch, seq) => {
      await store.writes.writeBatch('run', 'rows', 'bench', seq, batch, () => false);
    });
  } else {
    const raw = new SqliteDatabase(store.location);
    raw.pragma('synchronous = FULL');
    const insert = raw.prepare(
      `insert into fragments (dataset_id, entity_id, agency_id, original_id, schema, caption, seq, import_run, statements, shareable)
       values ('rows', ?, 'bench', ?, ?, ?, ?, 'run', ?, ?)`,
    );
    const writeAll = raw.transaction((batch: FragmentWrite[], seq: number) => {
      batch.forEach((f, i) =>
        insert.run(f.entityId, f.originalId, f.schema, f.caption, seq + i, f.packed, f.shareable ? 1 : 0),
      );
    });
    await measure(path, (batch, seq) => {
      writeAll(batch, seq);
      return Promise.resolve();
    });
    raw.close();
  }
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
