import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr } from './builder.js';
import { connectedComponents } from './components.js';
import { type CsrGraph, type EdgeDirection, otherEnd } from './csr.js';
import { louvain, modularity } from './louvain.js';
import { pageRank } from './pagerank.js';
import { shortestPaths } from './paths.js';
import { GraphScratch } from './scratch.js';
import { inducedSubgraph } from './subgraph.js';
import { bfsDistances, neighbourhood } from './traverse.js';

/** Random small multigraphs: self-loops, parallel edges, a mix of directed and undirected edges. */
const smallGraph = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { maxLength: 3 * n }).map((edges) =>
    buildCsr({
      nodeCount: n,
      source: Int32Array.from(edges, (e) => e[0]),
      target: Int32Array.from(edges, (e) => e[1]),
      directed: Uint8Array.from(edges, (e) => (e[2] ? 1 : 0)),
    }),
  ),
);
const direction = fc.constantFrom<EdgeDirection>('out', 'in', 'both');

/** Bellman–Ford style relaxation over the edge list: the obviously correct distances. */
const naiveDistances = (g: CsrGraph, source: number, dir: EdgeDirection): number[] => {
  const dist: number[] = Array.from({ length: g.nodeCount }, () => Infinity);
  dist[source] = 0;
  for (let round = 0; round < g.nodeCount; round++) {
    for (let e = 0; e < g.edgeCount; e++) {
      const s = g.edgeSource[e] ?? 0;
      const t = g.edgeTarget[e] ?? 0;
      const undirected = g.edgeDirected[e] === 0 || dir === 'both';
      if (dir === 'out' || undirected) dist[t] = Math.min(dist[t] ?? Infinity, (dist[s] ?? Infinity) + 1);
      if (dir === 'in' || undirected) dist[s] = Math.min(dist[s] ?? Infinity, (dist[t] ?? Infinity) + 1);
    }
  }
  return dist.map((d) => (d === Infinity ? -1 : d));
};

/** PageRank pushed along the edge list, 20 iterations: the textbook definition, no CSR involved. */
const naivePageRank = (g: CsrGraph, dir: 'out' | 'both', d = 0.85): number[] => {
  const n = g.nodeCount;
  const outs: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    const s = g.edgeSource[e] ?? 0;
    const t = g.edgeTarget[e] ?? 0;
    outs[s]?.push(t);
    if (g.edgeDirected[e] === 0 || dir === 'both') outs[t]?.push(s);
  }
  let rank: number[] = Array.from({ length: n }, () => 1 / n);
  for (let it = 0; it < 20; it++) {
    const next: number[] = Array.from({ length: n }, () => (1 - d) / n);
    rank.forEach((r, u) => {
      const to = outs[u] ?? [];
      if (to.length === 0) for (let v = 0; v < n; v++) next[v] = (next[v] ?? 0) + (d * r) / n;
      for (const v of to) next[v] = (next[v] ?? 0) + (d * r) / to.length;
    });
    rank = next;
  }
  return rank;
};

