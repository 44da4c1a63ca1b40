import { invalid } from '../errors.js';
import { type CsrGraph, EdgeType, NodeType } from './csr.js';

/** Edges as parallel arrays, the fastest way in: what `buildCsr` reads. */
export interface EdgeArrays {
  nodeCount: number;
  /** Node kind per node; default: every node `other`. */
  nodeType?: Uint8Array;
  source: Int32Array;
  target: Int32Array;
  /** How many edges the arrays hold (they may be longer); default: `source.length`. */
  edgeCount?: number;
  /** Edge kind per edge; default: every edge `unknown-link`. */
  type?: Uint8Array;
  /** Per edge (1 = directed) or for all edges; default: undirected. */
  directed?: Uint8Array | boolean;
  amount?: Float64Array;
  time?: Float64Array;
  /** The caller's record index per edge; default: the edge id itself. */
  record?: Int32Array;
}

/** Keep the first `m` values, copying only when the array is longer (so the graph owns its arrays). */
const exact = <T extends Int32Array | Uint8Array | Float64Array>(a: T, m: number): T =>
  a.length === m ? a : (a.slice(0, m) as T);

/** Nodes per block of the two-pass placement: a block's cursors and adjacency stay in cache. */
const BLOCK_SHIFT = 12;

/**
 * Adjacency by counting sort, O(n + m), entries of each node in edge-id order. Each edge gives an
 * entry at its row end, and an undirected one (`directed` null or 0) one at its column end too.
 * Entries are first streamed into blocks of 4,096 rows, then placed block by block: the same work as
 * one scattering pass, but cache-friendly, about twice as fast on graphs larger than the cache.
 */
const adjacency = (
  n: number,
  m: number,
  rowOf: Int32Array,
  colOf: Int32Array,
  directed: Uint8Array | null,
): { offsets: Int32Array; neighbours: Int32Array; edges: Int32Array } => {
  const offsets = new Int32Array(n + 1);
  let entries = 0;
  for (let e = 0; e < m; e++) {
    const r = (rowOf[e] ?? 0) + 1;
    offsets[r] = (offsets[r] ?? 0) + 1;
    entries++;
    if (directed === null || directed[e] === 0) {
      const c = (colOf[e] ?? 0) + 1;
      offsets[c] = (offsets[c] ?? 0) + 1;
      entries++;
    }
  }
  for (let u = 0; u < n; u++) offsets[u + 1] = (offsets[u + 1] ?? 0) + (offsets[u] ?? 0);
  const blocks = (n >> BLOCK_SHIFT) + 1;
  const blockCursor = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) blockCursor[b] = offsets[Math.min(n, b << BLOCK_SHIFT)] ?? 0;
  // Pass 1: stream (row, column, edge) into row blocks, keeping edge order within each block.
  const rows = new Int32Array(entries);
  const cols = new Int32Array(entries);
  const ids = new Int32Array(entries);
  const put = (r: number, c: number, e: number): void => {
    const at = blockCursor[r >> BLOCK_SHIFT] ?? 0;
    blockCursor[r >> BLOCK_SHIFT] = at + 1;
    rows[at] = r;
    cols[at] = c;
    ids[at] = e;
  };
  for (let e = 0; e < m; e++) {
    const r = rowOf[e] ?? 0;
    const c = colOf[e] ?? 0;
    put(r, c, e);
    if (directed === null || directed[e] === 0) put(c, r, e);
  }
  // Pass 2: place each block's entries at their rows.
  const cursor = offsets.slice(0, n);
  const neighbours = new Int32Array(entries);
  const edges = new Int32Array(entries);
  for (let k = 0; k < entries; k++) {
    const r = rows[k] ?? 0;
    const at = cursor[r] ?? 0;
    cursor[r] = at + 1;
    neighbours[at] = cols[k] ?? 0;
    edges[at] = ids[k] ?? 0;
  }
  return { offsets, neighbours, edges };
};

/**
 * Build a CSR graph from edge arrays: validation, then a counting sort per adjacency. O(n + m) time;
 * memory 8 bytes per adjacency entry (two per undirected edge) on top of the edge arrays, and 12 more
 * per entry while building. Arrays of exactly the right length are kept, not copied: do not change
 * them afterwards. Throws `Invalid` when an endpoint is outside 0..nodeCount-1 or an array is short.
 */
