import type { CsrGraph } from './csr.js';
import {
  adjacencyPasses,
  compileFilter,
  edgePasses,
  nodePasses,
  nodeVisible,
  type CompiledFilter,
  type TraversalFilter,
} from './filter.js';
import { type GraphScratch, scratchFor } from './scratch.js';

/** Options of `bfsDistances`. */
export interface BfsOptions extends TraversalFilter {
  /** Stop after this many hops (default: no limit). */
  maxDepth?: number;
}

const asList = (nodes: number | readonly number[]): readonly number[] =>
  typeof nodes === 'number' ? [nodes] : nodes;

/** Seeds that exist and that the reader may see, without repeats. */
const visibleSeeds = (g: CsrGraph, f: CompiledFilter, seeds: readonly number[]): number[] => {
  const out: number[] = [];
  for (const s of seeds) {
    if (Number.isInteger(s) && s >= 0 && s < g.nodeCount && nodeVisible(f, s) && !out.includes(s))
      out.push(s);
  }
  return out;
};

/**
 * Hop distances from `sources` (a node or a set) to every node; -1 where unreachable, hidden or
 * filtered out. Breadth-first search, O(n + m) time, O(n) memory.
 */
export const bfsDistances = (
  g: CsrGraph,
  sources: number | readonly number[],
  options: BfsOptions = {},
): Int32Array => {
  const f = compileFilter(g, options);
  const maxDepth = options.maxDepth ?? Infinity;
  const dist = new Int32Array(g.nodeCount).fill(-1);
  const queue = new Int32Array(g.nodeCount);
  let tail = 0;
  for (const s of visibleSeeds(g, f, asList(sources))) {
    dist[s] = 0;
    queue[tail++] = s;
  }
  const passes = adjacencyPasses(g, options.direction ?? 'both');
  const directed = g.edgeDirected;
  for (let head = 0; head < tail; head++) {
    const u = queue[head] ?? 0;
    const du = (dist[u] ?? 0) + 1;
    if (du > maxDepth) break;
    for (const { offsets, neighbours, edges, skipUndirected } of passes) {
      for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
        const v = neighbours[j] ?? 0;
        if (dist[v] !== -1) continue;
        if (skipUndirected && directed[edges[j] ?? 0] === 0) continue;
        if (!f.plain && !(edgePasses(f, g, edges[j] ?? 0) && nodePasses(f, g, v))) continue;
        dist[v] = du;
        queue[tail++] = v;
      }
    }
  }
  return dist;
};

/** Options of `neighbourhood`. */
export interface NeighbourhoodOptions extends TraversalFilter {
  /** How many hops out from the seeds (default 2). */
  hops?: number;
  /** Stop once this many nodes (seeds included) are collected (default 10,000). */
  maxNodes?: number;
  /** Reusable working memory; makes a query cost what it touches instead of O(n). */
  scratch?: GraphScratch;
}

/** A neighbourhood in breadth-first order, with the reason each node is there. */
export interface Neighbourhood {
  nodes: Int32Array;
  /** Hops from the nearest seed (0 for seeds). */
  hop: Int32Array;
  /** The edge that first reached the node (-1 for seeds): the reason it is in the answer. */
  via: Int32Array;
  /** The node that edge came from (-1 for seeds). */
  from: Int32Array;
  /** True when `maxNodes` cut the answer short. */
  truncated: boolean;
}

/**
 * The k-hop neighbourhood of `seeds` under a filter, capped at `maxNodes`. Hidden nodes (policy) are
 * neither returned nor walked through. O(nodes touched + their adjacency) with a scratch; without
 * one, O(n) more for its allocation.
 */
export const neighbourhood = (
  g: CsrGraph,
  seeds: number | readonly number[],
  options: NeighbourhoodOptions = {},
): Neighbourhood => {
  const f = compileFilter(g, options);
  const hops = options.hops ?? 2;
  const cap = options.maxNodes ?? 10_000;
  const sc = scratchFor(g, options.scratch);
  const epoch = sc.nextEpoch();
  const mark = sc.markA;
  const nodes: number[] = [];
  const hop: number[] = [];
  const via: number[] = [];
  const from: number[] = [];
  let truncated = false;
  for (const s of visibleSeeds(g, f, asList(seeds))) {
    if (nodes.length >= cap) {
      truncated = true;
      break;
    }
    mark[s] = epoch;
    nodes.push(s);
    hop.push(0);
    via.push(-1);
    from.push(-1);
  }
  const passes = adjacencyPasses(g, options.direction ?? 'both');
  const directed = g.edgeDirected;
  let start = 0;
  levels: for (let d = 1; d <= hops && !truncated; d++) {
    const end = nodes.length;
    for (let i = start; i < end; i++) {
      const u = nodes[i] ?? 0;
      for (const { offsets, neighbours, edges, skipUndirected } of passes) {
        for (let j = offsets[u] ?? 0, stop = offsets[u + 1] ?? 0; j < stop; j++) {
          const v = neighbours[j] ?? 0;
          if (mark[v] === epoch) continue;
          const e = edges[j] ?? 0;
          if (skipUndirected && directed[e] === 0) continue;
          if (!f.plain && !(edgePasses(f, g, e) && nodePasses(f, g, v))) continue;
          if (nodes.length >= cap) {
            truncated = true;
            break levels;
          }
          mark[v] = epoch;
          nodes.push(v);
          hop.push(d);
          via.push(e);
          from.push(u);
        }
      }
    }
    start = end;
  }
  return {
    nodes: Int32Array.from(nodes),
    hop: Int32Array.from(hop),
    via: Int32Array.from(via),
    from: Int32Array.from(from),
    truncated,
  };
};

/** Options of `inducedEdges`. */
export interface InducedEdgesOptions extends TraversalFilter {
  scratch?: GraphScratch;
}

/**
 * Every edge (passing the filter) whose two ends are both in `nodes`, sorted by id: what the UI draws
 * between the nodes of an answer. O(sum of the nodes' degrees).
 */
export const inducedEdges = (
  g: CsrGraph,
  nodes: ArrayLike<number>,
  options: InducedEdgesOptions = {},
): Int32Array => {
  const f = compileFilter(g, options);
  const sc = scratchFor(g, options.scratch);
  const epoch = sc.nextEpoch();
  const mark = sc.markA;
  for (let i = 0; i < nodes.length; i++) mark[nodes[i] ?? 0] = epoch;
  const found: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const u = nodes[i] ?? 0;
    for (let j = g.outOffsets[u] ?? 0, end = g.outOffsets[u + 1] ?? 0; j < end; j++) {
      const e = g.outEdges[j] ?? 0;
      // An undirected edge sits in both ends' lists: take it from its source's.
      if (g.edgeDirected[e] === 0 && g.edgeSource[e] !== u) continue;
      if (mark[g.outNeighbours[j] ?? 0] === epoch && (f.plain || edgePasses(f, g, e))) found.push(e);
    }
  }
  const sorted = Int32Array.from(found).sort();
  // A self-loop sits twice in its node's list.
  let k = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i] ?? 0;
  }
  return sorted.slice(0, k);
};
