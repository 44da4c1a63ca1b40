import { PostingTable } from './posting-table.js';

/**
 * The bytes of a screening index, so a restarted hub is ready in seconds rather than re-deriving keys
 * for every record: "CLSX", a little-endian u32 header length, a JSON header (counts and byte lengths),
 * then the posting table's typed arrays as they are in memory, the ids as one JSON array and the encoded
 * records as UTF-8 text, one per line, in chunks (a single string of a million records would pass V8's
 * string length limit). Typed arrays are written in the host's byte order, which the header records.
 */

/** The internal state of a screening index that a snapshot saves. */
export interface ScreeningState {
  table: PostingTable;
  /** Encoded records by slot ('' for a removed record). */
  records: string[];
  ids: string[];
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
  chunks: number[];
}

const FORMAT = 'clew-screening';
const VERSION = 1;
const MAGIC = [0x43, 0x4c, 0x53, 0x58];
const CHUNK = 65_536;
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align = (n: number, to: number): number => Math.ceil(n / to) * to;
const bytesOf = (a: Int32Array | Uint16Array | Uint8Array, n: number): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);

/** The bytes of a screening index's state (see the module comment). */
export const writeScreeningSnapshot = (s: ScreeningState): Uint8Array => {
  const enc = new TextEncoder();
  const t = s.table.arrays;
  const slots = s.records.length;
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < slots; i += CHUNK) chunks.push(enc.encode(s.records.slice(i, i + CHUNK).join('\n')));
  const ids = enc.encode(JSON.stringify(s.ids));
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
    idsBytes: ids.length,
    chunks: chunks.map((c) => c.length),
  };
  const head = enc.encode(JSON.stringify(header));
  const parts: Uint8Array[] = [
    bytesOf(t.keyHash, keySlots),
    bytesOf(t.keyHead, keySlots),
    bytesOf(t.keyCount, keySlots),
    bytesOf(t.keyUsed, keySlots),
    bytesOf(t.postSlot, t.postings),
    bytesOf(t.postNext, t.postings),
    bytesOf(s.schemaOf, slots),
    ids,
    ...chunks,
  ];
  let size = align(8 + head.length, 8);
  for (const p of parts) size = align(size, 4) + p.length;
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
  const take = (length: number): Uint8Array => {
    at = align(at, 4);
    if (at + length > bytes.length) throw bad('truncated');
    const part = bytes.subarray(at, at + length);
    at += length;
    return part;
  };
  // Copies into fresh, aligned arrays that the index owns and may grow.
  const int32 = (n: number, room = n): Int32Array => {
    const a = new Int32Array(Math.max(room, 16));
    new Uint8Array(a.buffer).set(take(4 * n));
    return a;
  };
  const keyHash = int32(h.keySlots);
  const keyHead = int32(h.keySlots);
  const keyCount = int32(h.keySlots);
  const keyUsed = new Uint8Array(h.keySlots);
  keyUsed.set(take(h.keySlots));
  const postSlot = int32(h.postings);
  const postNext = int32(h.postings);
  const schemaOf = new Uint16Array(Math.max(h.slots, 1024));
  new Uint8Array(schemaOf.buffer).set(take(2 * h.slots));
  const ids = JSON.parse(dec.decode(take(h.idsBytes))) as string[];
  const records: string[] = [];
  for (const n of h.chunks) for (const line of dec.decode(take(n)).split('\n')) records.push(line);
  if (ids.length !== h.slots || records.length !== h.slots) throw bad('record count differs from the header');
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
