import type { Actor } from '@clew/core';

/** An import run that finished and wrote its last batch. */
export interface FinishedImport {
  actor: Actor;
  dataset: string;
  importId: string;
}

/** Work that follows every successful import (cross-matching the new fragments, refreshing caches). */
export type ImportListener = (run: FinishedImport) => Promise<void>;

/**
 * The one place imports announce that they finished. Listeners run in order, after the run is
 * recorded as done; a listener that fails makes the import call fail (the data stays written, and
 * the listener's own work can be redone on demand, e.g. `clew xref`).
 */
export class ImportEvents {
  private readonly listeners: ImportListener[] = [];

  /** Run `listener` after every successful import. */
  on(listener: ImportListener): void {
    this.listeners.push(listener);
  }

  /** Tell every listener that `run` finished. */
  async finished(run: FinishedImport): Promise<void> {
    for (const listener of this.listeners) await listener(run);
  }
}
