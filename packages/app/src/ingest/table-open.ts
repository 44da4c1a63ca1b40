import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { invalid, mappingColumns, type Mapping } from '@clew/core';
import { readCsv, type TableEvent } from './table-csv.js';
import { readXlsx } from './table-xlsx.js';

/** A table file opened through a mapping: its size, and its events with the header checked. */
export interface OpenedTable {
  totalBytes: number;
  /** Bytes read so far, for an ETA. */
  bytesRead: () => number;
  events: AsyncGenerator<TableEvent>;
}

const checkHeader = async function* (
  events: AsyncGenerator<TableEvent>,
  mapping: Mapping,
  file: string,
): AsyncGenerator<TableEvent> {
  for await (const e of events) {
    if (e.kind === 'header') {
      const have = new Set(e.columns);
      const missing = mappingColumns(mapping).filter((c) => !have.has(c));
      if (missing.length > 0) {
        throw invalid(`the mapping reads columns the file does not have: ${missing.join(', ')}`, {
          file,
          line: 1,
          field: missing[0],
        });
      }
    }
    yield e;
  }
};

/** Open a CSV or XLSX file (as the mapping's source says) for reading, counting the bytes read. */
export const openTable = async (file: string, mapping: Mapping): Promise<OpenedTable> => {
  let totalBytes: number;
  try {
    totalBytes = (await stat(file)).size;
  } catch (e) {
    throw invalid(`cannot read ${file}: ${(e as Error).message}`, { file });
  }
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      read += chunk.length;
      done(null, chunk);
    },
  });
  const input = createReadStream(file, { highWaterMark: 1 << 16 });
  input.on('error', (e) => counter.destroy(e));
  input.pipe(counter);
  const src = mapping.source;
  const events =
    src.format === 'xlsx'
      ? readXlsx(counter, { file, sheet: src.sheet, headerRow: src.headerRow })
      : readCsv(counter, { file, delimiter: src.delimiter, encoding: src.encoding });
  return { totalBytes, bytesRead: () => read, events: checkHeader(events, mapping, file) };
};
