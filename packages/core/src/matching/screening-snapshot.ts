import { PostingTable } from './posting-table.js';
import { TextColumn } from './text-column.js';

/**
 * The bytes of a screening index, so a restarted hub is ready in seconds rather than re-deriving keys
 * for every record: "CLSX", a little-endian u32 header length, a JSON header (counts and byte lengths),
 * then the posting table's typed arrays as they are in memory, the ids and the encoded records as
 * UTF-8 text, one per line. Typed arrays are written in the host's byte order, which the header records.
 * Reading copies nothing it need not: typed arrays are views of the bytes where aligned, and ids and
 * records stay bytes until read (text-column.ts), so the snapshot's bytes become the index's memory.
 */

/** The internal state of a screening index that a snapshot saves. */
export interface ScreeningState {
  table: PostingTable;
  /** Encoded records by slot ('' for a removed record). */
  records: TextColumn;
  ids: TextColumn;
  schemaOf: Uint16Array;
  schemas: string[];
}

interface Header {
  format: string;
  version: number;
  littleEndian: boolean;
  keySlots: number;
  keys: number;
  postings: number;
  slots: number;
  schemas: string[];
  idsBytes: number;
  recordsBytes: number;
}

const FORMAT = 'clew-screening';
const VERSION = 2;
const MAGIC = [0x43, 0x4c, 0x53, 0x58];
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align = (n: number, to: number): number => Math.ceil(n / to) * to;
const bytesOf = (a: Int32Array | Uint16Array | Uint8Array, n: number): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);

/** The bytes of a screening index's state (see the module comment). */
export const writeScreeningSnapshot = (s: ScreeningState): Uint8Array => {
  const t = s.table.arrays;
  const slots = s.records.length;
  const ids = s.ids.toBytes();
  const records = s.records.toBytes();
  const sum = (parts: readonly Uint8Array[]): number => parts.reduce((n, p) => n + p.length, 0);
  const keySlots = t.keyHash.length;
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    littleEndian: LITTLE,
    keySlots,
    keys: t.keys,
    postings: t.postings,
    slots,
    schemas: s.schemas,
    idsBytes: sum(ids),
    recordsBytes: sum(records),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const parts: Uint8Array[] = [
    bytesOf(t.keyHash, keySlots),
    bytesOf(t.keyHead, keySlots),
    bytesOf(t.keyCount, keySlots),
    bytesOf(t.keyUsed, keySlots),
    bytesOf(t.postSlot, t.postings),
    bytesOf(t.postNext, t.postings),
    bytesOf(s.schemaOf, slots),
  ];
  const text = [...ids, ...records];
  let size = align(8 + head.length, 8);
  for (const p of parts) size = align(size, 4) + p.length;
  size += sum(text);
  const out = new Uint8Array(size);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  let at = align(8 + head.length, 8);
  for (const p of parts) {
    at = align(at, 4);
    out.set(p, at);
    at += p.length;
  }
  for (const p of text) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const bad = (why: string): RangeError => new RangeError(`not a screening index snapshot: ${why}`);

/** The state behind bytes from {@link writeScreeningSnapshot}; RangeError when they are not one. */
export const readScreeningSnapshot = (bytes: Uint8Array): ScreeningState => {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw bad('no CLSX mark');
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  if (8 + headLength > bytes.length) throw bad('truncated header');
  const dec = new TextDecoder();
  let h: Header;
  try {
    h = JSON.parse(dec.decode(bytes.subarray(8, 8 + headLength))) as Header;
  } catch {
    throw bad('unreadable header');
  }
  if (h.format !== FORMAT || h.version !== VERSION) throw bad('unknown format or version');
  if (h.littleEndian !== LITTLE) throw bad('written on a host of the other byte order');
  let at = align(8 + headLength, 8);
  const take = (length: number, alignTo = 4): Uint8Array => {
    at = align(at, alignTo);
    if (at + length > bytes.length) throw bad('truncated');
    const part = bytes.subarray(at, at + length);
    at += length;
    return part;
  };
  // A view of the bytes where they are aligned for it (no copy), else an aligned copy.
  const int32 = (n: number): Int32Array => {
    const part = take(4 * n);
    if (part.byteOffset % 4 === 0) return new Int32Array(part.buffer, part.byteOffset, n);
    const a = new Int32Array(n);
    new Uint8Array(a.buffer).set(part);
    return a;
  };
  const keyHash = int32(h.keySlots);
  const keyHead = int32(h.keySlots);
  const keyCount = int32(h.keySlots);
  const keyUsed = take(h.keySlots);
  const postSlot = int32(h.postings);
  const postNext = int32(h.postings);
  const schemaOf = new Uint16Array(Math.max(h.slots, 1024));
  new Uint8Array(schemaOf.buffer).set(take(2 * h.slots));
  const ids = TextColumn.fromBytes(take(h.idsBytes, 1), h.slots);
  const records = TextColumn.fromBytes(take(h.recordsBytes, 1), h.slots);
  if (at !== bytes.length) throw bad('bytes after the records');
  const table = new PostingTable({
    keyHash,
    keyHead,
    keyCount,
    keyUsed,
    postSlot,
    postNext,
    postings: h.postings,
    keys: h.keys,
  });
  return { table, records, ids, schemaOf, schemas: h.schemas };
};
