import { type CsrGraph, degreeOf } from './csr.js';
import { adjacencyPasses } from './filter.js';

/** Options of `pageRank`. */
export interface PageRankOptions {
  /** Iterations to run (default 20): a fixed count, so runs compare like with like. */
  iterations?: number;
  /** Probability of following an edge rather than jumping anywhere (default 0.85). */
  damping?: number;
  /** Stop early once the L1 change of an iteration falls below this (default 0: never early). */
  tolerance?: number;
  /** 'out' (default): rank flows along directed edges, both ways along undirected ones; 'both': all undirected. */
  direction?: 'out' | 'both';
}

/** PageRank scores (summing to 1) and how the iteration ended. */
export interface PageRankResult {
  rank: Float64Array;
  iterations: number;
  /** L1 change of the last iteration. */
  delta: number;
}

/**
 * PageRank by power iteration, pulling along in-adjacency; the rank of nodes without out-edges
 * (dangling) is spread evenly over all nodes, so scores always sum to 1. O(iterations · (n + m)) time,
 * three arrays of n doubles. Run it on an `inducedSubgraph` to leave hidden nodes out.
 */
export const pageRank = (g: CsrGraph, options: PageRankOptions = {}): PageRankResult => {
  const n = g.nodeCount;
  const iterations = options.iterations ?? 20;
  const d = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 0;
  const direction = options.direction ?? 'out';
  if (n === 0) return { rank: new Float64Array(0), iterations: 0, delta: 0 };
  const invDegree = new Float64Array(n);
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) {
    const k =
      direction === 'out' ? (g.outOffsets[u + 1] ?? 0) - (g.outOffsets[u] ?? 0) : degreeOf(g, u, 'both');
    if (k === 0) dangling.push(u);
    else invDegree[u] = 1 / k;
  }
  // Who pulls from whom: the nodes that send rank to v.
  const passes = adjacencyPasses(g, direction === 'out' ? 'in' : 'both');
  const directed = g.edgeDirected;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const contrib = new Float64Array(n);
  let done = 0;
  let delta = 0;
  while (done < iterations) {
    let danglingMass = 0;
    for (const u of dangling) danglingMass += rank[u] ?? 0;
    for (let u = 0; u < n; u++) contrib[u] = (rank[u] ?? 0) * (invDegree[u] ?? 0);
    const base = (1 - d) / n + (d * danglingMass) / n;
    next.fill(0);
    for (const { offsets, neighbours, edges, skipUndirected } of passes) {
      let j = offsets[0] ?? 0;
      for (let v = 0; v < n; v++) {
        const end = offsets[v + 1] ?? 0;
        let sum = 0;
        if (skipUndirected) {
          for (; j < end; j++) if (directed[edges[j] ?? 0] !== 0) sum += contrib[neighbours[j] ?? 0] ?? 0;
        } else {
          for (; j < end; j++) sum += contrib[neighbours[j] ?? 0] ?? 0;
        }
        next[v] = (next[v] ?? 0) + sum;
      }
    }
    delta = 0;
    for (let v = 0; v < n; v++) {
      const r = base + d * (next[v] ?? 0);
      delta += Math.abs(r - (rank[v] ?? 0));
      next[v] = r;
    }
    [rank, next] = [next, rank];
    done++;
    if (delta < tolerance) break;
  }
  return { rank, iterations: done, delta };
};
