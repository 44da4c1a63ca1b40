import { buildCsr } from './builder.js';
import { type CsrGraph, degreeOf } from './csr.js';
import { invalid } from '../errors.js';

/**
 * How to number nodes for locality. 'bfs': breadth-first, component by component, from each
 * unvisited node in id order — neighbours get near ids, so the random reads of traversals and
 * PageRank's gathers mostly hit the cache. 'degree': by descending degree (hubs together), keeping
 * id order among equals — cheaper, helps less on graphs without strong hubs.
 */
export type LocalityStrategy = 'bfs' | 'degree';

/** A graph renumbered: `order[newId] = oldId` and `rank[oldId] = newId`. */
export interface Relabelled {
  graph: CsrGraph;
  order: Int32Array;
  rank: Int32Array;
}

/** Breadth-first order over both adjacencies, starting from each unvisited node in id order. */
const bfsOrder = (g: CsrGraph): Int32Array => {
  const n = g.nodeCount;
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  const lists = g.hasDirected
    ? ([
        [g.outOffsets, g.outNeighbours],
        [g.inOffsets, g.inNeighbours],
      ] as const)
    : ([[g.outOffsets, g.outNeighbours]] as const);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s] === 1) continue;
    seen[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      const u = order[head++] ?? 0;
      for (const [offsets, neighbours] of lists) {
        for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
          const v = neighbours[j] ?? 0;
          if (seen[v] === 0) {
            seen[v] = 1;
            order[tail++] = v;
          }
        }
      }
    }
  }
  return order;
};

/** Nodes by descending degree, ties in id order (a counting sort: O(n + max degree)). */
const degreeOrder = (g: CsrGraph): Int32Array => {
  const n = g.nodeCount;
  const degree = new Int32Array(n);
  let max = 0;
  for (let v = 0; v < n; v++) {
    const k = degreeOf(g, v, 'both');
    degree[v] = k;
    if (k > max) max = k;
  }
  const start = new Int32Array(max + 2);
  for (let v = 0; v < n; v++) {
    const slot = max - (degree[v] ?? 0) + 1;
    start[slot] = (start[slot] ?? 0) + 1;
  }
  for (let k = 1; k <= max + 1; k++) start[k] = (start[k] ?? 0) + (start[k - 1] ?? 0);
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const slot = max - (degree[v] ?? 0);
    const at = start[slot] ?? 0;
    start[slot] = at + 1;
    order[at] = v;
  }
  return order;
};

/** A locality-friendly numbering of `g`'s nodes: `order[newId] = oldId`. O(n + m). */
export const localityOrder = (g: CsrGraph, strategy: LocalityStrategy = 'bfs'): Int32Array =>
  strategy === 'bfs' ? bfsOrder(g) : degreeOrder(g);

/**
 * The same graph with node `order[i]` renumbered `i`. Edge ids, kinds, directions, amounts, times
 * and records are unchanged (provenance still holds); only endpoints and adjacency are renumbered.
 * Map answers back with `order` (new → old) or `rank` (old → new). Throws `Invalid` unless `order` is
 * a permutation of 0..n-1. O(n + m).
 */
export const relabelNodes = (g: CsrGraph, order: Int32Array): Relabelled => {
  const n = g.nodeCount;
  if (order.length !== n) throw invalid(`order has ${order.length} entries for ${n} nodes`);
  const rank = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const old = order[i] ?? -1;
    if (old < 0 || old >= n || rank[old] !== -1) throw invalid('order is not a permutation of the node ids');
    rank[old] = i;
  }
  const m = g.edgeCount;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    source[e] = rank[g.edgeSource[e] ?? 0] ?? 0;
    target[e] = rank[g.edgeTarget[e] ?? 0] ?? 0;
  }
  const nodeType = new Uint8Array(n);
  for (let i = 0; i < n; i++) nodeType[i] = g.nodeType[order[i] ?? 0] ?? 0;
  const graph = buildCsr({
    nodeCount: n,
    nodeType,
    source,
    target,
    type: g.edgeType,
    directed: g.edgeDirected,
    ...(g.edgeAmount ? { amount: g.edgeAmount } : {}),
    ...(g.edgeTime ? { time: g.edgeTime } : {}),
    ...(g.edgeRecord ? { record: g.edgeRecord } : {}),
  });
  return { graph, order, rank };
};
