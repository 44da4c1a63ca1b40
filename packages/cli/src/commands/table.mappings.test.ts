import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTable } from '@clew/app';
import { mapRow, parseFtmLine, parseMapping, type FtmEntity } from '@clew/core';
import { generateWorld } from '@clew/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
