import { errorCodes } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A request body spooled to a temporary file when first read, so it can be read more than once. */
export interface SpooledUpload {
  /** The body's lines; the first call copies the body to disk, later calls read the copy. */
  lines: () => AsyncIterable<string>;
  /** Delete the temporary file; safe to call whether or not the body was read. */
  dispose: () => Promise<void>;
}

const SUFFIX = '.upload';

const byteLimit = (maxBytes: number): Transform => {
  let seen = 0;
  return new Transform({
    transform: (chunk: Buffer, _encoding, callback) => {
      seen += chunk.length;
      if (seen > maxBytes) callback(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      else callback(null, chunk);
    },
  });
};

async function* fileLines(file: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let first = true;
  try {
    for await (const line of reader) {
      // Editors on Windows start UTF-8 files with a byte-order mark; it is not part of the JSON.
      yield first ? line.replace(/^\uFEFF/, '') : line;
      first = false;
    }
  } finally {
    reader.close();
  }
}

/**
 * Spool `body` to a private file in `dir` on first read. Nothing touches the disk until a reader
 * asks, so a request refused before reading (a missing dataset) writes nothing; a body over
 * `maxBytes` fails with Fastify's "payload too large".
 */
export const spoolUpload = (body: Readable, dir: string, maxBytes: number): SpooledUpload => {
  const file = join(dir, `${randomUUID()}${SUFFIX}`);
  let spooled: Promise<void> | undefined;
  const spool = (): Promise<void> =>
    pipeline(body, byteLimit(maxBytes), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return {
    lines: async function* () {
      spooled ??= spool();
      await spooled;
      yield* fileLines(file);
    },
    dispose: async () => {
      // A failed spool has already been reported by the reader; here only the file matters.
      if (spooled) await spooled.catch(() => undefined);
      await rm(file, { force: true });
    },
  };
};

/**
 * Copy `body` to a private file in `dir` (at most `maxBytes`) and return its path, for work that
 * outlives the request (a background import); the caller deletes the file. Nothing is left on failure.
 */
export const spoolToFile = async (body: Readable, dir: string, maxBytes: number): Promise<string> => {
  const file = join(dir, `${randomUUID()}${SUFFIX}`);
  try {
    await pipeline(body, byteLimit(maxBytes), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
  return file;
};

/** Run `use` with the lines of a spooled upload, deleting the file afterwards whatever happens. */
export const withSpooledUpload = async <T>(
  body: Readable,
  dir: string,
  maxBytes: number,
  use: (lines: () => AsyncIterable<string>) => Promise<T>,
): Promise<T> => {
  const upload = spoolUpload(body, dir, maxBytes);
  try {
    return await use(upload.lines);
  } finally {
    await upload.dispose();
  }
};

/**
 * Delete uploads left behind by a process that died mid-import (they may hold personal data). Only
 * files older than `olderThanMs` go, so a concurrent server on the same data directory keeps its own.
 */
export const sweepStaleUploads = async (
  dir: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<number> => {
  let removed = 0;
  for (const name of await readdir(dir)) {
    if (!name.endsWith(SUFFIX)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && now - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
};
