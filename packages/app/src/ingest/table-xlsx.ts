import type { Readable } from 'node:stream';
import { ClewError, invalid } from '@clew/core';
import type ExcelJS from 'exceljs';
import type { TableEvent } from './table-csv.js';

/** How to read an XLSX workbook: which sheet (the first by default) and which row holds the header. */
export interface XlsxOptions {
  file?: string | undefined;
  sheet?: string | undefined;
  headerRow?: number | undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

// A date cell as ISO 8601: a day when it has no time of day (Excel dates are zone-less, read as UTC).
const isoOf = (d: Date): string => {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return time === '00:00:00' ? day : `${day}T${time}`;
};

/** A cell's value as text: dates as ISO, formulas as their cached result; throws for an uncached formula or an error cell. */
export const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoOf(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
  if ('error' in v) throw invalid(`the cell holds the error ${v.error}`);
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined) throw invalid('formula without a cached value');
    return cellText(v.result);
  }
  return '';
};

/**
 * Read one sheet of an XLSX workbook as table events, streaming (rows are not kept). Row numbers are
 * the sheet's; rows before the header row are skipped; a row with values beyond the header's columns,
 * or a cell that cannot be read, is reported as an error and reading goes on.
 */
export async function* readXlsx(
  input: string | Readable,
  options: XlsxOptions = {},
): AsyncGenerator<TableEvent> {
  const headerRow = options.headerRow ?? 1;
  // Loaded on first use: it is large, and every command that never reads a workbook would pay for it.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let header: string[] | undefined;
  let found = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name;
      if (found || (options.sheet !== undefined && name !== options.sheet)) {
        for await (const _row of sheet) {
          // The reader must still drain a sheet it skips.
        }
        continue;
      }
      found = true;
      for await (const r of sheet) {
        if (r.number < headerRow) continue;
        const raw = Array.isArray(r.values) ? r.values : [];
        const cells: string[] = [];
        let problem: string | undefined;
        let column: string | undefined;
        for (let i = 1; i < raw.length; i++) {
          try {
            cells.push(cellText(raw[i]));
          } catch (e) {
            if (!(e instanceof ClewError)) throw e;
            cells.push('');
            if (problem === undefined) {
              column = header?.[i - 1] ?? `column ${i}`;
              problem = e.message;
            }
          }
        }
        if (header === undefined) {
          header = cells.map((c) => c.trim());
          if (new Set(header).size !== header.length)
            throw invalid('the header names a column twice', { file: options.file, line: r.number });
          yield { kind: 'header', columns: header };
          continue;
        }
        const width = header.length;
        if (problem === undefined && cells.slice(width).some((c) => c !== ''))
          problem = `the row has values beyond the header's ${width} columns`;
        if (problem !== undefined) {
          yield { kind: 'error', row: r.number, line: r.number, column, reason: problem };
          continue;
        }
        if (cells.every((c) => c.trim() === '')) continue;
        const values: Record<string, string> = {};
        for (let i = 0; i < width; i++) values[header[i] ?? ''] = cells[i] ?? '';
        yield { kind: 'row', row: r.number, line: r.number, values };
      }
    }
  } catch (e) {
    if (e instanceof ClewError) throw e;
    throw invalid(`${options.file ?? 'the file'}: not a readable XLSX file: ${(e as Error).message}`, {
      file: options.file,
    });
  }
  if (!found)
    throw invalid(`no sheet named "${options.sheet ?? ''}"`, { file: options.file, field: 'sheet' });
  if (header === undefined) throw invalid('the sheet is empty: no header row', { file: options.file });
}
