import { createPrng, randomPermutation } from '@clew/core';

/** Parameters of a planted-partition graph. */
export interface PlantedGraphOptions {
  /** Nodes (default 1,000,000). */
  nodes?: number;
  /** Distinct undirected edges, no self-loops (default 5,000,000: mean degree 10). */
  edges?: number;
  /** Community sizes are drawn uniformly from [minCommunity, maxCommunity] (default 50–500). */
  minCommunity?: number;
  maxCommunity?: number;
  /** Probability that an edge's far end is any node rather than one of its community (default 0.15). */
  mixing?: number;
  seed?: number;
  /**
   * Give nodes random ids (default false: each community is a block of consecutive ids, as in
   * networkx's planted_partition_graph and the LFR benchmark). Random ids model a loader that numbers
   * entities with no regard to structure: every engine then pays a cache miss on most edge hops.
   */
  shuffleIds?: boolean;
}

/** A generated graph as edge arrays, with the planted communities (the truth to compare with). */
export interface PlantedGraph {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  /** Planted community per node. */
  community: Int32Array;
  communityCount: number;
  /** Share of edges whose ends lie in different planted communities. */
  interShare: number;
}

/**
 * A planted-partition graph, deterministic for a seed:
 * 1. Node ids (shuffled if `shuffleIds`) are cut into communities of uniform random size in
 *    [min, max] (a short last piece joins the previous community).
 * 2. Each edge picks a uniformly random endpoint u; with probability `mixing` the other end is a
 *    uniformly random node, otherwise a random member of u's community — mean degree 2m/n everywhere,
 *    about (1 − mixing) of edges inside communities (a little more, as random ends sometimes land home).
 * 3. Self-loops are redrawn; duplicates are removed (sort on a packed key) and redrawn until exactly
 *    `edges` distinct pairs remain; edge order is shuffled and each pair oriented at random.
 * Time O(m log m), memory about 24 bytes per edge.
 */
export const plantedGraph = (options: PlantedGraphOptions = {}): PlantedGraph => {
  const n = options.nodes ?? 1_000_000;
  const m = options.edges ?? 5_000_000;
  const min = options.minCommunity ?? 50;
  const max = options.maxCommunity ?? 500;
  const mixing = options.mixing ?? 0.15;
  const prng = createPrng(options.seed ?? 42);
  const order = options.shuffleIds
    ? randomPermutation(n, (options.seed ?? 42) + 1)
    : Int32Array.from({ length: n }, (_, i) => i);

  const starts: number[] = [0];
  while ((starts[starts.length - 1] ?? 0) < n)
    starts.push((starts[starts.length - 1] ?? 0) + min + prng.int(max - min + 1));
  starts[starts.length - 1] = n;
  if (starts.length > 2 && n - (starts[starts.length - 2] ?? 0) < min) starts.splice(starts.length - 2, 1);
  const communityCount = starts.length - 1;
  const community = new Int32Array(n);
  const start = new Int32Array(n);
  const size = new Int32Array(n);
  for (let c = 0; c < communityCount; c++) {
    const from = starts[c] ?? 0;
    const to = starts[c + 1] ?? 0;
    for (let i = from; i < to; i++) {
      const v = order[i] ?? 0;
      community[v] = c;
      start[v] = from;
      size[v] = to - from;
    }
  }

  const draw = (): number => {
    for (;;) {
      const u = prng.int(n);
      const v = prng.next() < mixing ? prng.int(n) : (order[(start[u] ?? 0) + prng.int(size[u] ?? 1)] ?? 0);
      if (u !== v) return u < v ? u * n + v : v * n + u;
    }
  };
  // Packed keys u·n + v (u < v) are exact in doubles for n up to 9·10^7.
  const keys = new Float64Array(m);
  let have = 0;
  while (have < m) {
    for (let i = have; i < m; i++) keys[i] = draw();
    keys.sort();
    let k = 0;
    for (let i = 0; i < m; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[k++] = keys[i] ?? 0;
    have = k; // the next round redraws keys[have..m)
  }
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const edgeOrder = randomPermutation(m, (options.seed ?? 42) + 2);
  let inter = 0;
  for (let i = 0; i < m; i++) {
    const key = keys[edgeOrder[i] ?? 0] ?? 0;
    const u = Math.floor(key / n);
    const v = key - u * n;
    const flip = prng.next() < 0.5;
    source[i] = flip ? v : u;
    target[i] = flip ? u : v;
    if (community[u] !== community[v]) inter++;
  }
  return { nodeCount: n, source, target, community, communityCount, interShare: inter / m };
};
