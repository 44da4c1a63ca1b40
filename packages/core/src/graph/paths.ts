import { type CsrGraph, type NodeType, otherEnd } from './csr.js';
import {
  type AdjacencyPass,
  adjacencyPasses,
  type CompiledFilter,
  compileFilter,
  edgePasses,
  nodeVisible,
  reverseDirection,
  type TraversalFilter,
} from './filter.js';
import { type GraphScratch, scratchFor } from './scratch.js';

/** Options of `shortestPaths`. */
export interface PathOptions extends TraversalFilter {
  /** Longest path worth finding, in edges (default: no limit). */
  maxLength?: number;
  /** How many shortest paths to return, all of the minimum length (default 1). */
  maxPaths?: number;
  /**
   * Node kinds the path must follow, repeating: [person, phone] allows person–phone–person–…; the
   * sources must be of the first kind. Searched one-directionally, and returns one path.
   */
  nodeTypePattern?: readonly NodeType[];
  /** Reusable working memory (strongly advised for repeated queries on large graphs). */
  scratch?: GraphScratch;
}

/** One path: `nodes[i]` and `nodes[i+1]` joined by `edges[i]`. */
export interface GraphPath {
  nodes: number[];
  edges: number[];
}

/** The shortest paths found, all of `length` edges; `length` is -1 and `paths` empty when none. */
export interface PathResult {
  length: number;
  paths: GraphPath[];
}

const NONE: PathResult = { length: -1, paths: [] };

const seedList = (g: CsrGraph, f: CompiledFilter, nodes: number | readonly number[]): number[] => {
  const out: number[] = [];
  for (const s of typeof nodes === 'number' ? [nodes] : nodes) {
    if (Number.isInteger(s) && s >= 0 && s < g.nodeCount && nodeVisible(f, s) && !out.includes(s))
      out.push(s);
  }
  return out;
};

/** One side of the bidirectional search. */
interface Side {
  mark: Int32Array;
  depth: Int32Array;
  via: Int32Array;
  /** Adjacency to expand this side (forward along the direction for A, against it for B). */
  expand: AdjacencyPass[];
  /** Adjacency to walk this side back towards its seeds. */
  back: AdjacencyPass[];
  frontier: number[];
  reached: number;
  /** Adjacency entries of the frontier: what expanding it will scan. */
  volume: number;
}

/**
 * Shortest paths from `from` to `to` (each a node or a set of nodes): bidirectional breadth-first
 * search expanding the smaller frontier, under the traversal filter (hidden nodes are never on a
 * path) and `maxLength`. Time O(nodes and edges touched) with a scratch — on a sparse graph about
 * the square root of what one-sided search touches; several paths cost their enumeration on top.
 * With `nodeTypePattern`, a one-sided search over (node, position in the pattern) states.
 */
