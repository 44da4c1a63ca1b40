/**
 * igraph (Debian's python3-igraph) beside Clew in the graph benchmarks: the same edge list, written
 * as text and read by a python3 child process, the same query endpoints.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, lap, log, mb, nmi, p50p95, queryNodes as drawNodes, type Results } from './graph-measure.js';

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
start = time.process_time()
left = lambda: budget - (time.process_time() - start)
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
base = peak()
out = {"version": ig.__version__, "skipped": []}
def step(name, f):
    t, c = time.perf_counter(), time.process_time(); value = f()
    out[name] = (time.perf_counter() - t) * 1000; out[name + "Cpu"] = (time.process_time() - c) * 1000
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
if left() > 7 * out["pagerankCpu"] / 1000:
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
  loadCpu: number;
  componentsCpu: number;
  bfsCpu: number;
  pagerankCpu: number;
  louvainCpu?: number;
  modularity?: number;
  communities?: number;
  membership?: number[];
  paths: number[];
  hoods: number[];
  memory: number;
}

/** The python that can `import igraph` (pyenv's python3 may not see Debian's packages), or null. */
export const findPython = (): string | null => {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import igraph'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
};

/** An edge list to hand to igraph, with the planted partition when there is one. */
export interface EdgeList {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  community?: Int32Array;
}

/** Options of `runIgraph`: the same query endpoints as Clew's (same seed and salts). */
export interface IgraphOptions {
  queries: number;
  seed: number;
  /** Shortest-path queries igraph runs (its one-sided search is slow). */
  paths: number;
  budgetSeconds: number;
}

/** Run igraph on `planted` through python3, within a time budget; one results column. */
export const runIgraph = (
  python: string,
  planted: EdgeList,
  { queries, seed, paths, budgetSeconds }: IgraphOptions,
): { results: Results; version: string } => {
  const queryNodes = (n: number, k: number, salt: number): Int32Array => drawNodes(n, k, seed + salt);
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
  const pathCount = Math.min(queries, paths);
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
  const lapOf = (wall: number, cpu: number | undefined): string => lap({ wall, cpu: cpu ?? NaN });
  r.set('load into the engine', `${lapOf(out.load, out.loadCpu)}, text edge list`);
  r.set(
    'connected components',
    `${lapOf(out.components, out.componentsCpu)}, ${out.componentCount} components`,
  );
  r.set('single-source BFS', `${lapOf(out.bfs, out.bfsCpu)}, ${count(out.reached)} reached`);
  r.set(
    'PageRank, 20 iterations',
    `${lapOf(out.pagerank, out.pagerankCpu)}, PRPACK solve, not 20 iterations`,
  );
  if (out.louvain !== undefined && out.membership !== undefined) {
    r.set('Louvain', lapOf(out.louvain, out.louvainCpu));
    r.set(
      'Louvain modularity (communities)',
      `${(out.modularity ?? NaN).toFixed(4)} (${out.communities ?? '?'})`,
    );
    if (planted.community) r.set('Louvain NMI vs planted', nmi(out.membership, planted.community).toFixed(3));
  } else {
    r.set('Louvain', `skipped: 7 × PageRank's CPU time would pass the ${budgetSeconds} s budget`);
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
