import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMapping, type RowError } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHub, type HubFixture } from '../testing/hub-fixture.js';
import { checkTable } from './table-import.service.js';

const dialects = await testDialects();

const mappingFor = (format: 'csv' | 'xlsx', dob = '{ date: DD/MM/YYYY }') =>
  parseMapping(`
version: 1
source: { format: ${format} }
provenance: { source: border log, collected: { column: Seen, format: ISO }, handling: H2 }
entities:
  - key: person
    schema: Person
    id: { columns: [Doc], prefix: p- }
    properties:
      name: { column: Name }
      birthDate: { column: DOB, transform: [${dob}] }
  - key: passport
    schema: Passport
    id: { columns: [Doc], prefix: pp- }
    properties:
      holder: { entity: person }
      number: { column: Doc }
`);

const CSV = [
  'Doc;Name;DOB;Seen',
  'A1;Mohammed Ali;02/03/1985;2024-05-01',
  'A2;"Tesfay; Yohannes";31/02/1990;2024-05-01',
  '',
  'A3;Sara Kidane;01/01/2000;2024-05-02',
  'A1;Mohammed Ali;02/03/1985;2024-05-01;extra',
].join('\r\n');

describe.each(dialects)('table import on %s', (dialect) => {
  let f: HubFixture;
  let dir: string;
  beforeEach(async () => {
    f = await buildHub(dialect);
    dir = await mkdtemp(join(tmpdir(), 'clew-table-'));
  });
  afterEach(async () => {
    await f.close();
    await rm(dir, { recursive: true, force: true });
  });

  const exportAll = async (): Promise<Record<string, unknown>[]> => {
    const out: Record<string, unknown>[] = [];
    for await (const line of f.hub.ftm.exportFtm(f.actor, 'it-cases'))
      out.push(JSON.parse(line) as Record<string, unknown>);
    return out;
  };

  it('imports the good rows, reports the bad ones, and a second run changes nothing', async () => {
    const file = join(dir, 'log.csv');
    await writeFile(file, CSV);
    const rejected: RowError[] = [];
    const run = () =>
      f.hub.tables.importTable(f.actor, {
        dataset: 'it-cases',
        file,
        mapping: mappingFor('csv'),
        batchSize: 2,
        onReject: (r) => rejected.push(r),
      });
    const report = await run();
    expect(report).toMatchObject({
      rows: 4,
      accepted: 2,
      rejected: 2,
      entities: 4,
      bySchema: { Person: 2, Passport: 2 },
    });
    expect(rejected).toEqual([
      {
        row: 3,
        column: 'DOB',
        field: 'person.birthDate',
        reason: '"31/02/1990" is not a real date (format DD/MM/YYYY)',
      },
      { row: 5, reason: 'the row has 5 cells; the header has 4' },
    ]);
    const first = await exportAll();
    expect(first).toContainEqual({
      id: 'p-A1',
      schema: 'Person',
      properties: { name: ['Mohammed Ali'], birthDate: ['1985-03-02'] },
      clew: { marking: { source: 'border log', collected: '2024-05-01', handling: 'H2' } },
    });
    expect(first).toContainEqual(
      expect.objectContaining({ id: 'pp-A3', properties: { holder: ['p-A3'], number: ['A3'] } }),
    );
    await run();
    expect(await exportAll()).toEqual(first);
  });

  it('stops once more rows than --max-errors are refused', async () => {
    const file = join(dir, 'log.csv');
    await writeFile(file, CSV);
    await expect(
      f.hub.tables.importTable(f.actor, {
        dataset: 'it-cases',
        file,
        mapping: mappingFor('csv'),
        maxErrors: 1,
      }),
    ).rejects.toThrow(/more than 1 rows refused \(row 5/);
  });

  it('refuses a file that lacks a column the mapping reads', async () => {
    const file = join(dir, 'log.csv');
    await writeFile(file, 'Doc,Name\nA1,x');
    await expect(
      f.hub.tables.importTable(f.actor, { dataset: 'it-cases', file, mapping: mappingFor('csv') }),
    ).rejects.toThrow(/does not have: Seen, DOB/);
  });
});

describe('XLSX and check', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clew-table-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads dates stored as dates or numbers, cached formulas, and reports uncached ones', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('log');
    ws.addRow(['Doc', 'Name', 'DOB', 'Seen']);
    ws.addRow(['A1', 'Mohammed Ali', 31108, new Date(Date.UTC(2024, 4, 1))]);
    ws.addRow(['A2', { formula: 'CONCAT("Sara"," Kidane")', result: 'Sara Kidane' }, 36526, '2024-05-02']);
    ws.addRow(['A3', { formula: 'CONCAT("x")' }, 36526, '2024-05-02']);
    ws.getColumn(4).numFmt = 'yyyy-mm-dd';
    const file = join(dir, 'log.xlsx');
    await wb.xlsx.writeFile(file);
    const rejected: RowError[] = [];
    const report = await checkTable({
      file,
      mapping: mappingFor('xlsx', '{ date: excel }'),
      onReject: (r) => rejected.push(r),
    });
    expect(report).toMatchObject({ rows: 3, accepted: 2, rejected: 1, entities: 4 });
    expect(rejected).toEqual([{ row: 4, column: 'Name', reason: 'formula without a cached value' }]);
  });

  it('reports a truncated workbook as an invalid file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('log').addRow(['Doc']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const file = join(dir, 'cut.xlsx');
    await writeFile(file, buf.subarray(0, Math.floor(buf.length / 2)));
    await expect(checkTable({ file, mapping: mappingFor('xlsx') })).rejects.toThrow(/XLSX|empty/);
  });

  it('reports a file that is no workbook at all, naming it', async () => {
    const file = join(dir, 'renamed.xlsx');
    await writeFile(file, 'Doc,Name\nA1,x\n');
    await expect(checkTable({ file, mapping: mappingFor('xlsx') })).rejects.toThrow(
      /renamed\.xlsx.*not a readable XLSX file|not a readable XLSX file.*renamed\.xlsx/,
    );
  });
});