export const shortestPaths = (
  g: CsrGraph,
  from: number | readonly number[],
  to: number | readonly number[],
  options: PathOptions = {},
): PathResult => {
  const f = compileFilter(g, options);
  const sources = seedList(g, f, from);
  const targets = seedList(g, f, to);
  if (sources.length === 0 || targets.length === 0) return NONE;
  if (options.nodeTypePattern !== undefined && options.nodeTypePattern.length > 0) {
    const { nodeTypePattern, maxLength = Infinity, direction = 'both' } = options;
    return patternPath(g, f, sources, targets, nodeTypePattern, maxLength, adjacencyPasses(g, direction));
  }
  const maxLength = options.maxLength ?? Infinity;
  const maxPaths = Math.max(1, options.maxPaths ?? 1);
  const direction = options.direction ?? 'both';
  const sc = scratchFor(g, options.scratch);
  const epoch = sc.nextEpoch();
  const forward = adjacencyPasses(g, direction);
  const backward = adjacencyPasses(g, reverseDirection(direction));
  const a: Side = {
    mark: sc.markA,
    depth: sc.depthA,
    via: sc.viaA,
    expand: forward,
    back: backward,
    frontier: [],
    reached: 0,
    volume: 0,
  };
  const b: Side = {
    mark: sc.markB,
    depth: sc.depthB,
    via: sc.viaB,
    expand: backward,
    back: forward,
    frontier: [],
    reached: 0,
    volume: 0,
  };
  for (const s of sources) {
    a.mark[s] = epoch;
    a.depth[s] = 0;
    a.via[s] = -1;
    a.frontier.push(s);
  }
  const meetsAtZero: number[] = [];
  for (const t of targets) {
    b.mark[t] = epoch;
    b.depth[t] = 0;
    b.via[t] = -1;
    b.frontier.push(t);
    if (a.mark[t] === epoch) meetsAtZero.push(t);
  }
  if (meetsAtZero.length > 0) {
    return { length: 0, paths: meetsAtZero.slice(0, maxPaths).map((t) => ({ nodes: [t], edges: [] })) };
  }
  const directed = g.edgeDirected;
  const typeOk = f.nodeTypeOk;
  const volume = (side: Side, v: number): number => {
    const first = side.expand[0];
    return first === undefined ? 0 : (first.offsets[v + 1] ?? 0) - (first.offsets[v] ?? 0);
  };
  for (const side of [a, b]) for (const v of side.frontier) side.volume += volume(side, v);
  while (a.frontier.length > 0 && b.frontier.length > 0 && a.reached + b.reached < maxLength) {
    // Expand the side whose next level costs less: fewer adjacency entries to scan.
    const [self, other] = a.volume <= b.volume ? [a, b] : [b, a];
    const d = self.reached + 1;
    const next: number[] = [];
    const meets: number[] = [];
    let nextVolume = 0;
    expand: for (const u of self.frontier) {
      for (const { offsets, neighbours, edges, skipUndirected } of self.expand) {
        for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
          const v = neighbours[j] ?? 0;
          if (self.mark[v] === epoch) continue;
          const e = edges[j] ?? 0;
          if (skipUndirected && directed[e] === 0) continue;
          if (!f.plain) {
            if (!edgePasses(f, g, e) || !nodeVisible(f, v)) continue;
            // Node kinds restrict the way, not the endpoints the caller asked about.
            const otherSeed = other.mark[v] === epoch && other.depth[v] === 0;
            if (typeOk !== null && typeOk[g.nodeType[v] ?? 0] === 0 && !otherSeed) continue;
          }
          self.mark[v] = epoch;
          self.depth[v] = d;
          self.via[v] = e;
          next.push(v);
          nextVolume += volume(self, v);
          if (other.mark[v] === epoch) {
            meets.push(v);
            // Any meeting node lies on the other side's newest layer (an older one would have
            // reached u first), so the first meet fixes the length; one path needs nothing more.
            if (maxPaths === 1) break expand;
          }
        }
      }
    }
    self.frontier = next;
    self.reached = d;
    self.volume = nextVolume;
    if (meets.length > 0) {
      // Every shortest path crosses this side's newest layer at a node the other side has reached.
      let best = Infinity;
      for (const v of meets) best = Math.min(best, other.depth[v] ?? 0);
      const length = d + best;
      if (length > maxLength) return NONE;
      const cut = meets.filter((v) => other.depth[v] === best);
      return { length, paths: assemble(g, f, epoch, a, b, cut, maxPaths) };
    }
  }
  return NONE;
};

