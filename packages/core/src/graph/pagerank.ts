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
  /**
   * 'double' (default): every sum in doubles. 'single': the per-node contributions that the pull
   * loop gathers are stored as floats — half the randomly read memory, about 1.5× faster on graphs
   * larger than the cache, scores within ~1e-7 relative of 'double' (ranks are still summed in doubles).
   */
  precision?: 'double' | 'single';
}

/** PageRank scores (summing to 1) and how the iteration ended. */
export interface PageRankResult {
  rank: Float64Array;
  iterations: number;
  /** L1 change of the last iteration. */
  delta: number;
}

/** 1 / (number of nodes rank flows to) per node, 0 for dangling nodes (no way out). */
const inverseOutDegree = (g: CsrGraph, direction: 'out' | 'both'): Float64Array => {
  const n = g.nodeCount;
  const inv = new Float64Array(n);
  const offsets = g.outOffsets;
  for (let u = 0; u < n; u++) {
    const k = direction === 'out' ? (offsets[u + 1] ?? 0) - (offsets[u] ?? 0) : degreeOf(g, u, 'both');
    inv[u] = k === 0 ? 0 : 1 / k;
  }
  return inv;
};

/**
 * PageRank by power iteration, pulling along in-adjacency: each node sums the contributions
 * (rank × inverse out-degree) of the nodes that point to it, one sequential pass over the CSR per
 * iteration, no allocation inside the loop. The rank of dangling nodes (no out-edges) is spread
 * evenly over all nodes, so scores always sum to 1. O(iterations · (n + m)) time, four arrays of n.
 * Number nodes for locality (`relabelNodes(g, localityOrder(g))`) on large graphs: the gathers
 * then mostly hit the cache. Run it on an `inducedSubgraph` to leave hidden nodes out.
 */
export const pageRank = (g: CsrGraph, options: PageRankOptions = {}): PageRankResult => {
  const n = g.nodeCount;
  const iterations = options.iterations ?? 20;
  const d = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 0;
  const direction = options.direction ?? 'out';
  if (n === 0) return { rank: new Float64Array(0), iterations: 0, delta: 0 };
  const inv = inverseOutDegree(g, direction);
  // Who pulls from whom: the nodes that send rank to v.
  const passes = adjacencyPasses(g, direction === 'out' ? 'in' : 'both');
  const directed = g.edgeDirected;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const contrib = options.precision === 'single' ? new Float32Array(n) : new Float64Array(n);
  const acc = passes.length > 1 ? new Float64Array(n) : null;
  let done = 0;
  let delta = 0;
  while (done < iterations) {
    let danglingMass = 0;
    for (let u = 0; u < n; u++) {
      const r = rank[u] ?? 0;
      const k = inv[u] ?? 0;
      if (k === 0) danglingMass += r;
      contrib[u] = r * k;
    }
    const base = (1 - d) / n + (d * danglingMass) / n;
    delta = 0;
    if (acc === null) {
      // One pass (out on any graph, or both on an undirected one): the hot loop, nothing to skip.
      const offsets = passes[0]?.offsets ?? g.inOffsets;
      const neighbours = passes[0]?.neighbours ?? g.inNeighbours;
      let j = offsets[0] ?? 0;
      for (let v = 0; v < n; v++) {
        const end = offsets[v + 1] ?? 0;
        let sum = 0;
        for (; j < end; j++) sum += contrib[neighbours[j] ?? 0] ?? 0;
        const r = base + d * sum;
        delta += Math.abs(r - (rank[v] ?? 0));
        next[v] = r;
      }
    } else {
      // 'both' with directed edges: out-lists, then in-lists without the undirected edges seen already.
      acc.fill(0);
      for (const { offsets, neighbours, edges, skipUndirected } of passes) {
        let j = offsets[0] ?? 0;
        for (let v = 0; v < n; v++) {
          const end = offsets[v + 1] ?? 0;
          let sum = 0;
          for (; j < end; j++) {
            if (skipUndirected && directed[edges[j] ?? 0] === 0) continue;
            sum += contrib[neighbours[j] ?? 0] ?? 0;
          }
          acc[v] = (acc[v] ?? 0) + sum;
        }
      }
      for (let v = 0; v < n; v++) {
        const r = base + d * (acc[v] ?? 0);
        delta += Math.abs(r - (rank[v] ?? 0));
        next[v] = r;
      }
    }
    [rank, next] = [next, rank];
    done++;
    if (delta < tolerance) break;
  }
  return { rank, iterations: done, delta };
};
