import type { CsrGraph } from './csr.js';
import {
  type AdjacencyPass,
  adjacencyPasses,
  compileFilter,
  edgePasses,
  nodePasses,
  nodeVisible,
  reverseDirection,
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
 * Run a level bottom-up when its frontier holds more than 1/ALPHA of the unexplored edges and more
 * than 1/BETA of the nodes (Beamer et al.'s α = 14, β = 24). The node test keeps the small levels of
 * long, thin graphs top-down: a bottom-up level costs a scan of every unvisited node, including
 * those of other components that no level will ever reach.
 */
const ALPHA = 14;
const BETA = 24;

/** Adjacency entries of `u` over `passes`. */
const entriesOf = (passes: readonly AdjacencyPass[], u: number): number => {
  let k = 0;
  for (const { offsets } of passes) k += (offsets[u + 1] ?? 0) - (offsets[u] ?? 0);
  return k;
};

/**
 * Hop distances from `sources` (a node or a set) to every node; -1 where unreachable, hidden or
 * filtered out. Direction-optimising breadth-first search: a level whose frontier is small expands
 * it top-down (each frontier node visits its neighbours); a level whose frontier holds many edges
 * runs bottom-up instead (each unvisited node looks for one neighbour in the frontier and stops at
 * the first), which skips most edges of the big middle levels. Same distances either way.
 * O(n + m) time, O(n) memory.
 */
export const bfsDistances = (
  g: CsrGraph,
  sources: number | readonly number[],
  options: BfsOptions = {},
): Int32Array => {
  const f = compileFilter(g, options);
  const maxDepth = options.maxDepth ?? Infinity;
  const n = g.nodeCount;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (const s of visibleSeeds(g, f, asList(sources))) {
    dist[s] = 0;
    queue[tail++] = s;
  }
  const direction = options.direction ?? 'both';
  const down = adjacencyPasses(g, direction);
  // Bottom-up, v looks for the edges by which a frontier node reaches it: the reverse lists.
  const up = adjacencyPasses(g, reverseDirection(direction));
  const directed = g.edgeDirected;
  let unexplored = 0;
  for (const { offsets } of down) unexplored += offsets[n] ?? 0;
  let head = 0;
  for (let depth = 0; head < tail && depth < maxDepth; depth++) {
    const levelEnd = tail;
    const next = depth + 1;
    let frontierEdges = 0;
    for (let h = head; h < levelEnd; h++) frontierEdges += entriesOf(down, queue[h] ?? 0);
    if (frontierEdges * ALPHA > unexplored && (levelEnd - head) * BETA > n) {
      for (let v = 0; v < n; v++) {
        if (dist[v] !== -1 || (!f.plain && !nodePasses(f, g, v))) continue;
        search: for (const { offsets, neighbours, edges, skipUndirected } of up) {
          for (let j = offsets[v] ?? 0, end = offsets[v + 1] ?? 0; j < end; j++) {
            if (dist[neighbours[j] ?? 0] !== depth) continue;
            const e = edges[j] ?? 0;
            if (skipUndirected && directed[e] === 0) continue;
            if (!f.plain && !edgePasses(f, g, e)) continue;
            dist[v] = next;
            queue[tail++] = v;
            break search;
          }
        }
      }
    } else {
      for (let h = head; h < levelEnd; h++) {
        const u = queue[h] ?? 0;
        for (const { offsets, neighbours, edges, skipUndirected } of down) {
          for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
            const v = neighbours[j] ?? 0;
            if (dist[v] !== -1) continue;
            if (skipUndirected && directed[edges[j] ?? 0] === 0) continue;
            if (!f.plain && !(edgePasses(f, g, edges[j] ?? 0) && nodePasses(f, g, v))) continue;
            dist[v] = next;
            queue[tail++] = v;
          }
        }
      }
    }
    unexplored -= frontierEdges;
    head = levelEnd;
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
