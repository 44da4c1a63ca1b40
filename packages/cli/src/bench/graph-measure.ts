/**
 * The measurements every graph benchmark takes of Clew's engine, on a graph already in memory:
 * components, single-source BFS, PageRank (20 iterations, double and single precision), Louvain
 * with its modularity, 1,000 shortest paths and 1,000 capped 2-hop neighbourhoods (p50/p95, after
 * untimed warm-up queries), typed-array bytes and RSS growth. Shared by `graph.bench.ts` (planted
 * graph) and `graph-world.bench.ts` (the demo world from the store).
 */
import {
  bfsDistances,
  connectedComponents,
  createPrng,
  type CsrGraph,
  graphBytes,
  GraphScratch,
  louvain,
  neighbourhood,
  normalisedMutualInformation,
  pageRank,
  shortestPaths,
} from '@clew/core';

/** Row name → cell, one column of a results table. */
export type Results = Map<string, string>;

/** The rows of the results table, in order. */
export const ROWS = [
  'load into the engine',
  'connected components',
  'single-source BFS',
  'PageRank, 20 iterations',
  'PageRank, 20 iterations, single-precision gathers',
  'Louvain',
  'Louvain modularity (communities)',
  'Louvain NMI vs planted',
  'shortest path p50 / p95',
  '2-hop neighbourhood ≤10k p50 / p95',
  'memory: typed arrays / RSS Δ',
] as const;

/** Untimed queries first, so that JavaScript engines are measured compiled, not warming up. */
export const WARM_UP = 100;

export const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
export const now = (): number => performance.now();
export const ms = (t: number): string => (t >= 100 ? t.toFixed(0) : t >= 10 ? t.toFixed(1) : t.toFixed(2));
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const count = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`);
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
/** "p50 / p95" of some times in ms. */
export const p50p95 = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${ms(percentile(sorted, 0.5))} / ${ms(percentile(sorted, 0.95))}`;
};
/** Wall-clock and process CPU time (all threads, GC included) of one measured step, in ms. */
export interface Lap {
  wall: number;
  cpu: number;
}

/**
 * Start timing; the returned function reads the lap. On a shared machine the CPU time is the figure
 * to compare (what the step costs when it has a core to itself); wall time is what a user waits.
 */
export const stopwatch = (): (() => Lap) => {
  const t = now();
  const c = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(c);
    return { wall: now() - t, cpu: (d.user + d.system) / 1000 };
  };
};

/** A lap as a table cell: "wall (CPU cpu)". */
export const lap = (l: Lap): string => `${ms(l.wall)} (CPU ${ms(l.cpu)})`;

/** A progress line on stderr (stdout carries the table). */
export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** NMI of a partition against the planted one (core's metric, which takes plain arrays). */
export const nmi = (found: ArrayLike<number>, planted: ArrayLike<number>): number =>
  normalisedMutualInformation(Array.from(planted), Array.from(found));

/** `k` node ids drawn from 0..n-1 with a seed: query endpoints shared by every engine on a graph. */
export const queryNodes = (n: number, k: number, seed: number): Int32Array => {
  const prng = createPrng(seed);
  return Int32Array.from({ length: k }, () => prng.int(n));
};

/** Options of `measureClew`. */
export interface MeasureOptions {
  queries: number;
  seed: number;
  /** Where the single-source BFS starts (default node 0). */
  bfsSource?: number;
  /** The planted partition, for NMI. */
  planted?: ArrayLike<number>;
  /** RSS before the graph was built, for the RSS Δ row (default: now). */
  rssBefore?: number;
  /**
   * Runs of components, BFS and PageRank, the fastest reported (default 1): on a shared machine the
   * minimum is the figure least distorted by other processes' time slices.
   */
  repeat?: number;
}

/** The fastest of `k` runs of `f` (wall and CPU each at their minimum), and its last value. */
const fastest = <T>(k: number, f: () => T): Lap & { value: T } => {
  let watch = stopwatch();
  let value = f();
  let best = watch();
  for (let i = 1; i < k; i++) {
    watch = stopwatch();
    value = f();
    const l = watch();
    best = { wall: Math.min(best.wall, l.wall), cpu: Math.min(best.cpu, l.cpu) };
  }
  return { ...best, value };
};

/** Run every measurement on `g`; the caller sets the load row. */
export const measureClew = (g: CsrGraph, o: MeasureOptions): Results => {
  const r: Results = new Map();
  const n = g.nodeCount;
  const rss0 = o.rssBefore ?? process.memoryUsage().rss;
  let rssMax = process.memoryUsage().rss;
  const sample = (): void => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  };
  const k = o.repeat ?? 1;
  const best = k > 1 ? ` (best of ${k})` : '';
  const cc = fastest(k, () => connectedComponents(g));
  r.set('connected components', `${lap(cc)}, ${cc.value.count} components${best}`);
  sample();
  const bfs = fastest(k, () => bfsDistances(g, o.bfsSource ?? 0));
  const reached = bfs.value.reduce((s, d) => s + (d >= 0 ? 1 : 0), 0);
  r.set('single-source BFS', `${lap(bfs)}, ${count(reached)} reached${best}`);
  sample();
  const pr = fastest(k, () => pageRank(g, { iterations: 20 }));
  r.set('PageRank, 20 iterations', `${lap(pr)}${best}`);
  const single = fastest(k, () => pageRank(g, { iterations: 20, precision: 'single' }));
  r.set('PageRank, 20 iterations, single-precision gathers', `${lap(single)}${best}`);
  sample();
  const watch = stopwatch();
  const communities = louvain(g, { seed: o.seed });
  r.set('Louvain', lap(watch()));
  let t = now();
  sample();
  r.set('Louvain modularity (communities)', `${communities.modularity.toFixed(4)} (${communities.count})`);
  if (o.planted) r.set('Louvain NMI vs planted', nmi(communities.community, o.planted).toFixed(3));
  const scratch = new GraphScratch(n);
  const warm = queryNodes(n, 2 * WARM_UP, o.seed + 3);
  for (let i = 0; i < WARM_UP; i++) {
    shortestPaths(g, warm[2 * i] ?? 0, warm[2 * i + 1] ?? 0, { scratch });
    neighbourhood(g, warm[i] ?? 0, { hops: 2, maxNodes: 10_000, scratch });
  }
  const ends = queryNodes(n, 2 * o.queries, o.seed + 1);
  const pathTimes: number[] = [];
  let lengthSum = 0;
  let found = 0;
  for (let i = 0; i < o.queries; i++) {
    t = now();
    const p = shortestPaths(g, ends[2 * i] ?? 0, ends[2 * i + 1] ?? 0, { scratch });
    pathTimes.push(now() - t);
    if (p.length >= 0) {
      lengthSum += p.length;
      found++;
    }
  }
  const meanLength = found === 0 ? '—' : (lengthSum / found).toFixed(1);
  const connected = found < o.queries ? `, ${found} of ${o.queries} pairs connected` : '';
  r.set('shortest path p50 / p95', `${p50p95(pathTimes)} (mean length ${meanLength}${connected})`);
  const seeds = queryNodes(n, o.queries, o.seed + 2);
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
    `${p50p95(hoodTimes)} (mean ${Math.round(sizeSum / o.queries)} nodes)`,
  );
  sample();
  r.set('memory: typed arrays / RSS Δ', `${mb(graphBytes(g))} / ${mb(rssMax - rss0)}`);
  return r;
};