describe('properties on random graphs', () => {
  it('PageRank equals the edge-list definition, in both directions', () => {
    fc.assert(
      fc.property(smallGraph, fc.constantFrom<'out' | 'both'>('out', 'both'), (g, dir) => {
        const rank = pageRank(g, { direction: dir }).rank;
        naivePageRank(g, dir).forEach((r, v) => {
          expect(rank[v]).toBeCloseTo(r, 12);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('filtered BFS (policy, edge kinds, time window) equals BFS on the induced subgraph', () => {
    const filtered = smallGraph.chain((g) =>
      fc.record({
        g: fc.constant(g),
        seed: fc.nat(g.nodeCount - 1),
        hidden: fc.uniqueArray(fc.nat(g.nodeCount - 1), { maxLength: g.nodeCount }),
        times: fc.array(fc.integer({ min: -1, max: 9 }), { minLength: g.edgeCount, maxLength: g.edgeCount }),
        kinds: fc.array(fc.nat(3), { minLength: g.edgeCount, maxLength: g.edgeCount }),
        dir: direction,
      }),
    );
    fc.assert(
      fc.property(filtered, ({ g: plain, seed, hidden, times, kinds, dir }) => {
        const g = buildCsr({
          nodeCount: plain.nodeCount,
          source: plain.edgeSource,
          target: plain.edgeTarget,
          directed: plain.edgeDirected,
          type: Uint8Array.from(kinds),
          time: Float64Array.from(times, (t) => (t < 0 ? NaN : t)),
        });
        const allowedNodes = new Uint8Array(g.nodeCount).fill(1);
        for (const v of hidden) if (v !== seed) allowedNodes[v] = 0;
        const filter = { allowedNodes, edgeTypes: [0, 1, 2], timeWindow: { from: 2, to: 7 } } as const;
        const sub = inducedSubgraph(g, filter);
        const inSub = bfsDistances(sub.graph, sub.nodeIndex[seed] ?? 0, { direction: dir });
        const d = bfsDistances(g, seed, { ...filter, direction: dir });
        for (let v = 0; v < g.nodeCount; v++) {
          const i = sub.nodeIndex[v] ?? -1;
          expect(d[v]).toBe(i < 0 ? -1 : inSub[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('BFS distances equal a naive relaxation', () => {
    fc.assert(
      fc.property(smallGraph, direction, fc.nat(), (g, dir, s) => {
        const source = s % g.nodeCount;
        expect(Array.from(bfsDistances(g, source, { direction: dir }))).toEqual(
          naiveDistances(g, source, dir),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('components partition the nodes and never split an edge', () => {
    fc.assert(
      fc.property(smallGraph, (g) => {
        const c = connectedComponents(g);
        expect(c.size.reduce((a, b) => a + b, 0)).toBe(g.nodeCount);
        for (let e = 0; e < g.edgeCount; e++) {
          expect(c.component[g.edgeSource[e] ?? 0]).toBe(c.component[g.edgeTarget[e] ?? 0]);
        }
        // Same node, same component, exactly when BFS ignoring directions reaches it.
        const d = bfsDistances(g, 0, { direction: 'both' });
        for (let v = 0; v < g.nodeCount; v++) expect(c.component[v] === c.component[0]).toBe(d[v] !== -1);
      }),
      { numRuns: 200 },
    );
  });

  it('bidirectional shortest paths have the BFS length and are real paths', () => {
    fc.assert(
      fc.property(smallGraph, direction, fc.nat(), fc.nat(), (g, dir, a, b) => {
        const s = a % g.nodeCount;
        const t = b % g.nodeCount;
        const scratch = new GraphScratch(g.nodeCount);
        const r = shortestPaths(g, s, t, { direction: dir, maxPaths: 5, scratch });
        expect(r.length).toBe(bfsDistances(g, s, { direction: dir })[t]);
        const one = shortestPaths(g, s, t, { direction: dir, scratch });
        expect([one.length, one.paths.length]).toEqual([r.length, r.length < 0 ? 0 : 1]);
        const forward = bfsDistances(g, s, { direction: dir });
        for (const p of [...r.paths, ...one.paths]) {
          expect(p.edges).toHaveLength(r.length);
          expect([p.nodes[0], p.nodes[p.nodes.length - 1]]).toEqual([s, t]);
          p.edges.forEach((e, i) => {
            const from = p.nodes[i] ?? -1;
            expect(otherEnd(g, e, from)).toBe(p.nodes[i + 1]);
            expect(forward[p.nodes[i + 1] ?? 0]).toBe(i + 1);
            if (dir !== 'both' && g.edgeDirected[e] === 1) {
              expect(dir === 'out' ? g.edgeSource[e] : g.edgeTarget[e]).toBe(from);
            }
          });
        }
        const distinct = new Set(r.paths.map((p) => p.edges.join(',')));
        expect(distinct.size).toBe(r.paths.length);
      }),
      { numRuns: 300 },
    );
  });

  it('neighbourhood hops equal BFS distances when uncapped', () => {
    fc.assert(
      fc.property(smallGraph, direction, fc.nat(), fc.integer({ min: 0, max: 4 }), (g, dir, a, hops) => {
        const s = a % g.nodeCount;
        const n = neighbourhood(g, s, { direction: dir, hops });
        const d = bfsDistances(g, s, { direction: dir, maxDepth: hops });
        const expected = Array.from(d.keys()).filter((v) => (d[v] ?? -1) >= 0);
        expect(Array.from(n.nodes).sort((x, y) => x - y)).toEqual(expected);
        n.nodes.forEach((v, i) => {
          expect(n.hop[i]).toBe(d[v]);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('Louvain returns a dense partition whose modularity it reports truly', () => {
    fc.assert(
      fc.property(smallGraph, fc.nat(), (g, seed) => {
        const r = louvain(g, { seed });
        expect(new Set(r.community).size).toBe(r.count);
        expect(Math.max(-1, ...r.community)).toBe(r.count - 1);
        expect(r.modularity).toBeCloseTo(modularity(g, r.community), 10);
        expect(r.modularity).toBeGreaterThanOrEqual(g.edgeCount === 0 ? 0 : -0.5);
      }),
      { numRuns: 200 },
    );
  });
});
