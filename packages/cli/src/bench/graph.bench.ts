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
 * Prints a markdown table (times in ms unless stated) with the machine it ran on.
 */
import {
  bfsDistances,
  buildCsr,
  connectedComponents,
  createPrng,
  graphBytes,
  GraphScratch,
  louvain,
  modularity,
  neighbourhood,
  normalisedMutualInformation,
  pageRank,
  shortestPaths,
} from '@clew/core';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { connectedComponents as graphologyComponents } from 'graphology-components';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { bfsFromNode } from 'graphology-traversal';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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
  },
});
const nodes = Number(args.nodes);
const edges = args.edges === '' ? nodes * 5 : Number(args.edges);
const smallNodes = Math.min(nodes, Number(args['small-nodes']));
const queries = Number(args.queries);
const seed = Number(args.seed);
const mixing = Number(args.mixing);
const shuffleIds = args['shuffle-ids'];
/** Untimed queries first, so that JavaScript engines are measured compiled, not warming up. */
const WARM_UP = 100;

/**
 * These two packages are CommonJS with `export default` typings: Node hands the function itself to a
 * default import, TypeScript (NodeNext) expects a namespace holding it. Accept both.
 */
const cjsDefault = <T>(mod: { default: T }): T => (mod as { default?: T }).default ?? (mod as unknown as T);
const louvainGraphology = cjsDefault(louvainModule);
const pagerankGraphology = cjsDefault(pagerankModule);

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const now = (): number => performance.now();
const ms = (t: number): string => (t >= 100 ? t.toFixed(0) : t >= 10 ? t.toFixed(1) : t.toFixed(2));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const count = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`);
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const p50p95 = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${ms(percentile(sorted, 0.5))} / ${ms(percentile(sorted, 0.95))}`;
};
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** NMI of a partition against the planted one (core's metric, which takes plain arrays). */
const nmi = (found: ArrayLike<number>, planted: Int32Array): number =>
  normalisedMutualInformation(Array.from(planted), Array.from(found));

/** Query endpoints shared by every engine on a graph. */
const queryNodes = (n: number, k: number, salt: number): Int32Array => {
  const prng = createPrng(seed + salt);
  return Int32Array.from({ length: k }, () => prng.int(n));
};

type Results = Map<string, string>;

const ROWS = [
  'load into the engine',
  'connected components',
  'single-source BFS',
  'PageRank, 20 iterations',
  'Louvain',
  'Louvain modularity (communities)',
  'Louvain NMI vs planted',
  'shortest path p50 / p95',
  '2-hop neighbourhood ≤10k p50 / p95',
  'memory: typed arrays / RSS Δ',
] as const;

const runClew = (planted: PlantedGraph): Results => {
  const r: Results = new Map();
  const n = planted.nodeCount;
  gc();
  const rss0 = process.memoryUsage().rss;
  let rssMax = rss0;
  const sample = (): void => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  };
  let t = now();
  const g = buildCsr({ nodeCount: n, source: planted.source, target: planted.target });
  r.set('load into the engine', ms(now() - t));
  sample();
  t = now();
  const cc = connectedComponents(g);
  r.set('connected components', `${ms(now() - t)} (${cc.count})`);
  sample();
  t = now();
  const dist = bfsDistances(g, 0);
  const bfsTime = now() - t;
  const reached = dist.reduce((s, d) => s + (d >= 0 ? 1 : 0), 0);
  r.set('single-source BFS', `${ms(bfsTime)} (${count(reached)} reached)`);
  sample();
  t = now();
  pageRank(g, { iterations: 20 });
  r.set('PageRank, 20 iterations', ms(now() - t));
  sample();
  t = now();
  const communities = louvain(g, { seed });
  r.set('Louvain', ms(now() - t));
  sample();
  r.set('Louvain modularity (communities)', `${communities.modularity.toFixed(4)} (${communities.count})`);
  r.set('Louvain NMI vs planted', nmi(communities.community, planted.community).toFixed(3));
  const scratch = new GraphScratch(n);
  const warm = queryNodes(n, 2 * WARM_UP, 3);
  for (let i = 0; i < WARM_UP; i++) {
    shortestPaths(g, warm[2 * i] ?? 0, warm[2 * i + 1] ?? 0, { scratch });
    neighbourhood(g, warm[i] ?? 0, { hops: 2, maxNodes: 10_000, scratch });
  }
  const ends = queryNodes(n, 2 * queries, 1);
  const pathTimes: number[] = [];
  let lengthSum = 0;
  for (let i = 0; i < queries; i++) {
    t = now();
    const p = shortestPaths(g, ends[2 * i] ?? 0, ends[2 * i + 1] ?? 0, { scratch });
    pathTimes.push(now() - t);
    lengthSum += p.length;
  }
  r.set('shortest path p50 / p95', `${p50p95(pathTimes)} (mean length ${(lengthSum / queries).toFixed(1)})`);
  const seeds = queryNodes(n, queries, 2);
  const hoodTimes: number[] = [];
  let sizeSum = 0;
  for (const s of seeds) {
    t = now();
    const h = neighbourhood(g, s, { hops: 2, maxNodes: 10_000, scratch });
    hoodTimes.push(now() - t);
    sizeSum += h.nodes.length;
  }
  r.set(
    '2-hop neighbourhood ≤10k p50 / p95',
    `${p50p95(hoodTimes)} (mean ${Math.round(sizeSum / queries)} nodes)`,
  );
  sample();
  r.set('memory: typed arrays / RSS Δ', `${mb(graphBytes(g))} / ${mb(rssMax - rss0)}`);
  const plantedQ = modularity(g, planted.community).toFixed(4);
  r.set('planted', plantedQ);
  log(`clew ${count(n)}: done; planted-partition modularity ${plantedQ}`);
  return r;
};

