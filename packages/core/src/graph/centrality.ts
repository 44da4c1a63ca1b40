import { type CsrGraph, type EdgeDirection, degreeOf } from './csr.js';
import { adjacencyPasses } from './filter.js';
import { createPrng } from './prng.js';

/** Options of `degreeCentrality`. */
export interface DegreeOptions {
  /** Default 'both' (undirected edges count once). */
  direction?: EdgeDirection;
  /** Divide by n - 1 (default true). */
  normalised?: boolean;
}

/** Degree per node (edges counted with multiplicity), optionally divided by n - 1. O(n), or O(n + m) for 'both' on a graph with directed edges. */
export const degreeCentrality = (g: CsrGraph, options: DegreeOptions = {}): Float64Array => {
  const n = g.nodeCount;
  const scale = options.normalised === false || n <= 1 ? 1 : 1 / (n - 1);
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) out[v] = degreeOf(g, v, options.direction ?? 'both') * scale;
  return out;
};

/** Options of `betweenness`. */
export interface BetweennessOptions {
  /** 'both' (default) treats every edge as undirected; 'out' follows directed edges forward. */
  direction?: 'out' | 'both';
  /**
   * Sources to sample (scores scaled by n / samples: an unbiased estimate of the exact ones); every
   * node when ≥ n. Default: exact up to 2,000 nodes, 256 samples above.
   */
  samples?: number;
  /** Seed of the sampling (default 1). */
  seed?: number;
  /** Scale into [0, 1] by the number of pairs (default true), as networkx and igraph do. */
  normalised?: boolean;
}

/**
 * Betweenness centrality by Brandes' algorithm on unweighted edges: a breadth-first search per source
 * counting shortest paths, then dependencies accumulated backwards. Exact: O(n · m) time; sampled with
 * k sources: O(k · m). O(n) memory. Parallel edges count as distinct shortest paths.
 */
export const betweenness = (g: CsrGraph, options: BetweennessOptions = {}): Float64Array => {
  const n = g.nodeCount;
  const bc = new Float64Array(n);
  if (n === 0) return bc;
  const direction = options.direction ?? 'both';
  const undirected = direction === 'both' || !g.hasDirected;
  const samples = Math.min(n, options.samples ?? (n <= 2000 ? n : 256));
  let sources: Int32Array;
  if (samples >= n) {
    sources = new Int32Array(n);
    for (let i = 0; i < n; i++) sources[i] = i;
  } else {
    // A partial Fisher–Yates draws `samples` distinct sources.
    const prng = createPrng(options.seed ?? 1);
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    for (let i = 0; i < samples; i++) {
      const j = i + prng.int(n - i);
      const t = all[i] ?? 0;
      all[i] = all[j] ?? 0;
      all[j] = t;
    }
    sources = all.slice(0, samples);
  }
  const passes = adjacencyPasses(g, direction);
  // Predecessors reach a node along the walk direction, so look against it.
  const back = adjacencyPasses(g, direction === 'out' ? 'in' : 'both');
  const directed = g.edgeDirected;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    for (let head = 0; head < tail; head++) {
      const u = order[head] ?? 0;
      const du = (dist[u] ?? 0) + 1;
      const su = sigma[u] ?? 0;
      for (const { offsets, neighbours, edges, skipUndirected } of passes) {
        for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
          if (skipUndirected && directed[edges[j] ?? 0] === 0) continue;
          const v = neighbours[j] ?? 0;
          const dv = dist[v] ?? -1;
          if (dv < 0) {
            dist[v] = du;
            order[tail++] = v;
            sigma[v] = su;
          } else if (dv === du) {
            sigma[v] = (sigma[v] ?? 0) + su;
          }
        }
      }
    }
    // Dependencies, farthest first: a predecessor u of v is a neighbour one step closer.
    for (let i = tail - 1; i > 0; i--) {
      const v = order[i] ?? 0;
      const dv = dist[v] ?? 0;
      const coeff = (1 + (delta[v] ?? 0)) / (sigma[v] ?? 1);
      for (const { offsets, neighbours, edges, skipUndirected } of back) {
        for (let j = offsets[v] ?? 0, end = offsets[v + 1] ?? 0; j < end; j++) {
          if (skipUndirected && directed[edges[j] ?? 0] === 0) continue;
          const u = neighbours[j] ?? 0;
          if (dist[u] === dv - 1) delta[u] = (delta[u] ?? 0) + (sigma[u] ?? 0) * coeff;
        }
      }
      bc[v] = (bc[v] ?? 0) + (delta[v] ?? 0);
    }
    // Reset only what this search touched.
    for (let i = 0; i < tail; i++) {
      const v = order[i] ?? 0;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  // Undirected, each pair was counted from both ends: halve the raw sums, or divide by the ordered pairs.
  let scale = undirected ? 0.5 : 1;
  if (options.normalised !== false) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  if (samples < n) scale *= n / samples;
  for (let v = 0; v < n; v++) bc[v] = (bc[v] ?? 0) * scale;
  return bc;
};
