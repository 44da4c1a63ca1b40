import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHub, openTable, type Hub } from '@clew/app';
import { mapRow, operatorActor, parseFtmLine, parseMapping, type FtmEntity } from '@clew/core';
import { generateWorld } from '@clew/demo';
import { freshLocation, testDialects, type TestLocation } from '@clew/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld } from './demo.commands.js';
import { loadWorldTables, mappingFileOf, tablesDataset } from './demo-tables.js';

const MAPPINGS = fileURLToPath(new URL('../../../../mappings/', import.meta.url));

// Each example mapping, the native export it reads, and the properties it maps without loss; `within`
// ones hold some of the FtM values (one alias of several). Lossy ones are left out: names in
// capitals, a birth year written as 1 January.
const CASES: [mapping: string, agency: string, file: string, exact: string[], within?: string[]][] = [
  ['intl-ref-stolen-vessels.yaml', 'intl-ref', 'stolen-vessels.csv', ['name', 'imoNumber', 'mmsi', 'flag']],
  ['intl-ref-wanted.yaml', 'intl-ref', 'wanted.csv', ['firstName', 'nationality'], ['alias']],
  ['intl-ref-sltd.yaml', 'intl-ref', 'sltd.csv', ['number', 'country', 'description']],
  ['eu-bcg-incidents.yaml', 'eu-bcg', 'incidents.xlsx', ['date', 'location', 'country']],
  ['it-ps-eventi.yaml', 'it-ps', 'eventi.csv', ['name', 'date', 'location', 'involved']],
  [
    'de-bka-fahrzeuge.yaml',
    'de-bka',
    'fahrzeuge.xlsx',
    ['registrationNumber', 'model', 'type', 'owner', 'country'],
  ],
  [
    'it-ps-soggetti.yaml',
    'it-ps',
    'soggetti.csv',
    ['birthDate', 'nationality', 'gender', 'phone', 'passportNumber'],
  ],
  [
    'de-bka-personen.yaml',
    'de-bka',
    'personen.xlsx',
    ['lastName', 'birthDate', 'birthPlace', 'nationality', 'gender', 'phone', 'address'],
  ],
  [
    'uk-nca-nominals.yaml',
    'uk-nca',
    'nominals.csv',
    ['birthPlace', 'nationality', 'gender', 'phone', 'address'],
  ],
  [
    'gr-hp-persons.yaml',
    'gr-hp',
    'persons.csv',
    ['birthDate', 'nationality', 'gender', 'phone', 'passportNumber', 'address'],
  ],
  [
    'ng-npf-case-register.yaml',
    'ng-npf',
    'case-register.csv',
    ['name', 'gender', 'birthDate', 'nationality', 'phone', 'address'],
  ],
  [
    'al-asp-persona.yaml',
    'al-asp',
    'persona.csv',
    ['lastName', 'firstName', 'fatherName', 'birthPlace', 'nationality', 'idNumber', 'phone', 'address'],
  ],
  ['eu-bcg-screening.yaml', 'eu-bcg', 'screening.xlsx', ['birthDate', 'nationality', 'gender', 'phone']],
  ['fiu-str-transactions.yaml', 'fiu', 'str-transactions.csv', ['date', 'amount', 'currency', 'purpose']],
  [
    'ngo-casework.yaml',
    'ngo',
    'casework.xlsx',
    ['name', 'alias', 'birthDate', 'nationality', 'gender', 'phone', 'address'],
  ],
];

