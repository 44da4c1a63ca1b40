import { invalid } from '@clew/core';
import { CsvTokenizer, DEFAULT_CSV_LIMITS, type CsvLimits, type CsvRecord } from './table-csv-tokenizer.js';
import { decodeTable, type TableEncoding } from './table-decode.js';

/** One thing a table reader found: the header, a row (cells by column), a refused row, or a notice. */
export type TableEvent =
  | { kind: 'header'; columns: string[] }
  | { kind: 'row'; row: number; line: number; values: Record<string, string> }
  | { kind: 'error'; row: number; line: number; column?: string | undefined; reason: string }
  | { kind: 'notice'; message: string };

/** How to read a CSV file; the delimiter is sniffed from the header when not given. */
export interface CsvOptions {
  file?: string | undefined;
  delimiter?: string | undefined;
  encoding?: TableEncoding | undefined;
  limits?: Partial<CsvLimits> | undefined;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter of a header line: the candidate that occurs most often outside quotes (comma on a tie). */
export const sniffDelimiter = (headerLine: string): string => {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
};

/** One CSV row as text, quoting the cells that need it. */
export const csvLine = (cells: readonly string[], delimiter = ','): string =>
  cells
    .map((c) =>
      c.includes('"') || c.includes(delimiter) || c.includes('\n') || c.includes('\r') || c === ''
        ? `"${c.replaceAll('"', '""')}"`
        : c,
    )
    .join(delimiter);

/**
 * Read a CSV byte stream as table events, in flat memory. The first record is the header (names
 * must be distinct); a row with more or fewer cells than the header, an over-long field or an
 * unclosed quote is reported as an error with its row and line numbers, and reading goes on.
 * Row numbers count records as a spreadsheet would (the header is row 1).
 */
export async function* readCsv(
  source: AsyncIterable<Uint8Array>,
  options: CsvOptions = {},
): AsyncGenerator<TableEvent> {
  const notices: string[] = [];
  const text = decodeTable(source, options.encoding ?? 'auto', (m) => notices.push(m));
  const limits = { ...DEFAULT_CSV_LIMITS, ...options.limits };
  let tokenizer: CsvTokenizer | undefined;
  let pending = '';
  let header: string[] | undefined;
  let row = 0;
  const drain = function* (records: CsvRecord[]): Generator<TableEvent> {
    for (const n of notices.splice(0)) yield { kind: 'notice', message: n };
    for (const r of records.splice(0)) {
      row++;
      if ('error' in r) {
        if (header === undefined) throw invalid(`header: ${r.error}`, { file: options.file, line: r.line });
        yield { kind: 'error', row, line: r.line, reason: r.error };
        continue;
      }
      if (header === undefined) {
        header = r.cells.map((c) => c.trim());
        const seen = new Set<string>();
        for (const h of header) {
          if (seen.has(h))
            throw invalid(`the header names column "${h}" twice`, {
              file: options.file,
              line: r.line,
              field: h,
            });
          seen.add(h);
        }
        yield { kind: 'header', columns: header };
        continue;
      }
      if (r.cells.length !== header.length) {
        yield {
          kind: 'error',
          row,
          line: r.line,
          reason: `the row has ${r.cells.length} cells; the header has ${header.length}`,
        };
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i] ?? ''] = r.cells[i] ?? '';
      yield { kind: 'row', row, line: r.line, values };
    }
  };
  for await (const chunk of text) {
    if (tokenizer === undefined) {
      // Hold text back until the first line is whole, to sniff the delimiter from it.
      pending += chunk;
      const eol = pending.search(/[\r\n]/);
      if (eol < 0 && pending.length < 65_536) continue;
      tokenizer = new CsvTokenizer(
        (options.delimiter ?? sniffDelimiter(eol < 0 ? pending : pending.slice(0, eol))).charCodeAt(0),
        limits,
      );
      tokenizer.push(pending);
      pending = '';
    } else tokenizer.push(chunk);
    yield* drain(tokenizer.out);
  }
  tokenizer ??= new CsvTokenizer((options.delimiter ?? sniffDelimiter(pending)).charCodeAt(0), limits);
  tokenizer.push(pending);
  tokenizer.end();
  yield* drain(tokenizer.out);
  if (header === undefined) throw invalid('the file is empty: no header row', { file: options.file });
}
