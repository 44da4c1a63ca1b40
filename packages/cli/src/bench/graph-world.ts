/**
 * The demo world's graph in the graph benchmark: a generated world (e.g. `npm run bench:generate`,
 * scale large) loaded once into a store kept between runs, then the entity graph built from the
 * store through the service the API uses — the figure "load from the store into the engine" — and
 * every measurement of `measureClew` on it.
 */
import { openHub } from '@clew/app';
import { type CsrGraph, operatorActor } from '@clew/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorld } from '../commands/demo.commands.js';
import { count, gc, log, mb, measureClew, now, type Results } from './graph-measure.js';

/** Options of `runWorld`. */
export interface WorldOptions {
  /** The generated world (its manifest.json). */
  world: string;
  /** The store's data directory (SQLite), loaded with the world on first use. */
  store: string;
  /** PostgreSQL instead of SQLite (the world is loaded there on first use). */
  databaseUrl?: string | undefined;
  queries: number;
  seed: number;
  /** Runs of components, BFS and PageRank, the fastest reported. */
  repeat: number;
}

/** The results column of the world graph, the graph itself (for igraph) and notes for the table. */
export interface WorldRun {
  results: Results;
  graph: CsrGraph;
  notes: string[];
}

const seconds = (t: number): string => `${(t / 1000).toFixed(1)} s`;

/** Load the world into the store if it is empty, build its graph from the store, measure it. */
export const runWorld = async (o: WorldOptions): Promise<WorldRun> => {
  if (!existsSync(join(o.world, 'manifest.json')))
    throw new Error(`${o.world} holds no generated world (npm run bench:generate writes one)`);
  const hub = await openHub({ dataDir: o.store, databaseUrl: o.databaseUrl });
  const notes: string[] = [];
  try {
    const actor = operatorActor();
    if ((await hub.datasets.list(actor)).length === 0) {
      log(`world: importing ${o.world} into ${o.databaseUrl ?? o.store}…`);
      const t = now();
      await loadWorld(hub, o.world, actor);
      notes.push(`world imported into the store (FtM files, all agencies) in ${seconds(now() - t)}.`);
    }
    gc();
    const rss0 = process.memoryUsage().rss;
    const t = now();
    const g = await hub.graph.graphFor(actor);
    const loadTime = now() - t;
    const heap = process.memoryUsage();
    log(
      `world: graph built in ${seconds(loadTime)}: ${count(g.csr.nodeCount)} nodes, ${count(g.csr.edgeCount)} edges`,
    );
    const results = measureClew(g.csr, {
      queries: o.queries,
      seed: o.seed,
      rssBefore: rss0,
      repeat: o.repeat,
    });
    results.set(
      'load into the engine',
      `${seconds(loadTime)} from the store (${g.csr.nodeCount.toLocaleString('en')} nodes, ` +
        `${g.csr.edgeCount.toLocaleString('en')} edges)`,
    );
    notes.push(
      `demo world: RSS Δ includes the loader's per-node strings and maps (ids, captions, datasets; ` +
        `heap ${mb(heap.heapUsed)} after the build), not only the engine's typed arrays; process peak RSS ` +
        `${mb(process.resourceUsage().maxRSS * 1024)}.`,
    );
    return { results, graph: g.csr, notes };
  } finally {
    await hub.close();
  }
};