/** Paths from `x` back to a seed of `side` (x first), at most `limit`, along the side's depth layers. */
const halves = (
  g: CsrGraph,
  f: CompiledFilter,
  epoch: number,
  side: Side,
  x: number,
  limit: number,
): GraphPath[] => {
  const dx = side.depth[x] ?? 0;
  if (dx === 0) return [{ nodes: [x], edges: [] }];
  if (limit === 1) {
    // One path: follow the edges that first reached each node.
    const nodes = [x];
    const edges: number[] = [];
    let at = x;
    while ((side.depth[at] ?? 0) > 0) {
      const e = side.via[at] ?? 0;
      edges.push(e);
      at = otherEnd(g, e, at);
      nodes.push(at);
    }
    return [{ nodes, edges }];
  }
  const found: GraphPath[] = [];
  for (const { offsets, neighbours, edges, skipUndirected } of side.back) {
    for (let j = offsets[x] ?? 0, end = offsets[x + 1] ?? 0; j < end; j++) {
      const w = neighbours[j] ?? 0;
      const e = edges[j] ?? 0;
      if (side.mark[w] !== epoch || side.depth[w] !== dx - 1) continue;
      if (skipUndirected && g.edgeDirected[e] === 0) continue;
      if (!f.plain && !edgePasses(f, g, e)) continue;
      for (const h of halves(g, f, epoch, side, w, limit - found.length)) {
        found.push({ nodes: [x, ...h.nodes], edges: [e, ...h.edges] });
        if (found.length >= limit) return found;
      }
    }
  }
  return found;
};

/** Join prefixes (from A's seeds) and suffixes (to B's seeds) through each cut node. */
const assemble = (
  g: CsrGraph,
  f: CompiledFilter,
  epoch: number,
  a: Side,
  b: Side,
  cut: number[],
  maxPaths: number,
): GraphPath[] => {
  const paths: GraphPath[] = [];
  for (const c of cut) {
    const prefixes = halves(g, f, epoch, a, c, maxPaths - paths.length);
    const suffixes = halves(g, f, epoch, b, c, maxPaths - paths.length);
    for (const p of prefixes) {
      const nodes = [...p.nodes].reverse();
      const edges = [...p.edges].reverse();
      for (const s of suffixes) {
        paths.push({ nodes: [...nodes, ...s.nodes.slice(1)], edges: [...edges, ...s.edges] });
        if (paths.length >= maxPaths) return paths;
      }
    }
  }
  return paths;
};

/** One shortest path whose node kinds follow `pattern` cyclically; O(states and edges touched). */
const patternPath = (
  g: CsrGraph,
  f: CompiledFilter,
  sources: number[],
  targets: number[],
  pattern: readonly NodeType[],
  maxLength: number,
  passes: AdjacencyPass[],
): PathResult => {
  const k = pattern.length;
  const isTarget = new Set(targets);
  // State key: node * k + position in the pattern; value: [previous key, edge].
  const seen = new Map<number, [number, number]>();
  let frontier: number[] = [];
  for (const s of sources) {
    if (g.nodeType[s] !== pattern[0]) continue;
    if (isTarget.has(s)) return { length: 0, paths: [{ nodes: [s], edges: [] }] };
    seen.set(s * k, [-1, -1]);
    frontier.push(s * k);
  }
  const typeOk = f.nodeTypeOk;
  for (let d = 1; d <= maxLength && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const key of frontier) {
      const u = Math.floor(key / k);
      const q = ((key % k) + 1) % k;
      const want = pattern[q];
      for (const { offsets, neighbours, edges, skipUndirected } of passes) {
        for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
          const v = neighbours[j] ?? 0;
          const e = edges[j] ?? 0;
          const vk = v * k + q;
          if (seen.has(vk) || g.nodeType[v] !== want) continue;
          if (skipUndirected && g.edgeDirected[e] === 0) continue;
          if (!edgePasses(f, g, e) || !nodeVisible(f, v)) continue;
          if (typeOk !== null && typeOk[g.nodeType[v] ?? 0] === 0 && !isTarget.has(v)) continue;
          seen.set(vk, [key, e]);
          if (isTarget.has(v)) return { length: d, paths: [unwind(seen, vk, k)] };
          next.push(vk);
        }
      }
    }
    frontier = next;
  }
  return NONE;
};

const unwind = (seen: Map<number, [number, number]>, last: number, k: number): GraphPath => {
  const nodes: number[] = [];
  const edges: number[] = [];
  let key = last;
  while (key >= 0) {
    nodes.push(Math.floor(key / k));
    const [prev, e] = seen.get(key) ?? [-1, -1];
    if (e >= 0) edges.push(e);
    key = prev;
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
};
