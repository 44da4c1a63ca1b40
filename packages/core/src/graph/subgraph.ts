import { buildCsr } from './builder.js';
import { type CsrGraph, recordOf } from './csr.js';
import { compileFilter, edgePasses, nodePasses, type TraversalFilter } from './filter.js';

/** A subgraph with dense ids of its own and the maps back to the graph it was cut from. */
export interface Subgraph {
  graph: CsrGraph;
  /** Subgraph node id → original node id. */
  originalNode: Int32Array;
  /** Original node id → subgraph node id, -1 where left out. */
  nodeIndex: Int32Array;
  /** Subgraph edge id → original edge id (the subgraph's `edgeRecord` keeps the original records). */
  originalEdge: Int32Array;
}

/**
 * The subgraph a reader may analyse: the nodes passing the policy and kind filters, the edges passing
 * the edge filters between two such nodes. Whole-graph analytics (components, PageRank, centrality,
 * communities, patterns) run on it, so nothing hidden shapes their answers. O(n + m).
 */
export const inducedSubgraph = (g: CsrGraph, filter: Omit<TraversalFilter, 'direction'>): Subgraph => {
  const f = compileFilter(g, filter);
  const n = g.nodeCount;
  const nodeIndex = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let v = 0; v < n; v++) if (nodePasses(f, g, v)) nodeIndex[v] = kept++;
  const originalNode = new Int32Array(kept);
  for (let v = 0; v < n; v++) {
    const i = nodeIndex[v] ?? -1;
    if (i >= 0) originalNode[i] = v;
  }
  const edges: number[] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    if ((nodeIndex[g.edgeSource[e] ?? 0] ?? -1) < 0 || (nodeIndex[g.edgeTarget[e] ?? 0] ?? -1) < 0) continue;
    if (edgePasses(f, g, e)) edges.push(e);
  }
  const m = edges.length;
  const originalEdge = Int32Array.from(edges);
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const type = new Uint8Array(m);
  const directed = new Uint8Array(m);
  const record = new Int32Array(m);
  const amount = g.edgeAmount ? new Float64Array(m) : undefined;
  const time = g.edgeTime ? new Float64Array(m) : undefined;
  for (let i = 0; i < m; i++) {
    const e = originalEdge[i] ?? 0;
    source[i] = nodeIndex[g.edgeSource[e] ?? 0] ?? 0;
    target[i] = nodeIndex[g.edgeTarget[e] ?? 0] ?? 0;
    type[i] = g.edgeType[e] ?? 0;
    directed[i] = g.edgeDirected[e] ?? 0;
    record[i] = recordOf(g, e);
    if (amount) amount[i] = g.edgeAmount?.[e] ?? NaN;
    if (time) time[i] = g.edgeTime?.[e] ?? NaN;
  }
  const nodeType = new Uint8Array(kept);
  for (let i = 0; i < kept; i++) nodeType[i] = g.nodeType[originalNode[i] ?? 0] ?? 0;
  const graph = buildCsr({
    nodeCount: kept,
    nodeType,
    source,
    target,
    type,
    directed,
    record,
    ...(amount ? { amount } : {}),
    ...(time ? { time } : {}),
  });
  return { graph, originalNode, nodeIndex, originalEdge };
};
