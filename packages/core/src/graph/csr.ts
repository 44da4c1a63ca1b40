/**
 * The entity graph as compressed sparse rows over typed arrays. Nodes are dense ids 0..n-1; edges
 * are dense ids 0..m-1 in the order the caller gave them, so an edge id (or `edgeRecord`) leads back
 * to the relationship, payment or shared property it came from — the provenance of every answer.
 *
 * Adjacency comes twice: `out*` lists, for each node, the directed edges leaving it and every
 * undirected edge touching it; `in*` lists the directed edges entering it and, again, every
 * undirected edge. When the graph has no directed edge, the two are the same arrays.
 */

/** Node kinds; the number is what `CsrGraph.nodeType` stores. */
export const NodeType = {
  person: 0,
  phone: 1,
  account: 2,
  address: 3,
  vehicle: 4,
  vessel: 5,
  document: 6,
  organisation: 7,
  other: 8,
} as const;
/** A node kind as stored (0..8). */
export type NodeType = (typeof NodeType)[keyof typeof NodeType];
/** The name of a node kind, as the API and the UI spell it. */
export type NodeTypeName = keyof typeof NodeType;
/** Node kind names indexed by their number. */
export const NODE_TYPE_NAMES: readonly NodeTypeName[] = [
  'person',
  'phone',
  'account',
  'address',
  'vehicle',
  'vessel',
  'document',
  'organisation',
  'other',
];

/**
 * Edge kinds: FollowTheMoney relationship schemata, then links through a shared thing. `has-*` joins
 * a person or organisation to a thing node (phone, account…); `shares-*` joins two holders directly.
 */
export const EdgeType = {
  associate: 0,
  family: 1,
  membership: 2,
  employment: 3,
  ownership: 4,
  unknownLink: 5,
  payment: 6,
  trip: 7,
  call: 8,
  message: 9,
  sharesPhone: 10,
  sharesAccount: 11,
  sharesAddress: 12,
  sharesDocument: 13,
  sharesVehicle: 14,
  hasPhone: 15,
  hasAccount: 16,
  hasAddress: 17,
  hasDocument: 18,
  hasVehicle: 19,
  sameAs: 20,
  other: 21,
} as const;
/** An edge kind as stored (0..21). */
export type EdgeType = (typeof EdgeType)[keyof typeof EdgeType];
/** Edge kind names (kebab-case, as on the wire) indexed by their number. */
export const EDGE_TYPE_NAMES: readonly string[] = [
  'associate',
  'family',
  'membership',
  'employment',
  'ownership',
  'unknown-link',
  'payment',
  'trip',
  'call',
  'message',
  'shares-phone',
  'shares-account',
  'shares-address',
  'shares-document',
  'shares-vehicle',
  'has-phone',
  'has-account',
  'has-address',
  'has-document',
  'has-vehicle',
  'same-as',
  'other',
];

/** The name of a node kind number (`other` for an unknown number). */
export const nodeTypeName = (type: number): NodeTypeName => NODE_TYPE_NAMES[type] ?? 'other';
/** The kebab-case name of an edge kind number (`other` for an unknown number). */
export const edgeTypeName = (type: number): string => EDGE_TYPE_NAMES[type] ?? 'other';
/** The edge kind number for a kebab-case name, or undefined. */
export const edgeTypeOf = (name: string): EdgeType | undefined => {
  const i = EDGE_TYPE_NAMES.indexOf(name);
  return i < 0 ? undefined : (i as EdgeType);
};

/** Which way to walk edges: along (`out`), against (`in`) or ignoring (`both`) their direction. */
export type EdgeDirection = 'out' | 'in' | 'both';

/** An immutable graph in compressed sparse rows; build it with `buildCsr` or `GraphBuilder`. */
export interface CsrGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Node kind per node (a `NodeType`). */
  readonly nodeType: Uint8Array;
  /** Endpoints per edge; for a directed edge, money or the relation goes source → target. */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Edge kind per edge (an `EdgeType`). */
  readonly edgeType: Uint8Array;
  /** 1 when the edge is directed, 0 when not. */
  readonly edgeDirected: Uint8Array;
  /** Amount per edge (payments), NaN when unknown; null when no edge has one. */
  readonly edgeAmount: Float64Array | null;
  /** Time per edge (days or ms since the epoch, the caller's choice), NaN when undated; null if none. */
  readonly edgeTime: Float64Array | null;
  /** The caller's record index per edge (provenance); null means the edge id is the record index. */
  readonly edgeRecord: Int32Array | null;
  /** True when at least one edge is directed (otherwise `in*` is `out*`). */
  readonly hasDirected: boolean;
  /** Out-adjacency: entries outOffsets[u]..outOffsets[u+1] give the neighbour and edge id. */
  readonly outOffsets: Int32Array;
  readonly outNeighbours: Int32Array;
  readonly outEdges: Int32Array;
  /** In-adjacency, same layout. */
  readonly inOffsets: Int32Array;
  readonly inNeighbours: Int32Array;
  readonly inEdges: Int32Array;
}

/** The caller's record index of edge `e` (its provenance). */
export const recordOf = (g: CsrGraph, e: number): number =>
  g.edgeRecord === null ? e : (g.edgeRecord[e] ?? -1);

/** The endpoint of edge `e` that is not `node` (the node itself for a self-loop). */
export const otherEnd = (g: CsrGraph, e: number, node: number): number => {
  const s = g.edgeSource[e] ?? -1;
  return s === node ? (g.edgeTarget[e] ?? -1) : s;
};

/** Number of adjacency entries of `node` in `direction` (undirected edges count once). O(1). */
export const degreeOf = (g: CsrGraph, node: number, direction: EdgeDirection = 'both'): number => {
  const out = (g.outOffsets[node + 1] ?? 0) - (g.outOffsets[node] ?? 0);
  if (direction === 'out' || !g.hasDirected) return out;
  const inn = (g.inOffsets[node + 1] ?? 0) - (g.inOffsets[node] ?? 0);
  if (direction === 'in') return inn;
  // Undirected edges sit in both lists: count them once.
  let undirectedIn = 0;
  for (let j = g.inOffsets[node] ?? 0, end = g.inOffsets[node + 1] ?? 0; j < end; j++) {
    if (g.edgeDirected[g.inEdges[j] ?? 0] === 0) undirectedIn++;
  }
  return out + inn - undirectedIn;
};

/** Bytes held by the graph's typed arrays (shared in/out arrays counted once). */
export const graphBytes = (g: CsrGraph): number => {
  const arrays = new Set<ArrayBufferView>([
    g.nodeType,
    g.edgeSource,
    g.edgeTarget,
    g.edgeType,
    g.edgeDirected,
    g.outOffsets,
    g.outNeighbours,
    g.outEdges,
    g.inOffsets,
    g.inNeighbours,
    g.inEdges,
  ]);
  if (g.edgeAmount) arrays.add(g.edgeAmount);
  if (g.edgeTime) arrays.add(g.edgeTime);
  if (g.edgeRecord) arrays.add(g.edgeRecord);
  let bytes = 0;
  for (const a of arrays) bytes += a.byteLength;
  return bytes;
};
