import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Parse RFC 4180 CSV text (quoted fields, doubled quotes, quoted newlines) into rows of cells. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
};

/** A truth table as objects keyed by its header. Reads the whole file: meant for tiny to medium worlds. */
export const readTruthTable = async (worldDir: string, file: string): Promise<Record<string, string>[]> => {
  const [header, ...rows] = parseCsv(await readFile(join(worldDir, 'truth', file), 'utf8'));
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
};

/** One FtM record of the world and the real person or thing it is a record of. */
export interface TruthRecord {
  cluster: string;
  agency: string;
  recordId: string;
  schema: string;
}

/** Every FtM record with its true cluster (truth/records.csv). */
export const readTruthRecords = async (worldDir: string): Promise<TruthRecord[]> =>
  (await readTruthTable(worldDir, 'records.csv')).map((r) => ({
    cluster: r.cluster ?? '',
    agency: r.agency ?? '',
    recordId: r.record_id ?? '',
    schema: r.schema ?? '',
  }));
