import SqliteDatabase from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { conflict } from '@clew/core';

/** A held writer lock; release() frees it (the OS frees it too if the process dies). */
export interface WriterLock {
  release(): void;
}

/**
 * Take the single-writer lock of a SQLite store. SQLite itself would let two processes take turns
 * writing, but two hubs writing one file would each hold stale indexes; so the first writer holds an
 * exclusive SQLite lock on a sidecar file for its whole life. The kernel drops that lock when the
 * process exits, even on kill -9, so there is never a stale lock to clean up.
 */
export const takeWriterLock = (dbFile: string): WriterLock => {
  const lockFile = `${dbFile}.writer-lock`;
  const pidFile = `${dbFile}.writer-pid`;
  const lockDb = new SqliteDatabase(lockFile, { timeout: 0 });
  try {
    lockDb.pragma('locking_mode = EXCLUSIVE');
    lockDb.exec('BEGIN EXCLUSIVE');
  } catch {
    lockDb.close();
    let holder = 'another process';
    try {
      holder = `process ${readFileSync(pidFile, 'utf8').trim()}`;
    } catch {
      // no pid file: keep the generic wording
    }
    throw conflict(
      `${dbFile} is already open for writing by ${holder} (a running Clew hub or import). ` +
        'Stop it, or send your command to the running hub through its API.',
      { file: dbFile },
    );
  }
  writeFileSync(pidFile, `${process.pid}\n`);
  return {
    release: () => {
      lockDb.close();
    },
  };
};
