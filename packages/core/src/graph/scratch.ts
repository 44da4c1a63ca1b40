import type { CsrGraph } from './csr.js';

/**
 * Working memory for local queries (neighbourhoods, paths), reusable across calls so that a query
 * costs what it touches, not O(n): a node counts as visited when its mark equals the current epoch,
 * and a new epoch forgets every mark at once. Not for concurrent use (JavaScript runs one query at a
 * time per thread; give each worker its own). Without one, each query allocates its own in O(n).
 */
export class GraphScratch {
  /** How many nodes the arrays cover. */
  readonly size: number;
  private epochNow = 0;
  private a: Int32Array | null = null;
  private b: Int32Array | null = null;
  private da: Int32Array | null = null;
  private db: Int32Array | null = null;
  private va: Int32Array | null = null;
  private vb: Int32Array | null = null;

  /** Scratch for graphs of up to `nodeCount` nodes. */
  constructor(nodeCount: number) {
    this.size = nodeCount;
  }

  /** Start a query: returns the epoch that marks "visited in this query". */
  nextEpoch(): number {
    if (this.epochNow >= 0x7ffffffe) {
      for (const arr of [this.a, this.b]) arr?.fill(0);
      this.epochNow = 0;
    }
    return ++this.epochNow;
  }

  /** Marks of the forward (or only) search. */
  get markA(): Int32Array {
    return (this.a ??= new Int32Array(this.size));
  }
  /** Marks of the backward search. */
  get markB(): Int32Array {
    return (this.b ??= new Int32Array(this.size));
  }
  /** Depths of the forward search (valid where marked). */
  get depthA(): Int32Array {
    return (this.da ??= new Int32Array(this.size));
  }
  /** Depths of the backward search (valid where marked). */
  get depthB(): Int32Array {
    return (this.db ??= new Int32Array(this.size));
  }
  /** Edge that reached each node in the forward search (valid where marked). */
  get viaA(): Int32Array {
    return (this.va ??= new Int32Array(this.size));
  }
  /** Edge that reached each node in the backward search (valid where marked). */
  get viaB(): Int32Array {
    return (this.vb ??= new Int32Array(this.size));
  }
}

/** Scratch for `g`: the caller's when given and large enough, else a fresh one (O(n)). */
export const scratchFor = (g: CsrGraph, scratch: GraphScratch | undefined): GraphScratch =>
  scratch !== undefined && scratch.size >= g.nodeCount ? scratch : new GraphScratch(g.nodeCount);
