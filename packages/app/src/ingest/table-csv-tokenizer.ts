/** A record read from CSV text: its cells, or why it was refused; `line` is where it starts (1-based). */
export type CsvRecord = { line: number; cells: string[] } | { line: number; error: string };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  Start,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Limits that keep a hostile file from taking the memory: longest field, most cells in a record. */
export interface CsvLimits {
  maxFieldChars: number;
  maxCells: number;
}

/** Default limits: a field of 1 MiB characters, 10,000 cells a record. */
export const DEFAULT_CSV_LIMITS: CsvLimits = { maxFieldChars: 1 << 20, maxCells: 10_000 };

/**
 * An RFC 4180 tokenizer fed text in chunks of any size: quoted fields with doubled quotes and
 * newlines, CRLF or LF, blank lines skipped. A field over the limit is not kept: the rest of its
 * record is scanned (quotes respected) and the record comes out as an error, so memory stays flat.
 */
export class CsvTokenizer {
  /** Records completed by the last push; the caller empties it. */
  readonly out: CsvRecord[] = [];
  private state = State.Start;
  private field = '';
  private cells: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoted = false;
  private afterCr = false;
  private overflow: string | undefined;

  constructor(
    private readonly delimiter: number,
    private readonly limits: CsvLimits = DEFAULT_CSV_LIMITS,
  ) {}

  /** Feed the next chunk of text. */
  push(text: string): void {
    const n = text.length;
    let start = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          start = ++i;
          continue;
        }
      }
      switch (this.state) {
        case State.Start:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoted = true;
            start = ++i;
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        case State.Unquoted:
          if (c === this.delimiter) {
            this.append(text, start, i);
            this.endField();
            this.state = State.Start;
          } else if (c === LF || c === CR) {
            this.append(text, start, i);
            this.endField();
            this.endRecord();
            this.afterCr = c === CR;
            this.line++;
            this.recordLine = this.line;
            this.state = State.Start;
          }
          i++;
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.append(text, start, i);
            this.state = State.QuoteInQuoted;
          } else if (c === LF) this.line++;
          i++;
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // A doubled quote: one literal quote, still inside the field.
            this.append('"', 0, 1);
            this.state = State.Quoted;
            start = ++i;
          } else {
            // The closing quote; anything before the next delimiter is kept as written.
            this.state = State.Unquoted;
            start = i;
          }
          break;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) this.append(text, start, n);
  }

  /** The end of the text: completes the last record, or reports a quote left open. */
  end(): void {
    if (this.state === State.Quoted) {
      this.out.push({
        line: this.recordLine,
        error: `a quoted field opened on line ${this.recordLine} is never closed`,
      });
    } else if (this.cells.length > 0 || this.state !== State.Start) {
      this.endField();
      this.endRecord();
    }
    this.cells = [];
    this.field = '';
    this.state = State.Start;
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from || this.overflow !== undefined) return;
    if (this.field.length + (to - from) > this.limits.maxFieldChars) {
      this.overflow = `a field is over ${formatChars(this.limits.maxFieldChars)}`;
      this.field = '';
      return;
    }
    this.field += text.slice(from, to);
  }

  private endField(): void {
    if (this.overflow === undefined) {
      if (this.cells.length >= this.limits.maxCells) {
        this.overflow = `the row has over ${this.limits.maxCells} cells`;
        this.cells = [];
      } else this.cells.push(this.field);
    }
    this.field = '';
  }

  private endRecord(): void {
    if (this.overflow !== undefined) this.out.push({ line: this.recordLine, error: this.overflow });
    else if (!(this.cells.length === 1 && this.cells[0] === '' && !this.quoted)) {
      this.out.push({ line: this.recordLine, cells: this.cells });
    }
    this.cells = [];
    this.quoted = false;
    this.overflow = undefined;
  }
}

const formatChars = (n: number): string => (n >= 1 << 20 ? `${n / (1 << 20)} MB` : `${n} characters`);
