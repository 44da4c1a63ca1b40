import { open, type FileHandle } from 'node:fs/promises';
import type { Cell } from '../agencies/native-tables.js';

const FLUSH_AT = 1 << 20;

/** A text file written through a buffer: lines are collected, then written in large chunks. */
export class TextSink {
  private buf: string[] = [];
  private size = 0;

  private constructor(private readonly fh: FileHandle) {}

  /** Create (or truncate) the file. */
  static async create(path: string): Promise<TextSink> {
    return new TextSink(await open(path, 'w'));
  }

  /** Buffer some text. */
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
  }

  /** True when enough is buffered to be worth a write. */
  get pending(): boolean {
    return this.size >= FLUSH_AT;
  }

  /** Write what is buffered. */
  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    await this.fh.write(chunk);
  }

  /** Flush and close. */
  async close(): Promise<void> {
    await this.flush();
    await this.fh.close();
  }

  /** Close without flushing (after an error). */
  async abort(): Promise<void> {
    await this.fh.close();
  }
}

const QUOTE_RE = new Map<string, RegExp>();
const quoteRe = (delimiter: string): RegExp => {
  let re = QUOTE_RE.get(delimiter);
  if (!re) {
    re = new RegExp(`["\\r\\n${delimiter.replace(/[|\\^$*+?.()[\]{}-]/g, '\\$&')}]|^\\s|\\s$`);
    QUOTE_RE.set(delimiter, re);
  }
  return re;
};

/** A CSV field: text as is, quoted (RFC 4180) when it holds the delimiter, a quote, a line break or edge spaces. */
export const csvField = (c: Cell, delimiter: string): string => {
  const s = c === undefined ? '' : typeof c === 'object' ? c.date : String(c);
  return quoteRe(delimiter).test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A CSV line with its line end. */
export const csvLine = (cells: readonly Cell[], delimiter = ',', eol = '\n'): string =>
  cells.map((c) => csvField(c, delimiter)).join(delimiter) + eol;
