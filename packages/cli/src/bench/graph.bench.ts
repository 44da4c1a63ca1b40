/**
 * Benchmark: Clew's graph engine beside igraph (Debian's python3-igraph) and graphology (npm), same
 * planted-partition graph, same queries, one run. On the full graph (default 1M nodes / 5M edges):
 * Clew and igraph, igraph within a time budget (steps that would pass it are skipped and say so). On
 * a smaller graph from the same generator (default 100k / 500k): all three, since graphology's load
 * alone takes minutes at full size. igraph runs when `python3 -c "import igraph"` works (python3 or
 * /usr/bin/python3). Clew loads from edge arrays in memory, igraph from a text edge list.
 *
 * Usage: node --expose-gc packages/cli/dist/bench/graph.bench.js [--nodes 1000000] [--edges 5000000]
 *   [--small-nodes 100000] [--queries 1000] [--seed 42] [--mixing 0.15] [--shuffle-ids]
 *   [--igraph auto|off] [--igraph-paths 20] [--igraph-budget 60] [--graphology on|off]
 *   [--locality none|bfs|degree] [--planted on|off] [--world DIR [--store DIR] [--database-url URL]]
 *   [--repeat 1]
 * `--repeat k` reports the fastest of k runs of components, BFS and PageRank (shared machines).
 * `--locality` renumbers the planted graph's nodes for locality after the build (counted in its load).
 * `--world` adds the demo world (e.g. bench/out/world-large) built from a store (loaded on first use
 * into `--store`, default bench/out/store-large), with igraph on the same graph.
 * Prints a markdown table (times in ms unless stated) with the machine it ran on.
 */
import { buildCsr, createPrng, localityOrder, modularity, relabelNodes } from '@clew/core';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { connectedComponents as graphologyComponents } from 'graphology-components';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { bfsFromNode } from 'graphology-traversal';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import {
  count,
  gc,
  lap,
  log,
  measureClew,
  mb,
  ms,
  nmi,
  now,
  p50p95,
  queryNodes as drawNodes,
  type Results,
  ROWS,
  stopwatch,
  WARM_UP,
} from './graph-measure.js';
import { findPython, type IgraphOptions, runIgraph } from './graph-igraph.js';
import { runWorld } from './graph-world.js';
import { plantedGraph, type PlantedGraph } from './planted-graph.js';

const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '1000000' },
    edges: { type: 'string', default: '' },
    'small-nodes': { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    mixing: { type: 'string', default: '0.15' },
    igraph: { type: 'string', default: 'auto' },
    'igraph-paths': { type: 'string', default: '20' },
    'igraph-budget': { type: 'string', default: '60' },
    graphology: { type: 'string', default: 'on' },
    'shuffle-ids': { type: 'boolean', default: false },
    locality: { type: 'string', default: 'none' },
    planted: { type: 'string', default: 'on' },
    world: { type: 'string' },
    store: { type: 'string', default: 'bench/out/store-large' },
    'database-url': { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});
const nodes = Number(args.nodes);
const edges = args.edges === '' ? nodes * 5 : Number(args.edges);
const smallNodes = Math.min(nodes, Number(args['small-nodes']));
const queries = Number(args.queries);
const seed = Number(args.seed);
const mixing = Number(args.mixing);
const shuffleIds = args['shuffle-ids'];
const locality = args.locality;
if (locality !== 'none' && locality !== 'bfs' && locality !== 'degree')
  throw new Error(`--locality must be none, bfs or degree, not ${locality}`);

/**
 * These two packages are CommonJS with `export default` typings: Node hands the function itself to a
 * default import, TypeScript (NodeNext) expects a namespace holding it. Accept both.
 */
const cjsDefault = <T>(mod: { default: T }): T => (mod as { default?: T }).default ?? (mod as unknown as T);
const louvainGraphology = cjsDefault(louvainModule);
const pagerankGraphology = cjsDefault(pagerankModule);

/** Query endpoints shared by every engine on a graph. */
const queryNodes = (n: number, k: number, salt: number): Int32Array => drawNodes(n, k, seed + salt);

/**
 * Clew on a planted graph: build the CSR (and, with `--locality`, renumber nodes for locality — part
 * of the load, as the store loader does it), then every measurement of `measureClew`.
 */
