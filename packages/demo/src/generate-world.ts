import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { unavailable } from '@clew/core';
import { AGENCIES, type AgencyId } from './agencies/agencies.js';
import { NATIVE_TABLES, type NativeTable } from './agencies/native-tables.js';
import { buildManifest, type WorldManifest } from './manifest.js';
import { ftmPath } from './observe/emitter.js';
import { resolveWorldOptions, type WorldOptions } from './options.js';
import { TRUTH_ORDER, TRUTH_TABLES, type TruthTable } from './truth/truth.js';
import { worldRecords } from './world-stream.js';
import { csvLine, TextSink } from './write/text-sink.js';
import { XlsxWriter } from './write/xlsx-writer.js';

/** Progress of a generation, reported after each group. */
export interface GenerateProgress {
  groupsDone: number;
  groupsTotal: number;
  people: number;
  records: number;
  elapsedMs: number;
}

/** Options of generateWorld: the world's options plus where to write it. */
export interface GenerateOptions extends WorldOptions {
  /** Output directory; created if missing. Files the generator writes are overwritten. */
  out: string;
  onProgress?: (p: GenerateProgress) => void;
}

/** Counts for one agency. */
export interface AgencySummary {
  entities: number;
  rows: number;
  bySchema: Record<string, number>;
}

/** What generateWorld wrote. */
export interface GenerateSummary {
  seed: string;
  people: number;
  groups: number;
  noise: number;
  out: string;
  durationMs: number;
  /** FtM entities plus native rows: every record an agency holds. */
  records: number;
  entities: number;
  nativeRows: number;
  truthRows: Record<TruthTable, number>;
  agencies: Record<AgencyId, AgencySummary>;
  /** Every file written, relative to `out`. */
  files: string[];
  manifest: WorldManifest;
}

const EXCEL_DATE: Readonly<Record<string, string>> = {
  'DD.MM.YYYY': 'dd.mm.yyyy',
  'MM-DD-YYYY': 'mm-dd-yyyy',
  'YYYY-MM-DD': 'yyyy-mm-dd',
};

type Out = { kind: 'text'; sink: TextSink; table?: NativeTable } | { kind: 'xlsx'; sink: XlsxWriter };

const openOut = async (
  root: string,
  files: Map<string, Out>,
  path: string,
  make: (full: string) => Promise<Out>,
): Promise<Out> => {
  const known = files.get(path);
  if (known) return known;
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  const out = await make(full);
  files.set(path, out);
  return out;
};

const prepareDir = async (out: string): Promise<void> => {
  try {
    await mkdir(out, { recursive: true });
    await access(out, constants.W_OK);
  } catch (e) {
    throw unavailable(`cannot write the demo world to "${out}": ${(e as Error).message}`, { file: out });
  }
};

/**
 * Generate a world and write it to a directory: per agency an FtM JSON-lines file and its native
 * CSV/XLSX exports, the truth tables under truth/, and manifest.json. Streams group by group, so
 * memory stays flat at any scale. Throws an Invalid ClewError on bad options and an Unavailable one
 * when the directory cannot be written.
 */
export const generateWorld = async (options: GenerateOptions): Promise<GenerateSummary> => {
  const started = performance.now();
  const o = resolveWorldOptions(options);
  await prepareDir(options.out);
  const root = options.out;
  const files = new Map<string, Out>();
  const agencies = Object.fromEntries(
    AGENCIES.map((a) => [a.id, { entities: 0, rows: 0, bySchema: {} }]),
  ) as Record<AgencyId, AgencySummary>;
  const truthRows = Object.fromEntries(TRUTH_ORDER.map((t) => [t, 0])) as Record<TruthTable, number>;
  let entities = 0;
  let nativeRows = 0;
  try {
    const ftm = new Map<AgencyId, TextSink>();
    for (const a of AGENCIES) {
      const out = await openOut(root, files, ftmPath(a.id), async (full) => ({
        kind: 'text',
        sink: await TextSink.create(full),
      }));
      if (out.kind === 'text') ftm.set(a.id, out.sink);
    }
    const tables = new Map<NativeTable, Out>();
    for (const t of NATIVE_TABLES) {
      const out = await openOut(root, files, t.path, async (full) => {
        if (t.format === 'xlsx')
          return {
            kind: 'xlsx',
            sink: await XlsxWriter.create(
              full,
              t.sheet ?? 'Sheet1',
              t.columns,
              EXCEL_DATE[t.dateFormat] ?? 'yyyy-mm-dd',
            ),
          };
        const sink = await TextSink.create(full);
        sink.write((t.bom ? '\ufeff' : '') + csvLine(t.columns, t.delimiter, t.eol));
        return { kind: 'text', sink, table: t };
      });
      tables.set(t, out);
    }
    const truth = new Map<TruthTable, TextSink>();
    for (const t of TRUTH_ORDER) {
      const out = await openOut(root, files, TRUTH_TABLES[t].file, async (full) => {
        const sink = await TextSink.create(full);
        sink.write(csvLine(TRUTH_TABLES[t].columns));
        return { kind: 'text', sink };
      });
      if (out.kind === 'text') truth.set(t, out.sink);
    }

    const records = truth.get('records');
    if (!records) throw new Error('truth/records.csv not opened');
    for (const r of worldRecords(options)) {
      switch (r.type) {
        case 'entity': {
          ftm.get(r.agency)?.write(`${JSON.stringify(r.entity)}\n`);
          // Ids, clusters, agencies and schemata hold no commas or quotes: no CSV quoting needed.
          records.write(`${r.cluster},${r.agency},${ftmPath(r.agency)},${r.entity.id},${r.entity.schema}\n`);
          truthRows.records++;
          const s = agencies[r.agency];
          s.entities++;
          s.bySchema[r.entity.schema] = (s.bySchema[r.entity.schema] ?? 0) + 1;
          entities++;
          break;
        }
        case 'row': {
          const out = tables.get(r.table);
          if (out?.kind === 'xlsx') await out.sink.addRow(r.cells);
          else out?.sink.write(csvLine(r.cells, r.table.delimiter, r.table.eol));
          agencies[r.table.agency].rows++;
          nativeRows++;
          break;
        }
        case 'truth':
          truth.get(r.table)?.write(csvLine(r.cells));
          truthRows[r.table]++;
          break;
        case 'progress':
          for (const f of files.values()) if (f.sink.pending) await f.sink.flush();
          options.onProgress?.({
            groupsDone: r.groupsDone,
            groupsTotal: r.groupsTotal,
            people: r.people,
            records: entities + nativeRows,
            elapsedMs: performance.now() - started,
          });
          await nextTick();
          break;
      }
    }
    for (const f of files.values()) await f.sink.close();
  } catch (e) {
    for (const f of files.values()) await f.sink.abort().catch(() => undefined);
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
      throw unavailable(`writing the demo world to "${root}" failed: ${e.message}`, { file: root });
    }
    throw e;
  }
  const manifest = buildManifest(o);
  await writeFile(join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    seed: o.seedLabel,
    people: o.people,
    groups: o.groups,
    noise: o.noise,
    out: root,
    durationMs: Math.round(performance.now() - started),
    records: entities + nativeRows,
    entities,
    nativeRows,
    truthRows,
    agencies,
    files: [...files.keys(), 'manifest.json'],
    manifest,
  };
};
