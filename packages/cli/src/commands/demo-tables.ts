import type { Hub } from '@clew/app';
import { parseMapping, parseMarkingJson, type Actor } from '@clew/core';
import type { WorldManifest } from '@clew/demo';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from '../context.js';

/** The example mappings of the repository: one per native export of the demo world. */
export const DEMO_MAPPINGS_DIR = fileURLToPath(new URL('../../../../mappings/', import.meta.url));

/** The dataset a demo agency's native exports load into, beside the one its FtM file loads into. */
export const tablesDataset = (dataset: string): string => `${dataset}-tables`;

/** The mapping of a native export: `<agency>-<file name without extension>.yaml`. */
export const mappingFileOf = (agency: string, path: string): string =>
  `${agency}-${basename(path).replace(/\.(csv|xlsx)$/, '')}.yaml`;

/**
 * Load every native export (CSV, XLSX) of a generated world through its mapping, as an agency's
 * case-system exports: into `<dataset>-tables`, owned by the same agency with the same default
 * marking. Each row's entity keeps the id of the FtM entity it was derived from, so the two datasets
 * hold the same entities where the exports carry them (see table.mappings.test.ts for what "same" is).
 */
export const loadWorldTables = async (
  hub: Hub,
  dir: string,
  manifest: WorldManifest,
  actor: Actor,
  mappingsDir = DEMO_MAPPINGS_DIR,
): Promise<void> => {
  const existing = new Set((await hub.datasets.list(actor)).map((d) => d.name));
  for (const d of manifest.datasets) {
    const files = d.files.filter((f) => f.format === 'csv' || f.format === 'xlsx');
    if (files.length === 0) continue;
    const agency = manifest.agencies.find((a) => a.id === d.agency);
    const name = tablesDataset(d.name);
    if (!existing.has(name)) {
      await hub.datasets.create(actor, {
        name,
        agency: d.agency,
        label: `${agency?.name ?? d.agency}: case-system exports`,
        defaults: parseMarkingJson(agency?.defaultMarking ?? {}),
      });
    }
    for (const f of files) {
      const mappingFile = join(mappingsDir, mappingFileOf(d.agency, f.path));
      if (!existsSync(mappingFile)) throw new Error(`no mapping for ${f.path}: ${mappingFile} is missing`);
      const report = await hub.tables.importTable(actor, {
        dataset: name,
        file: join(dir, f.path),
        fileName: f.path,
        mapping: parseMapping(readFileSync(mappingFile, 'utf8'), mappingFile),
        workers: 1,
      });
      say(
        `  ${name}: ${f.path}: ${report.accepted} rows${report.rejected ? `, ${report.rejected} rejected` : ''}`,
      );
    }
  }
};