const runClew = (planted: PlantedGraph): Results => {
  const n = planted.nodeCount;
  gc();
  const rss0 = process.memoryUsage().rss;
  const watch = stopwatch();
  let g = buildCsr({ nodeCount: n, source: planted.source, target: planted.target });
  let community = planted.community;
  let bfsSource = 0;
  if (locality !== 'none') {
    const relabelled = relabelNodes(g, localityOrder(g, locality));
    g = relabelled.graph;
    community = Int32Array.from(relabelled.order, (old) => planted.community[old] ?? -1);
    bfsSource = relabelled.rank[0] ?? 0;
  }
  const loadTime = watch();
  const r = measureClew(g, {
    queries,
    seed,
    bfsSource,
    planted: community,
    rssBefore: rss0,
    repeat: Number(args.repeat),
  });
  r.set(
    'load into the engine',
    lap(loadTime) + (locality === 'none' ? '' : `, with ${locality} relabelling`),
  );
  const plantedQ = modularity(g, community).toFixed(4);
  r.set('planted', plantedQ);
  log(`clew ${count(n)}: done; planted-partition modularity ${plantedQ}`);
  return r;
};

const runGraphology = (planted: PlantedGraph): Results => {
  const r: Results = new Map();
  const n = planted.nodeCount;
  gc();
  const rss0 = process.memoryUsage().rss;
  let watch = stopwatch();
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (let e = 0; e < planted.source.length; e++)
    g.addEdge(String(planted.source[e]), String(planted.target[e]));
  r.set('load into the engine', lap(watch()));
  const rssLoaded = process.memoryUsage().rss;
  log(`graphology ${count(n)}: loaded`);
  watch = stopwatch();
  const cc = graphologyComponents(g);
  r.set('connected components', `${lap(watch())}, ${cc.length} components`);
  watch = stopwatch();
  let reached = 0;
  bfsFromNode(g, '0', () => {
    reached++;
  });
  r.set('single-source BFS', `${lap(watch())}, ${count(reached)} reached`);
  watch = stopwatch();
  try {
    // graphology stops on a tolerance and throws when maxIterations pass without converging:
    // tolerance 0 makes it run exactly 20 iterations, then throw.
    pagerankGraphology(g, { maxIterations: 20, tolerance: 0, getEdgeWeight: null });
  } catch {
    // expected
  }
  r.set('PageRank, 20 iterations', lap(watch()));
  watch = stopwatch();
  const prng = createPrng(seed);
  const detailed = louvainGraphology.detailed(g, { rng: () => prng.next() });
  r.set('Louvain', lap(watch()));
  r.set('Louvain modularity (communities)', `${detailed.modularity.toFixed(4)} (${detailed.count})`);
  const found = Int32Array.from({ length: n }, (_, i) => detailed.communities[String(i)] ?? -1);
  r.set('Louvain NMI vs planted', nmi(found, planted.community).toFixed(3));
  log(`graphology ${count(n)}: louvain done`);
  const hood = (s: number): number => {
    const seen = new Set<string>([String(s)]);
    let frontier = [String(s)];
    for (let hop = 0; hop < 2 && seen.size < 10_000; hop++) {
      const next: string[] = [];
      for (const u of frontier) {
        for (const v of g.neighbors(u)) {
          if (seen.size >= 10_000) break;
          if (!seen.has(v)) {
            seen.add(v);
            next.push(v);
          }
        }
      }
      frontier = next;
    }
    return seen.size;
  };
  let t = now();
  const warm = queryNodes(n, 2 * WARM_UP, 3);
  for (let i = 0; i < WARM_UP; i++) {
    bidirectional(g, String(warm[2 * i]), String(warm[2 * i + 1]));
    hood(warm[i] ?? 0);
  }
  const ends = queryNodes(n, 2 * queries, 1);
  const pathTimes: number[] = [];
  for (let i = 0; i < queries; i++) {
    t = now();
    bidirectional(g, String(ends[2 * i]), String(ends[2 * i + 1]));
    pathTimes.push(now() - t);
  }
  r.set('shortest path p50 / p95', p50p95(pathTimes));
  const hoodTimes: number[] = [];
  for (const s of queryNodes(n, queries, 2)) {
    t = now();
    hood(s);
    hoodTimes.push(now() - t);
  }
  r.set('2-hop neighbourhood ≤10k p50 / p95', `${p50p95(hoodTimes)} (hand-written BFS on neighbors())`);
  r.set('memory: typed arrays / RSS Δ', `— / ${mb(rssLoaded - rss0)} after load`);
  return r;
};

// ---------------------------------------------------------------------------------------------------

const cpu = cpus();
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const machine =
  `${cpu.length} × ${cpu[0]?.model ?? '?'}, ${mb(totalmem())} RAM, Node ${process.version}` +
  (typeof (globalThis as { gc?: unknown }).gc === 'function'
    ? ''
    : ' (run with --expose-gc for steadier memory figures)');
