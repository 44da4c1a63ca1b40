import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spoolUpload, sweepStaleUploads } from './upload-spool.js';

const collect = async (lines: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
};

describe('spoolUpload', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clew-spool-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the body twice from one private file, then deletes it', async () => {
    const upload = spoolUpload(Readable.from(['\uFEFF{"a":1}\r\n{"b"', ':2}\n', '\n{"c":3}']), dir, 1000);
    expect(readdirSync(dir)).toEqual([]);
    expect(await collect(upload.lines())).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']);
    expect(await collect(upload.lines())).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']);
    expect(readdirSync(dir)).toHaveLength(1);
    await upload.dispose();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails with "payload too large" past the limit, and dispose still cleans up', async () => {
    const upload = spoolUpload(Readable.from(['x'.repeat(600), 'y'.repeat(600)]), dir, 1000);
    await expect(collect(upload.lines())).rejects.toMatchObject({
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    await upload.dispose();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('disposes of a body never read without touching the disk', async () => {
    await spoolUpload(Readable.from(['x']), dir, 10).dispose();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sweepStaleUploads', () => {
  it('deletes only old uploads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clew-sweep-'));
    try {
      for (const name of ['old.upload', 'new.upload', 'other.txt']) writeFileSync(join(dir, name), 'x');
      const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
      utimesSync(join(dir, 'old.upload'), old, old);
      utimesSync(join(dir, 'other.txt'), old, old);
      expect(await sweepStaleUploads(dir, 24 * 3600 * 1000)).toBe(1);
      expect(readdirSync(dir).sort()).toEqual(['new.upload', 'other.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
