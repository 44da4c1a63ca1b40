import { invalid, type ErrorLocation } from '@clew/core';
import type { EntityExample } from '@clew/app';

/**
 * CSV for `clew screen --input/--output`: RFC 4180 (quoted fields may hold commas, quotes and line
 * breaks), one query per row, one result per row.
 */

/** The rows of a CSV text. */
export const parseCsv = (text: string, file?: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  const where = (): ErrorLocation => (file === undefined ? { line } : { file, line });
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else cell += c;
  }
  if (quoted) throw invalid('a quoted field is not closed', where());
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c !== ''));
};

/** One CSV line (quoting cells that need it), without the line break. */
export const csvRow = (cells: readonly (string | number)[]): string =>
  cells
    .map((c) => {
      const s = String(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');

/** Query columns and the Person property each fills (values in one cell are separated by ";"). */
export const QUERY_COLUMNS: Readonly<Record<string, string>> = {
  name: 'name',
  birth_date: 'birthDate',
  nationality: 'nationality',
  document: 'passportNumber',
  id_number: 'idNumber',
  phone: 'phone',
  email: 'email',
  address: 'address',
  gender: 'gender',
};

/** The queries of a CSV: a `key` column (or the row number) and the columns of QUERY_COLUMNS. */
export const queriesFromCsv = (text: string, file?: string): [string, EntityExample][] => {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw invalid('the query file is empty', file === undefined ? {} : { file });
  const columns = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  for (const c of columns)
    if (c !== 'key' && QUERY_COLUMNS[c] === undefined)
      throw invalid(
        `unknown column "${c}": use key, ${Object.keys(QUERY_COLUMNS).join(', ')}`,
        file === undefined ? { field: c } : { file, field: c },
      );
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const properties: Record<string, string[]> = {};
    let key = String(i + 1);
    columns.forEach((c, j) => {
      const cell = (row[j] ?? '').trim();
      if (cell === '') return;
      if (c === 'key') key = cell;
      else {
        const prop = QUERY_COLUMNS[c] ?? c;
        properties[prop] = cell
          .split(';')
          .map((v) => v.trim())
          .filter((v) => v !== '');
      }
    });
    if (seen.has(key))
      throw invalid(
        `query key "${key}" is used twice`,
        file === undefined ? { line: i + 2 } : { file, line: i + 2 },
      );
    seen.add(key);
    return [key, { schema: 'Person', properties }];
  });
};