export const buildCsr = (input: EdgeArrays): CsrGraph => {
  const n = input.nodeCount;
  const m = input.edgeCount ?? input.source.length;
  if (!Number.isInteger(n) || n < 0) throw invalid(`nodeCount must be a non-negative integer, got ${n}`);
  if (input.source.length < m || input.target.length < m)
    throw invalid('source/target shorter than edgeCount');
  for (const [name, a] of [
    ['type', input.type],
    ['amount', input.amount],
    ['time', input.time],
    ['record', input.record],
    ['directed', typeof input.directed === 'boolean' ? undefined : input.directed],
  ] as const) {
    if (a && a.length < m) throw invalid(`${name} is shorter than edgeCount`, { field: name });
  }
  if (input.nodeType && input.nodeType.length < n) throw invalid('nodeType is shorter than nodeCount');
  const source = exact(input.source, m);
  const target = exact(input.target, m);
  for (let e = 0; e < m; e++) {
    const s = source[e] ?? -1;
    const t = target[e] ?? -1;
    if (s < 0 || s >= n || t < 0 || t >= n) {
      throw invalid(`edge ${e} joins ${s} and ${t}, outside 0..${n - 1}`, { field: 'edge', line: e });
    }
  }
  let directed: Uint8Array;
  if (input.directed instanceof Uint8Array) directed = exact(input.directed, m);
  else directed = input.directed === true ? new Uint8Array(m).fill(1) : new Uint8Array(m);
  let hasDirected = false;
  for (let e = 0; e < m && !hasDirected; e++) hasDirected = directed[e] !== 0;
  // Undirected edges are listed at both ends; `null` says "all undirected" and skips the per-edge test.
  const mixed = hasDirected ? directed : null;
  const out = adjacency(n, m, source, target, mixed);
  const inn = hasDirected ? adjacency(n, m, target, source, mixed) : out;
  return {
    nodeCount: n,
    edgeCount: m,
    nodeType: input.nodeType ? exact(input.nodeType, n) : new Uint8Array(n).fill(NodeType.other),
    edgeSource: source,
    edgeTarget: target,
    edgeType: input.type ? exact(input.type, m) : new Uint8Array(m).fill(EdgeType.unknownLink),
    edgeDirected: directed,
    edgeAmount: input.amount ? exact(input.amount, m) : null,
    edgeTime: input.time ? exact(input.time, m) : null,
    edgeRecord: input.record ? exact(input.record, m) : null,
    hasDirected,
    outOffsets: out.offsets,
    outNeighbours: out.neighbours,
    outEdges: out.edges,
    inOffsets: inn.offsets,
    inNeighbours: inn.neighbours,
    inEdges: inn.edges,
  };
};

/** Per-edge extras for `GraphBuilder.addEdge`. */
export interface EdgeOptions {
  directed?: boolean;
  amount?: number;
  /** Days or ms since the epoch (be consistent within one graph). */
  time?: number;
  /** The caller's record index, for provenance. */
  record?: number;
}

/** Doubles a typed array's capacity, keeping its contents. */
const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, need: number): T => {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (length: number) => T)(Math.max(need, a.length * 2, 16));
  next.set(a);
  return next;
};

/**
 * Collects nodes and edges one at a time into growable typed arrays, then `build()`s a CsrGraph.
 * Amounts, times and records are only stored once some edge has one (absent ones read NaN / own id).
 */
export class GraphBuilder {
  private nodeTypes = new Uint8Array(16);
  private nodes = 0;
  private sources = new Int32Array(16);
  private targets = new Int32Array(16);
  private types = new Uint8Array(16);
  private directed = new Uint8Array(16);
  private amounts: Float64Array | null = null;
  private times: Float64Array | null = null;
  private records: Int32Array | null = null;
  private edges = 0;

  /** Number of nodes added so far. */
  get nodeCount(): number {
    return this.nodes;
  }

  /** Number of edges added so far. */
  get edgeCount(): number {
    return this.edges;
  }

  /** Add one node of `type`; returns its id. */
  addNode(type: NodeType = NodeType.other): number {
    this.nodeTypes = grow(this.nodeTypes, this.nodes + 1);
    this.nodeTypes[this.nodes] = type;
    return this.nodes++;
  }

  /** Add `count` nodes of `type`; returns the first id (they are consecutive). */
  addNodes(count: number, type: NodeType = NodeType.other): number {
    const first = this.nodes;
    this.nodeTypes = grow(this.nodeTypes, first + count);
    this.nodeTypes.fill(type, first, first + count);
    this.nodes += count;
    return first;
  }

  /** Add an edge between two existing nodes; returns its id. Endpoints are checked at `build()`. */
  addEdge(
    source: number,
    target: number,
    type: EdgeType = EdgeType.unknownLink,
    options?: EdgeOptions,
  ): number {
    const e = this.edges;
    if (e + 1 > this.sources.length) {
      this.sources = grow(this.sources, e + 1);
      this.targets = grow(this.targets, e + 1);
      this.types = grow(this.types, e + 1);
      this.directed = grow(this.directed, e + 1);
      if (this.amounts) this.amounts = grow(this.amounts, e + 1);
      if (this.times) this.times = grow(this.times, e + 1);
      if (this.records) this.records = grow(this.records, e + 1);
    }
    this.sources[e] = source;
    this.targets[e] = target;
    this.types[e] = type;
    this.directed[e] = options?.directed === true ? 1 : 0;
    if (options?.amount !== undefined) {
      this.amounts ??= new Float64Array(this.sources.length).fill(NaN);
      this.amounts[e] = options.amount;
    }
    if (options?.time !== undefined) {
      this.times ??= new Float64Array(this.sources.length).fill(NaN);
      this.times[e] = options.time;
    }
    if (options?.record !== undefined) {
      if (!this.records) {
        this.records = new Int32Array(this.sources.length);
        for (let i = 0; i < e; i++) this.records[i] = i;
      }
      this.records[e] = options.record;
    } else if (this.records) {
      this.records[e] = e;
    }
    this.edges++;
    return e;
  }

  /** Freeze what was added into a CsrGraph (the builder can keep going afterwards). O(n + m). */
  build(): CsrGraph {
    const m = this.edges;
    return buildCsr({
      nodeCount: this.nodes,
      nodeType: this.nodeTypes.slice(0, this.nodes),
      source: this.sources.slice(0, m),
      target: this.targets.slice(0, m),
      type: this.types.slice(0, m),
      directed: this.directed.slice(0, m),
      ...(this.amounts ? { amount: this.amounts.slice(0, m) } : {}),
      ...(this.times ? { time: this.times.slice(0, m) } : {}),
      ...(this.records ? { record: this.records.slice(0, m) } : {}),
    });
  }
}
