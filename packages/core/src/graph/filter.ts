import type { CsrGraph, EdgeDirection, EdgeType, NodeType } from './csr.js';

/** Which nodes the reader may see: a bitmap (1 = visible) or a predicate. Everything else is absent. */
export type NodeAllowance = Uint8Array | ((node: number) => boolean);

/** A time window over edge times, bounds inclusive; undated edges pass unless `undated` is 'exclude'. */
export interface TimeWindow {
  from?: number;
  to?: number;
  undated?: 'include' | 'exclude';
}

/**
 * What a local query (neighbourhood, paths, flows) may walk over. A node that fails `allowedNodes`
 * (the sharing policy) is never returned and never walked through; nodes of other kinds than
 * `nodeTypes` are neither (the query's own seeds are exempt from `nodeTypes`, not from the policy).
 */
export interface TraversalFilter {
  /** Default 'both'. */
  direction?: EdgeDirection;
  edgeTypes?: readonly EdgeType[];
  nodeTypes?: readonly NodeType[];
  timeWindow?: TimeWindow;
  allowedNodes?: NodeAllowance;
  /** Edges the reader may see (1 = visible), e.g. relationships from agencies that share with them. */
  allowedEdges?: Uint8Array;
}

/** A filter turned into lookup tables, checked per edge and per node in hot loops. */
export interface CompiledFilter {
  readonly plain: boolean;
  readonly edgeTypeOk: Uint8Array | null;
  readonly nodeTypeOk: Uint8Array | null;
  readonly allowedEdges: Uint8Array | null;
  readonly allowedBitmap: Uint8Array | null;
  readonly allowedPredicate: ((node: number) => boolean) | null;
  readonly time: Float64Array | null;
  readonly from: number;
  readonly to: number;
  readonly undatedOk: boolean;
}

const lookup = (values: readonly number[] | undefined): Uint8Array | null => {
  if (values === undefined) return null;
  const table = new Uint8Array(256);
  for (const v of values) table[v & 255] = 1;
  return table;
};

/** Compile a filter once per query. O(1) (tables of 256 entries). */
export const compileFilter = (g: CsrGraph, f: TraversalFilter): CompiledFilter => {
  const w = f.timeWindow;
  const timed = w !== undefined && (w.from !== undefined || w.to !== undefined || w.undated === 'exclude');
  const allowed = f.allowedNodes;
  const compiled: CompiledFilter = {
    plain: false,
    edgeTypeOk: lookup(f.edgeTypes),
    nodeTypeOk: lookup(f.nodeTypes),
    allowedEdges: f.allowedEdges ?? null,
    allowedBitmap: allowed instanceof Uint8Array ? allowed : null,
    allowedPredicate: typeof allowed === 'function' ? allowed : null,
    // A window on a graph without times: every edge is undated.
    time: timed ? (g.edgeTime ?? new Float64Array(0)) : null,
    from: w?.from ?? -Infinity,
    to: w?.to ?? Infinity,
    undatedOk: w?.undated !== 'exclude',
  };
  const plain =
    compiled.edgeTypeOk === null &&
    compiled.nodeTypeOk === null &&
    compiled.allowedEdges === null &&
    compiled.allowedBitmap === null &&
    compiled.allowedPredicate === null &&
    compiled.time === null;
  return { ...compiled, plain };
};

/** True when edge `e` passes the edge kind, edge policy and time window parts of the filter. */
export const edgePasses = (f: CompiledFilter, g: CsrGraph, e: number): boolean => {
  if (f.edgeTypeOk !== null && f.edgeTypeOk[g.edgeType[e] ?? 0] === 0) return false;
  if (f.allowedEdges !== null && f.allowedEdges[e] !== 1) return false;
  if (f.time !== null) {
    const t = f.time[e] ?? NaN;
    if (Number.isNaN(t)) return f.undatedOk;
    if (t < f.from || t > f.to) return false;
  }
  return true;
};

/** True when the sharing policy lets the reader see node `v`. */
export const nodeVisible = (f: CompiledFilter, v: number): boolean => {
  if (f.allowedBitmap !== null && f.allowedBitmap[v] !== 1) return false;
  if (f.allowedPredicate !== null && !f.allowedPredicate(v)) return false;
  return true;
};

/** True when node `v` may be entered by a traversal: visible and of an allowed kind. */
export const nodePasses = (f: CompiledFilter, g: CsrGraph, v: number): boolean => {
  if (f.nodeTypeOk !== null && f.nodeTypeOk[g.nodeType[v] ?? 0] === 0) return false;
  return nodeVisible(f, v);
};

/** One adjacency list to scan; `skipUndirected` avoids seeing an undirected edge twice in 'both'. */
export interface AdjacencyPass {
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly edges: Int32Array;
  readonly skipUndirected: boolean;
}

/** The reverse of a direction (how to walk back along a path). */
export const reverseDirection = (d: EdgeDirection): EdgeDirection =>
  d === 'out' ? 'in' : d === 'in' ? 'out' : 'both';

/** The adjacency lists to scan for `direction`: one, or two when 'both' meets directed edges. */
export const adjacencyPasses = (g: CsrGraph, direction: EdgeDirection): AdjacencyPass[] => {
  const out: AdjacencyPass = {
    offsets: g.outOffsets,
    neighbours: g.outNeighbours,
    edges: g.outEdges,
    skipUndirected: false,
  };
  if (!g.hasDirected) return [out];
  const inn = (skipUndirected: boolean): AdjacencyPass => ({
    offsets: g.inOffsets,
    neighbours: g.inNeighbours,
    edges: g.inEdges,
    skipUndirected,
  });
  if (direction === 'out') return [out];
  if (direction === 'in') return [inn(false)];
  return [out, inn(true)];
};
