import { csvLine } from '@clew/app';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { say } from './context.js';

/**
 * The CSV report of every line or row an import refused: created on the first refusal (no file when
 * nothing was refused), under the data directory unless the user names a file.
 */
export class RejectionReport {
  private stream: WriteStream | undefined;
  readonly path: string;

  constructor(
    dataDir: string,
    dataset: string,
    explicit: string | undefined,
    private readonly header: readonly string[],
  ) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    this.path = resolve(explicit ?? join(dataDir, 'reports', `import-${dataset}-${stamp}.rejections.csv`));
  }

  /** Append one refusal. */
  add(cells: readonly (string | number | undefined)[]): void {
    if (!this.stream) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path);
      this.stream.write(`${csvLine(this.header)}\n`);
    }
    this.stream.write(`${csvLine(cells.map((c) => (c === undefined ? '' : String(c))))}\n`);
  }

  /** Flush the file, and say where it is if anything was refused. */
  async close(what: string): Promise<void> {
    const s = this.stream;
    if (!s) return;
    s.end();
    await finished(s);
    say(`rejected ${what}: ${this.path}`);
  }
}