const runGraphology = (planted: PlantedGraph): Results => {
  const r: Results = new Map();
  const n = planted.nodeCount;
  gc();
  const rss0 = process.memoryUsage().rss;
  let t = now();
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (let e = 0; e < planted.source.length; e++)
    g.addEdge(String(planted.source[e]), String(planted.target[e]));
  r.set('load into the engine', ms(now() - t));
  const rssLoaded = process.memoryUsage().rss;
  log(`graphology ${count(n)}: loaded`);
  t = now();
  const cc = graphologyComponents(g);
  r.set('connected components', `${ms(now() - t)} (${cc.length})`);
  t = now();
  let reached = 0;
  bfsFromNode(g, '0', () => {
    reached++;
  });
  r.set('single-source BFS', `${ms(now() - t)} (${count(reached)} reached)`);
  t = now();
  try {
    // graphology stops on a tolerance and throws when maxIterations pass without converging:
    // tolerance 0 makes it run exactly 20 iterations, then throw.
    pagerankGraphology(g, { maxIterations: 20, tolerance: 0, getEdgeWeight: null });
  } catch {
    // expected
  }
  r.set('PageRank, 20 iterations', ms(now() - t));
  t = now();
  const prng = createPrng(seed);
  const detailed = louvainGraphology.detailed(g, { rng: () => prng.next() });
  r.set('Louvain', ms(now() - t));
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

/**
 * igraph's side, run by python3. Steps past `budget` seconds are skipped and say so (Louvain when
 * about 7 × PageRank's time would not fit), so the whole benchmark stays within a few minutes.
 */
const IGRAPH_SCRIPT = `
import json, random, resource, sys, time
import igraph as ig
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pairs, seeds, budget = json.loads(sys.argv[4]), json.loads(sys.argv[5]), float(sys.argv[6])
random.seed(seed)
start = time.perf_counter()
left = lambda: budget - (time.perf_counter() - start)
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
base = peak()
out = {"version": ig.__version__, "skipped": []}
def step(name, f):
    t = time.perf_counter(); value = f(); out[name] = (time.perf_counter() - t) * 1000
    print("igraph", name, round(out[name]), "ms", file=sys.stderr, flush=True)
    return value
def load():
    g = ig.Graph.Read_Edgelist(path, directed=False)
    if g.vcount() < n: g.add_vertices(n - g.vcount())
    return g
g = step("load", load)
cc = step("components", lambda: g.connected_components() if hasattr(g, "connected_components") else g.components())
out["componentCount"] = len(cc)
out["reached"] = len(step("bfs", lambda: g.bfs(0))[0])
step("pagerank", lambda: g.pagerank(damping=0.85))
if left() > 7 * out["pagerank"] / 1000:
    cl = step("louvain", lambda: g.community_multilevel())
    out["modularity"] = g.modularity(cl.membership); out["communities"] = len(cl); out["membership"] = cl.membership
else:
    out["skipped"].append("louvain")
for name, items, run in (("paths", pairs, lambda p: g.get_shortest_paths(p[0], to=p[1], output="epath")),
                         ("hoods", seeds, lambda s: g.neighborhood(s, order=2))):
    times = []
    for item in items:
        if left() <= 0: break
        t0 = time.perf_counter(); run(item); times.append((time.perf_counter() - t0) * 1000)
    out[name] = times
out["memory"] = peak() - base
print(json.dumps(out))
`;

interface IgraphOut {
  version: string;
  skipped: string[];
  load: number;
  components: number;
  componentCount: number;
  bfs: number;
  reached: number;
  pagerank: number;
  louvain?: number;
  modularity?: number;
  communities?: number;
  membership?: number[];
  paths: number[];
  hoods: number[];
  memory: number;
}

const findPython = (): string | null => {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import igraph'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
};

const runIgraph = (
  python: string,
  planted: PlantedGraph,
  budgetSeconds: number,
): { results: Results; version: string } => {
  const file = join(tmpdir(), `clew-graph-bench-${process.pid}.txt`);
  writeFileSync(file, '');
  const block = 200_000;
  for (let i = 0; i < planted.source.length; i += block) {
    const lines: string[] = [];
    for (let e = i; e < Math.min(i + block, planted.source.length); e++) {
      lines.push(`${planted.source[e]} ${planted.target[e]}\n`);
    }
    appendFileSync(file, lines.join(''));
  }
  const n = planted.nodeCount;
  const pathCount = Math.min(queries, Number(args['igraph-paths']));
  const ends = queryNodes(n, 2 * queries, 1);
  const pairs = Array.from({ length: pathCount }, (_, i) => [ends[2 * i], ends[2 * i + 1]]);
  const seeds = Array.from(queryNodes(n, queries, 2));
  log(`igraph ${count(n)}: running (${python})`);
  const run = spawnSync(
    python,
    [
      '-c',
      IGRAPH_SCRIPT,
      file,
      String(n),
      String(seed),
      JSON.stringify(pairs),
      JSON.stringify(seeds),
      String(budgetSeconds),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 600_000,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  rmSync(file, { force: true });
  const r: Results = new Map();
  if (run.status !== 0) {
    log(`igraph failed: ${run.error?.message ?? `exit ${run.status}`}`);
    return { results: r, version: '?' };
  }
  const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as IgraphOut;
  r.set('load into the engine', `${ms(out.load)} (text edge list)`);
  r.set('connected components', `${ms(out.components)} (${out.componentCount})`);
  r.set('single-source BFS', `${ms(out.bfs)} (${count(out.reached)} reached)`);
  r.set('PageRank, 20 iterations', `${ms(out.pagerank)} (PRPACK solve, not 20 iterations)`);
  if (out.louvain !== undefined && out.membership !== undefined) {
    r.set('Louvain', ms(out.louvain));
    r.set(
      'Louvain modularity (communities)',
      `${(out.modularity ?? NaN).toFixed(4)} (${out.communities ?? '?'})`,
    );
    r.set('Louvain NMI vs planted', nmi(out.membership, planted.community).toFixed(3));
  } else {
    r.set('Louvain', `skipped: 7 × PageRank's time would pass the ${budgetSeconds} s budget`);
  }
  const done = (k: number, of: number): string => (k < of ? `, budget ran out after ${k} of ${of}` : '');
  r.set(
    'shortest path p50 / p95',
    `${p50p95(out.paths)} (${out.paths.length} queries, one-sided${done(out.paths.length, pathCount)})`,
  );
  r.set(
    '2-hop neighbourhood ≤10k p50 / p95',
    `${p50p95(out.hoods)} (uncapped${done(out.hoods.length, seeds.length)})`,
  );
  r.set('memory: typed arrays / RSS Δ', `— / ${mb(out.memory)} peak`);
  return { results: r, version: out.version };
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
if (python === null)
  log('igraph: skipped (python3 -c "import igraph" fails; apt-get install python3-igraph)');
const columns: { title: string; results: Results }[] = [];
const notes: string[] = [];

let t0 = now();
const big = plantedGraph({ nodes, edges, mixing, seed, shuffleIds });
log(
  `planted graph ${count(nodes)}/${count(edges)}: ${big.communityCount} communities, ` +
    `${(big.interShare * 100).toFixed(1)}% edges between them, generated in ${ms(now() - t0)} ms`,
);
columns.push({ title: `Clew (${count(nodes)}/${count(edges)})`, results: runClew(big) });
if (python !== null) {
  const { results, version } = runIgraph(python, big, Number(args['igraph-budget']));
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
    const { results, version } = runIgraph(python, small, 600);
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
  `Graph engines on a planted-partition graph (communities of 50–500, mixing ${mixing}, seed ${seed}, ` +
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
