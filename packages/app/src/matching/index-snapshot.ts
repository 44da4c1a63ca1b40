import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store } from '@clew/store';

/**
 * The hub index's snapshot file: "CLHX", a little-endian u32 length, a JSON header saying what the
 * index reflects (which hub, which model, which import runs), then the screening index's bytes
 * (ScreeningIndex.snapshot). Written to a temporary file beside it, flushed to disk and renamed, so a
 * crash leaves the old snapshot or the new one, never half of one.
 */

/** What a snapshot reflects: the index is trusted for these runs only, and topped up from the store for the rest. */
export interface SnapshotHeader {
  format: string;
  version: number;
  /** The hub it was taken on (a data directory copied to another hub's store is not trusted). */
  hub: string;
  /** How the records were made: the model version and the format of the matching records. */
  model: string;
  /** Import runs every fragment of which the index reflects (each fragment carries its last run). */
  runs: string[];
}

/** A snapshot read back: its header and the screening index's bytes (a view, not a copy). */
export interface IndexSnapshot {
  header: SnapshotHeader;
  bytes: Uint8Array;
}

const FORMAT = 'clew-hub-index';
// Bump when the file's layout changes; changes to records and keys change the model's fingerprint instead.
const VERSION = 1;
const MAGIC = [0x43, 0x4c, 0x48, 0x58];

/** Write the snapshot atomically (temporary file, fsync, rename). */
export const writeIndexSnapshot = async (
  path: string,
  header: Omit<SnapshotHeader, 'format' | 'version'>,
  bytes: Uint8Array,
): Promise<void> => {
  // Padded so the index's bytes start 8-aligned: restore then uses its typed arrays without a copy.
  const json = JSON.stringify({ format: FORMAT, version: VERSION, ...header });
  const head = Buffer.from(json.padEnd(json.length + ((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8)));
  const prefix = Buffer.alloc(8);
  prefix.set(MAGIC, 0);
  prefix.writeUInt32LE(head.length, 4);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w');
  try {
    await file.writev([prefix, head, bytes]);
    await file.sync();
  } catch (e) {
    await file.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await file.close();
  await rename(tmp, path);
};

// The file in one read into one fresh buffer (8-aligned, so the index can view it in place):
// readFile's 512 KiB chunks cost a trip through the thread pool each, slow on a busy machine.
const readWhole = async (path: string): Promise<Buffer> => {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const out = Buffer.allocUnsafeSlow(size);
    for (let at = 0; at < size;) {
      const { bytesRead } = await file.read(out, at, size - at, at);
      if (bytesRead === 0) throw new RangeError('the snapshot file shrank while read');
      at += bytesRead;
    }
    return out;
  } finally {
    await file.close();
  }
};

/** The snapshot at `path`, or undefined when there is none or it is not one this hub can use. */
export const readIndexSnapshot = async (
  path: string,
  expect: Pick<SnapshotHeader, 'hub' | 'model'>,
): Promise<IndexSnapshot | undefined> => {
  let file: Buffer;
  try {
    file = await readWhole(path);
  } catch {
    return undefined;
  }
  if (file.length < 8 || MAGIC.some((b, i) => file[i] !== b)) return undefined;
  const length = file.readUInt32LE(4);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(file.toString('utf8', 8, 8 + length)) as SnapshotHeader;
  } catch {
    return undefined;
  }
  const usable =
    header.format === FORMAT &&
    header.version === VERSION &&
    header.hub === expect.hub &&
    header.model === expect.model &&
    Array.isArray(header.runs);
  return usable ? { header, bytes: file.subarray(8 + length) } : undefined;
};

/** One import run as the index's bookkeeping needs it. */
export interface ImportRun {
  id: string;
  dataset: string;
  /**
   * Finished successfully: it writes nothing more. A run still running, interrupted or failed may yet
   * write (a table import resumes under the same id), so the index never trusts a snapshot for it.
   */
  done: boolean;
}

/**
 * Every import run of the hub, oldest first. Read from the store's `imports` table directly: no
 * repository lists runs yet (the store could offer `writes.importRuns()`; imports carry no RLS).
 */
export const importRuns = async (store: Store): Promise<ImportRun[]> => {
  const rows = await store.db
    .selectFrom('imports')
    .select(['id', 'dataset_id', 'status'])
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, dataset: r.dataset_id, done: r.status === 'done' }));
};
