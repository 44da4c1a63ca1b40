import type { MarkingJson } from '@clew/core';
import { AGENCIES, type AgencyId, type AgencyKind } from './agencies/agencies.js';
import type { DateFormat } from './agencies/formats.js';
import { NATIVE_TABLES } from './agencies/native-tables.js';
import { ftmPath } from './observe/emitter.js';
import type { ResolvedWorldOptions } from './options.js';
import { TRUTH_ORDER, TRUTH_TABLES } from './truth/truth.js';

/** An agency as the manifest lists it. */
export interface ManifestAgency {
  id: AgencyId;
  name: string;
  kind: AgencyKind;
  /** FtM country code; "eu" for the EU border agency, "zz" for the international body. */
  country: string;
  /** The marking of the agency's records unless an entity says otherwise. */
  defaultMarking: MarkingJson;
}

/** One file of a dataset. */
export interface ManifestFile {
  /** Relative to the world directory. */
  path: string;
  format: 'ftm' | 'csv' | 'xlsx';
  /** The FtM schemata whose entities each row is derived from (native files). */
  schemata?: string[];
  /** The column holding the id of the FtM entity a row is derived from (native files). */
  key?: string;
  delimiter?: string;
  bom?: boolean;
  dateFormat?: DateFormat;
  /** XLSX: the first sheet's name (further sheets get " (2)", " (3)"… past a million rows). */
  sheet?: string;
}

/** One agency's dataset: its FtM file and its native exports. */
export interface ManifestDataset {
  name: string;
  agency: AgencyId;
  files: ManifestFile[];
}

/** The manifest.json of a generated world. */
export interface WorldManifest {
  format: 'clew-demo-world';
  version: 1;
  seed: string;
  people: number;
  groups: number;
  noise: number;
  agencies: ManifestAgency[];
  datasets: ManifestDataset[];
  truth: { table: string; file: string; columns: string[]; doc: string }[];
}

/** The manifest of a world with these options (it holds no timestamps, so it is deterministic too). */
export const buildManifest = (o: ResolvedWorldOptions): WorldManifest => ({
  format: 'clew-demo-world',
  version: 1,
  seed: o.seedLabel,
  people: o.people,
  groups: o.groups,
  noise: o.noise,
  agencies: AGENCIES.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    country: a.country,
    defaultMarking: { ...a.defaultMarking },
  })),
  datasets: AGENCIES.map((a) => {
    const files: ManifestFile[] = [{ path: ftmPath(a.id), format: 'ftm' }];
    for (const t of NATIVE_TABLES.filter((x) => x.agency === a.id)) {
      const same = files.find((f) => f.path === t.path);
      if (same) {
        same.schemata?.push(t.schema);
        continue;
      }
      const f: ManifestFile = {
        path: t.path,
        format: t.format,
        schemata: [t.schema],
        key: t.columns[0] ?? '',
        dateFormat: t.dateFormat,
      };
      if (t.format === 'csv') {
        f.delimiter = t.delimiter ?? ',';
        f.bom = t.bom ?? false;
      } else if (t.sheet !== undefined) {
        f.sheet = t.sheet;
      }
      files.push(f);
    }
    return { name: a.id, agency: a.id, files };
  }),
  truth: TRUTH_ORDER.map((t) => ({
    table: t,
    file: TRUTH_TABLES[t].file,
    columns: [...TRUTH_TABLES[t].columns],
    doc: TRUTH_TABLES[t].doc,
  })),
});
