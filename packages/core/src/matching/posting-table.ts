/**
 * An inverted index on typed arrays: 32-bit key hash → a linked list of record slots. Keys live in an
 * open-addressing table (linear probing, grown at half load); postings in two parallel Int32Arrays
 * (slot, next), newest first. Five integers per key and two per posting, and no object per key, so a
 * million people (about 30 million postings) fit in a few hundred megabytes and snapshot as raw bytes.
 * Postings of removed records stay in their lists (the index skips dead slots) and counts go down.
 */

/** The arrays behind a PostingTable, as a snapshot writes and reads them. */
export interface PostingArrays {
  keyHash: Int32Array;
  keyHead: Int32Array;
  keyCount: Int32Array;
  keyUsed: Uint8Array;
  postSlot: Int32Array;
  postNext: Int32Array;
  /** Postings in use (the arrays may be longer). */
  postings: number;
  /** Keys in use. */
  keys: number;
}

const grown = <T extends Int32Array | Uint8Array>(a: T, length: number, make: (n: number) => T): T => {
  const out = make(length);
  out.set(a);
  return out;
};

/** Key hash → posting list of record slots, with a live count per key. */
export class PostingTable {
  private a: PostingArrays;
  private mask: number;

  constructor(arrays?: PostingArrays) {
    const slots = 1 << 16;
    this.a = arrays ?? {
      keyHash: new Int32Array(slots),
      keyHead: new Int32Array(slots).fill(-1),
      keyCount: new Int32Array(slots),
      keyUsed: new Uint8Array(slots),
      postSlot: new Int32Array(1 << 16),
      postNext: new Int32Array(1 << 16),
      postings: 0,
      keys: 0,
    };
    this.mask = this.a.keyHash.length - 1;
    if ((this.a.keyHash.length & this.mask) !== 0)
      throw new RangeError('key table size must be a power of 2');
  }

  /** The table's arrays (shared, not copied: for snapshots). */
  get arrays(): PostingArrays {
    return this.a;
  }

  /** The table position of a key hash, or -1 when no record ever had it. */
  find(hash: number): number {
    const { keyHash, keyUsed } = this.a;
    let i = hash & this.mask;
    while (keyUsed[i] === 1) {
      if (keyHash[i] === hash) return i;
      i = (i + 1) & this.mask;
    }
    return -1;
  }

  /** Live records holding the key at table position `at`. */
  count(at: number): number {
    return this.a.keyCount[at] ?? 0;
  }

  /** First posting of the key at `at` (-1 when none). */
  head(at: number): number {
    return this.a.keyHead[at] ?? -1;
  }

  /** The record slot of a posting. */
  slot(posting: number): number {
    return this.a.postSlot[posting] ?? -1;
  }

  /** The posting after this one in its list (-1 at the end). */
  next(posting: number): number {
    return this.a.postNext[posting] ?? -1;
  }

  /** Add record `slot` under a key hash. */
  add(hash: number, slot: number): void {
    if (2 * (this.a.keys + 1) > this.a.keyHash.length) this.rehash();
    let at = this.find(hash);
    if (at < 0) at = this.insert(hash);
    const p = this.a.postings;
    if (p === this.a.postSlot.length) {
      const n = Math.max(p * 2, 1 << 16);
      this.a.postSlot = grown(this.a.postSlot, n, (k) => new Int32Array(k));
      this.a.postNext = grown(this.a.postNext, n, (k) => new Int32Array(k));
    }
    this.a.postSlot[p] = slot;
    this.a.postNext[p] = this.a.keyHead[at] ?? -1;
    this.a.keyHead[at] = p;
    this.a.keyCount[at] = (this.a.keyCount[at] ?? 0) + 1;
    this.a.postings = p + 1;
  }

  /**
   * Rewrite the postings so each key's list is contiguous (walking it reads memory in order instead of
   * jumping), dropping postings of slots that `alive` rejects. Lists keep newest-first order, and
   * postings added later are linked in front as usual. Linear in the postings: seconds at 30 million.
   */
  compact(alive: (slot: number) => boolean): void {
    const { keyUsed, keyHead, keyCount, postSlot, postNext } = this.a;
    let total = 0;
    for (let i = 0; i < keyUsed.length; i++) if (keyUsed[i] === 1) total += keyCount[i] ?? 0;
    const slots = new Int32Array(Math.max(Math.ceil(total * 1.25), 1 << 16));
    const next = new Int32Array(slots.length);
    let q = 0;
    for (let i = 0; i < keyUsed.length; i++) {
      if (keyUsed[i] !== 1) continue;
      const start = q;
      for (let p = keyHead[i] ?? -1; p >= 0; p = postNext[p] ?? -1) {
        const slot = postSlot[p] ?? -1;
        if (!alive(slot)) continue;
        slots[q] = slot;
        next[q] = q + 1;
        q++;
      }
      if (q > start) next[q - 1] = -1;
      keyHead[i] = q > start ? start : -1;
      keyCount[i] = q - start;
    }
    this.a.postSlot = slots;
    this.a.postNext = next;
    this.a.postings = q;
  }

  /** One record holding a key hash was removed: its posting stays, the live count goes down. */
  release(hash: number): void {
    const at = this.find(hash);
    if (at >= 0) this.a.keyCount[at] = Math.max(0, (this.a.keyCount[at] ?? 0) - 1);
  }

  private insert(hash: number): number {
    const { keyUsed } = this.a;
    let i = hash & this.mask;
    while (keyUsed[i] === 1) i = (i + 1) & this.mask;
    keyUsed[i] = 1;
    this.a.keyHash[i] = hash;
    this.a.keyHead[i] = -1;
    this.a.keyCount[i] = 0;
    this.a.keys++;
    return i;
  }

  private rehash(): void {
    const old = this.a;
    const size = old.keyHash.length * 2;
    this.a = {
      ...old,
      keyHash: new Int32Array(size),
      keyHead: new Int32Array(size).fill(-1),
      keyCount: new Int32Array(size),
      keyUsed: new Uint8Array(size),
      keys: 0,
    };
    this.mask = size - 1;
    for (let i = 0; i < old.keyHash.length; i++) {
      if (old.keyUsed[i] !== 1) continue;
      const at = this.insert(old.keyHash[i] ?? 0);
      this.a.keyHead[at] = old.keyHead[i] ?? -1;
      this.a.keyCount[at] = old.keyCount[i] ?? 0;
    }
  }
}