log(`machine: ${machine}; load average ${load()}`);
const loadBefore = load();
const python = args.igraph === 'off' ? null : findPython();
if (python === null && args.igraph !== 'off')
  log('igraph: skipped (python3 -c "import igraph" fails; apt-get install python3-igraph)');
const columns: { title: string; results: Results }[] = [];
const notes: string[] = [];

const igraphOptions = (budgetSeconds: number): IgraphOptions => ({
  queries,
  seed,
  paths: Number(args['igraph-paths']),
  budgetSeconds,
});

if (args.world !== undefined) {
  // The demo world from the store first: its build is the longest step and wants the most memory.
  const world = await runWorld({
    world: args.world,
    store: args.store,
    databaseUrl: args['database-url'],
    queries,
    seed,
    repeat: Number(args.repeat),
  });
  columns.push({ title: `Clew, demo world (${args.world})`, results: world.results });
  notes.push(...world.notes);
  if (python !== null) {
    const { results, version } = runIgraph(
      python,
      {
        nodeCount: world.graph.nodeCount,
        source: world.graph.edgeSource,
        target: world.graph.edgeTarget,
      },
      igraphOptions(Number(args['igraph-budget'])),
    );
    columns.push({ title: `igraph ${version}, same demo world graph`, results });
  }
}

if (args.planted !== 'off') {
  let t0 = now();
  const big = plantedGraph({ nodes, edges, mixing, seed, shuffleIds });
  log(
    `planted graph ${count(nodes)}/${count(edges)}: ${big.communityCount} communities, ` +
      `${(big.interShare * 100).toFixed(1)}% edges between them, generated in ${ms(now() - t0)} ms`,
  );
  columns.push({ title: `Clew (${count(nodes)}/${count(edges)})`, results: runClew(big) });
  if (python !== null) {
    const { results, version } = runIgraph(python, big, igraphOptions(Number(args['igraph-budget'])));
    columns.push({ title: `igraph ${version} (${count(nodes)}/${count(edges)})`, results });
  }

  if (smallNodes < nodes) {
    // graphology at full size takes minutes to load; all three engines meet on a smaller graph too.
    const smallEdges = Math.round((edges * smallNodes) / nodes);
    t0 = now();
    const small = plantedGraph({ nodes: smallNodes, edges: smallEdges, mixing, seed, shuffleIds });
    log(`planted graph ${count(smallNodes)}/${count(smallEdges)} generated in ${ms(now() - t0)} ms`);
    const size = `${count(smallNodes)}/${count(smallEdges)}`;
    columns.push({ title: `Clew (${size})`, results: runClew(small) });
    if (python !== null) {
      const { results, version } = runIgraph(python, small, igraphOptions(600));
      columns.push({ title: `igraph ${version} (${size})`, results });
    }
    if (args.graphology !== 'off')
      columns.push({ title: `graphology 0.26 (${size})`, results: runGraphology(small) });
    notes.push(
      `graphology runs on the ${size} graph only, to keep the benchmark within minutes ` +
        '(its load alone took about 100 s at 1M/5M when measured before).',
    );
  } else if (args.graphology !== 'off') {
    columns.push({ title: `graphology 0.26 (${count(nodes)}/${count(edges)})`, results: runGraphology(big) });
  }
}
if (columns.some((c) => c.results.has('planted')))
  notes.push(
    `modularity of the planted partition itself: ${columns
      .filter((c) => c.results.has('planted'))
      .map((c) => `${c.results.get('planted') ?? '?'} (${c.title})`)
      .join(', ')}.`,
  );
notes.push(
  'igraph: PageRank is its PRPACK solver (not 20 iterations); shortest paths are one-sided ' +
    '`get_shortest_paths` on a sample of the pairs; 2-hop `neighborhood` has no cap; memory is peak RSS ' +
    'growth of the Python process. Clew and graphology: 100 untimed warm-up queries before the timed ones.',
);

const lines = [
  (args.world === undefined ? '' : `The demo world ${args.world}, built from the store; then g`) +
    `${args.world === undefined ? 'G' : ''}raph engines on a planted-partition graph (communities of 50–500, mixing ${mixing}, seed ${seed}, ` +
    `${shuffleIds ? 'random node ids' : 'consecutive ids per community'}); ` +
    `times in ms; ${queries} queries for paths and neighbourhoods.`,
  `Machine: ${machine}; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`,
  '',
  `| measure | ${columns.map((c) => c.title).join(' | ')} |`,
  `|---|${columns.map(() => '---').join('|')}|`,
  ...ROWS.map((row) => `| ${row} | ${columns.map((c) => c.results.get(row) ?? '—').join(' | ')} |`),
  '',
  ...notes.map((note) => `- ${note}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
