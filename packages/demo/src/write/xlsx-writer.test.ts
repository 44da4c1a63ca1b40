import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxWriter } from './xlsx-writer.js';

describe('XlsxWriter', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clew-xlsx-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const write = async (name: string, rows: number): Promise<string> => {
    const path = join(dir, name);
    const w = await XlsxWriter.create(
      path,
      'Personen',
      ['ID', 'Name', 'Geburtsdatum', 'Alter'],
      'dd.mm.yyyy',
      3,
    );
    for (let i = 1; i <= rows; i++)
      await w.addRow([
        `p${String(i)}`,
        i === 1 ? 'Müller & <Söhne> "ገብረ"' : `N${String(i)}`,
        i === 2 ? '1994' : { date: '1990-03-07' },
        i,
      ]);
    await w.close();
    return path;
  };

  it('writes a workbook that Excel readers open, with text, numbers and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await write('a.xlsx', 2));
    const ws = wb.getWorksheet('Personen');
    expect(ws?.getRow(1).values).toEqual([undefined, 'ID', 'Name', 'Geburtsdatum', 'Alter']);
    expect(ws?.getCell('B2').value).toBe('Müller & <Söhne> "ገብረ"');
    expect(ws?.getCell('C2').value).toEqual(new Date(Date.UTC(1990, 2, 7)));
    expect(ws?.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(ws?.getCell('C3').value).toBe('1994');
    expect(ws?.getCell('D3').value).toBe(2);
  });

  it('starts a new sheet when one is full', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await write('b.xlsx', 7));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Personen', 'Personen (2)', 'Personen (3)']);
    expect(wb.worksheets.map((s) => s.rowCount)).toEqual([4, 4, 2]);
  });

  it('gives the same bytes for the same rows', async () => {
    const [a, b] = await Promise.all([write('c.xlsx', 5), write('d.xlsx', 5)]);
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });
});