describe('the example mappings of the demo world', () => {
  let world: string;
  beforeAll(async () => {
    world = await mkdtemp(join(tmpdir(), 'clew-world-'));
    await generateWorld({ seed: 7, scale: 'tiny', out: world });
  });
  afterAll(async () => {
    await rm(world, { recursive: true, force: true });
  });

  it.each(CASES)(
    '%s gives the ids and values of the FtM file',
    async (mappingFile, agency, file, exact, within = []) => {
      const mapping = parseMapping(await readFile(join(MAPPINGS, mappingFile), 'utf8'), mappingFile);
      const ftm = new Map<string, FtmEntity>();
      for (const line of (await readFile(join(world, agency, 'entities.ftm.jsonl'), 'utf8')).split('\n')) {
        if (line !== '') {
          const e = parseFtmLine(line);
          ftm.set(e.id, e);
        }
      }
      const table = await openTable(join(world, agency, file), mapping);
      let mapped = 0;
      for await (const ev of table.events) {
        expect(ev.kind).not.toBe('error');
        if (ev.kind !== 'row') continue;
        const r = mapRow(mapping, ev.values, ev.row);
        if (!r.ok) throw new Error(`${file} row ${ev.row}: ${JSON.stringify(r.errors)}`);
        for (const e of r.entities) {
          const original = ftm.get(e.id);
          expect(original?.schema.name, e.id).toBe(e.schema.name);
          for (const prop of exact) {
            expect(e.properties.get(prop) ?? [], `${e.id} ${prop}`).toEqual(
              original?.properties.get(prop) ?? [],
            );
          }
          for (const prop of within) {
            for (const v of e.properties.get(prop) ?? []) expect(original?.properties.get(prop)).toContain(v);
          }
          mapped++;
        }
      }
      expect(mapped).toBeGreaterThan(0);
    },
  );
});

const dialects = await testDialects();

/** A dataset's entities as loaded: schema and values by property, by the id the files used. */
const contents = async (hub: Hub, dataset: string, originals: Map<string, string>) => {
  const out = new Map<string, { schema: string; props: Map<string, string[]> }>();
  for await (const f of hub.store.entities.datasetFragments(dataset)) {
    const props = new Map<string, string[]>();
    // Links hold namespaced ids, which differ between datasets: compare the ids the files used.
    for (const st of f.statements)
      props.set(st.prop, [...(props.get(st.prop) ?? []), originals.get(st.value) ?? st.value]);
    out.set(f.originalId, { schema: f.schema, props });
  }
  return out;
};

// "The same store", precisely: every entity the native exports make exists in the same agency's FtM
// dataset with the same id and schema, and every property a mapping reads without loss (CASES) has
// the same values there; no native row is rejected. Provenance differs by design (the exports carry
// a case reference, not the FtM file's per-entity marking), and what an export does not carry
// (relationships, lossy columns) is only in the FtM dataset.
describe.each(dialects)('the demo world loaded through its mappings, on %s', (dialect) => {
  let world: string;
  let location: TestLocation;
  let hub: Hub;
  beforeAll(async () => {
    world = await mkdtemp(join(tmpdir(), 'clew-world-'));
    await generateWorld({ seed: 11, scale: 'tiny', out: world });
    location = await freshLocation(dialect);
    const { dataDir, databaseUrl, pgSchema } = location.config;
    hub = await openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});
  }, 120_000);
  afterAll(async () => {
    await hub.close();
    await location.cleanup();
    await rm(world, { recursive: true, force: true });
  });

  it('holds the entities and values of the FtM files', { timeout: 300_000 }, async () => {
    const actor = operatorActor();
    const manifest = await loadWorld(hub, world, actor);
    await loadWorldTables(hub, world, manifest, actor, MAPPINGS);
    const originals = new Map<string, string>();
    for (const d of manifest.datasets) {
      for (const name of [d.name, tablesDataset(d.name)]) {
        for await (const f of hub.store.entities.datasetFragments(name))
          originals.set(f.entityId, f.originalId);
      }
    }
    const runs = await hub.store.db.selectFrom('imports').select(['kind', 'status', 'rejected']).execute();
    expect(runs.filter((r) => r.kind === 'table')).toHaveLength(15);
    expect(runs.every((r) => r.status === 'done' && r.rejected === 0)).toBe(true);
    let compared = 0;
    for (const d of manifest.datasets) {
      const ftm = await contents(hub, d.name, originals);
      const tables = await contents(hub, tablesDataset(d.name), originals);
      const exactBySchema = new Map<string, Set<string>>();
      for (const f of d.files) {
        const c = CASES.find(([m]) => m === mappingFileOf(d.agency, f.path));
        for (const schema of f.schemata ?? []) {
          const set = exactBySchema.get(schema) ?? new Set<string>();
          for (const prop of c?.[3] ?? []) set.add(prop);
          exactBySchema.set(schema, set);
        }
      }
      for (const [id, t] of tables) {
        const f = ftm.get(id);
        expect(f?.schema, `${d.name} ${id}`).toBe(t.schema);
        for (const prop of exactBySchema.get(t.schema) ?? []) {
          expect(t.props.get(prop) ?? [], `${d.name} ${id} ${prop}`).toEqual(f?.props.get(prop) ?? []);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
