import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { invalid, type Mapping } from '@clew/core';

const MIB = 1 << 20;

/**
 * A file's identity for resuming an import of it: its name, its size and a SHA-256 of its first and
 * last MiB. Cheap for any size, and a file that was edited, appended to or truncated gets a new one.
 */
export const fileIdentity = async (file: string, name = basename(file)): Promise<string> => {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw invalid(`cannot read ${file}: ${(e as Error).message}`, { file });
  }
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha256');
    const head = Buffer.alloc(Math.min(size, MIB));
    await handle.read(head, 0, head.length, 0);
    hash.update(head);
    if (size > MIB) {
      const tail = Buffer.alloc(Math.min(size - MIB, MIB));
      await handle.read(tail, 0, tail.length, size - tail.length);
      hash.update(tail);
    }
    return `${name}:${size}:${hash.digest('hex')}`;
  } finally {
    await handle.close();
  }
};

/** SHA-256 of a mapping (its parsed form as JSON): the same mapping file always gives the same hash. */
export const mappingHash = (mapping: Mapping): string =>
  createHash('sha256').update(JSON.stringify(mapping)).digest('hex');
