import { open, type FileHandle } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

// Every entry is stamped 1980-01-01 00:00 (the DOS epoch), so the same content gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const FLAGS = 0x0008 | 0x0800; // sizes in a data descriptor after the data; UTF-8 names
const LIMIT = 0xffffffff;

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A deterministic, streaming ZIP writer (deflate, no ZIP64): entries are written one after another,
 * each in chunks deflated independently with a sync flush, so memory stays flat however large an entry
 * is. Sizes over 4 GiB are refused rather than written wrong.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private current: Written | undefined;

  private constructor(private readonly fh: FileHandle) {}

  /** Create (or truncate) the file. */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'w'));
  }

  private async put(buf: Buffer): Promise<void> {
    if (buf.length === 0) return;
    await this.fh.write(buf);
    this.offset += buf.length;
    if (this.offset > LIMIT) throw new Error('ZIP file over 4 GiB: not supported without ZIP64');
  }

  /** Start an entry; close the previous one first. */
  async begin(name: string): Promise<void> {
    if (this.current) throw new Error('ZipWriter.begin: previous entry not ended');
    const nameBuf = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(DOS_TIME, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt16LE(nameBuf.length, 26);
    this.current = { name: nameBuf, crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.put(Buffer.concat([h, nameBuf]));
  }

  /** Add data to the current entry. */
  async write(data: string | Buffer): Promise<void> {
    const e = this.current;
    if (!e) throw new Error('ZipWriter.write: no entry begun');
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (buf.length === 0) return;
    e.crc = crc32(buf, e.crc);
    e.size += buf.length;
    if (e.size > LIMIT) throw new Error(`ZIP entry ${e.name.toString()} over 4 GiB`);
    const z = deflateRawSync(buf, { level: 6, finishFlush: constants.Z_SYNC_FLUSH });
    e.compressed += z.length;
    await this.put(z);
  }

  /** Finish the current entry. */
  async end(): Promise<void> {
    const e = this.current;
    if (!e) throw new Error('ZipWriter.end: no entry begun');
    const last = deflateRawSync(Buffer.alloc(0));
    e.compressed += last.length;
    await this.put(last);
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc >>> 0, 4);
    d.writeUInt32LE(e.compressed, 8);
    d.writeUInt32LE(e.size, 12);
    await this.put(d);
    this.entries.push(e);
    this.current = undefined;
  }

  /** Write a whole entry at once. */
  async add(name: string, data: string): Promise<void> {
    await this.begin(name);
    await this.write(data);
    await this.end();
  }

  /** Write the central directory and close the file. */
  async close(): Promise<void> {
    if (this.current) await this.end();
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.put(Buffer.concat([h, e.name]));
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.entries.length, 8);
    eocd.writeUInt16LE(this.entries.length, 10);
    eocd.writeUInt32LE(this.offset - start, 12);
    eocd.writeUInt32LE(start, 16);
    await this.put(eocd);
    await this.fh.close();
  }

  /** Close the file without finishing it (after an error). */
  async abort(): Promise<void> {
    await this.fh.close();
  }
}
