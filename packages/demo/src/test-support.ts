import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, type GenerateOptions, type GenerateSummary } from './generate-world.js';

/** A world generated into a temporary directory, for tests. */
export interface TestWorld {
  dir: string;
  summary: GenerateSummary;
  cleanup: () => Promise<void>;
}

/** Generate a world into a fresh temporary directory. */
export const makeWorld = async (o: Omit<GenerateOptions, 'out'>): Promise<TestWorld> => {
  const dir = await mkdtemp(join(tmpdir(), 'clew-demo-'));
  const summary = await generateWorld({ ...o, out: dir });
  return { dir, summary, cleanup: () => rm(dir, { recursive: true, force: true }) };
};

/** Every file under a directory, relative paths, sorted. */
export const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
};

/** The lines of a text file, without the trailing empty one. */
export const readLines = async (path: string): Promise<string[]> => {
  const text = await readFile(path, 'utf8');
  return text.split('\n').filter((l) => l.length > 0);
};

/** Parse a CSV (RFC 4180, given delimiter) into rows of fields; strips a UTF-8 byte-order mark. */
export const parseCsv = (text: string, delimiter = ','): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith('\ufeff') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (quoted) {
      if (c === '"' && s.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
};
