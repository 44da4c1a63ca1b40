/**
 * Strings by position, as the screening index keeps its records and ids. A column restored from a
 * snapshot keeps the snapshot's UTF-8 bytes (one string per line) and decodes a string only when it
 * is read: a million records are ready without a million strings decoded, and take their byte size
 * in memory rather than a string object each. Strings added or replaced later are held as strings.
 * Strings must not contain a line feed (the index stores JSON, where one is always escaped).
 */

const LF = 0x0a;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A column of strings, partly lazily decoded from bytes (see the module comment). */
export class TextColumn {
  private readonly changed = new Map<number, string>();
  private readonly later: string[] = [];

  private constructor(
    private readonly bytes: Uint8Array,
    // Line i of the bytes is bytes[starts[i], starts[i + 1] - 1).
    private readonly starts: Float64Array,
    private readonly base: number,
  ) {}

  /** An empty column. */
  static empty(): TextColumn {
    return new TextColumn(new Uint8Array(0), new Float64Array(1), 0);
  }

  /** A column of these strings. */
  static of(strings: readonly string[]): TextColumn {
    const column = TextColumn.empty();
    for (const s of strings) column.push(s);
    return column;
  }

  /** A column over bytes of `lines` lines, each ended by a line feed (as {@link TextColumn.toBytes} writes). */
  static fromBytes(bytes: Uint8Array, lines: number): TextColumn {
    const starts = new Float64Array(lines + 1);
    let at = 0;
    for (let i = 0; i < lines; i++) {
      const end = bytes.indexOf(LF, at);
      if (end < 0) throw new RangeError(`text column: ${lines} lines expected, ${i} found`);
      at = end + 1;
      starts[i + 1] = at;
    }
    if (at !== bytes.length) throw new RangeError('text column: bytes after the last line');
    return new TextColumn(bytes, starts, lines);
  }

  /** How many strings. */
  get length(): number {
    return this.base + this.later.length;
  }

  /** The string at `i` ('' past the end). */
  get(i: number): string {
    if (i >= this.base) return this.later[i - this.base] ?? '';
    const changed = this.changed.get(i);
    if (changed !== undefined) return changed;
    const start = this.starts[i] ?? 0;
    const end = (this.starts[i + 1] ?? 0) - 1;
    return end > start ? decoder.decode(this.bytes.subarray(start, end)) : '';
  }

  /** True when the string at `i` is '' (read without decoding it). */
  isEmpty(i: number): boolean {
    if (i >= this.base) return (this.later[i - this.base] ?? '') === '';
    const changed = this.changed.get(i);
    if (changed !== undefined) return changed === '';
    return (this.starts[i + 1] ?? 0) - (this.starts[i] ?? 0) <= 1;
  }

  /** Replace the string at `i` (an existing position). */
  set(i: number, s: string): void {
    if (i >= this.base) this.later[i - this.base] = s;
    else this.changed.set(i, s);
  }

  /** Append a string. */
  push(s: string): void {
    this.later.push(s);
  }

  /**
   * The column as UTF-8 lines, each ended by a line feed, in parts (one string of a million records
   * would pass V8's string length limit). Unchanged restored lines are copied as they are.
   */
  toBytes(): Uint8Array[] {
    const parts: Uint8Array[] = [];
    let from = 0;
    for (const i of [...this.changed.keys()].sort((a, b) => a - b)) {
      parts.push(this.bytes.subarray(this.starts[from] ?? 0, this.starts[i] ?? 0));
      parts.push(encoder.encode(`${this.changed.get(i) ?? ''}\n`));
      from = i + 1;
    }
    parts.push(this.bytes.subarray(this.starts[from] ?? 0, this.starts[this.base] ?? 0));
    for (let i = 0; i < this.later.length; i += CHUNK)
      parts.push(encoder.encode(`${this.later.slice(i, i + CHUNK).join('\n')}\n`));
    return parts.filter((p) => p.length > 0);
  }
}

const CHUNK = 65_536;
