/**
 * Quality of the graph analytics against the demo world's truth. For each scale: generate the world
 * (once, into bench/out), load it into a fresh SQLite hub, build the entity graph, then compare
 *  - communities (Louvain on the whole graph, and on the people projection: two people joined when
 *    linked directly or through a shared thing of at most 50 holders) with the true groups, over the
 *    records of group members (ARI and NMI; a broker counts in their first group);
 *  - brokers (the broker indicator's ranking, and sampled betweenness among people) with the true
 *    bridging people (bridge=yes), as precision at 10 over distinct true people.
 * Records are not yet resolved into identities, so one person known to three agencies is three nodes.
 *
 * Usage: node packages/cli/dist/bench/graph-quality.js [--scales small,medium] [--seed 42] [--out bench/out]
 * Prints a markdown table with the machine it ran on.
 */
import { openHub, type EntityGraph } from '@clew/app';
import {
  adjustedRandIndex,
  betweenness,
  brokers,
  buildCsr,
  louvain,
  normalisedMutualInformation,
  NodeType,
  operatorActor,
  precisionAtK,
} from '@clew/core';
import { generateWorld, readTruthRecords, readTruthTable } from '@clew/demo';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadWorld } from '../commands/demo.commands.js';

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: 'bench/out' },
  },
});

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const secs = (from: number): string => ((performance.now() - from) / 1000).toFixed(1);

/** The record id a file used: the entity id without its signature. */
const recordIdOf = (key: string): string => key.replace(/\.[0-9a-f]{40}$/, '');

/** The truth a graph is judged against: each record's true person, each person's group, the brokers. */
interface Truth {
  personOfRecord: Map<string, string>;
  groupOf: Map<string, string>;
  bridges: Set<string>;
}

const readTruth = async (dir: string): Promise<Truth> => {
  const personOfRecord = new Map<string, string>();
  for (const r of await readTruthRecords(dir))
    if (r.schema === 'Person') personOfRecord.set(r.recordId, r.cluster);
  const groupOf = new Map<string, string>();
  const bridges = new Set<string>();
  for (const m of await readTruthTable(dir, 'memberships.csv')) {
    const person = m.person ?? '';
    if (!groupOf.has(person)) groupOf.set(person, m.group ?? '');
    if (m.bridge === 'yes') bridges.add(person);
  }
  return { personOfRecord, groupOf, bridges };
};

/** People nodes joined directly, or through a shared non-person node of at most `cap` people. */
const peopleProjection = (
  g: EntityGraph,
  cap: number,
): { people: Int32Array; csr: ReturnType<typeof buildCsr> } => {
  const csr = g.csr;
  const index = new Int32Array(csr.nodeCount).fill(-1);
  const people: number[] = [];
  for (let v = 0; v < csr.nodeCount; v++)
    if (csr.nodeType[v] === NodeType.person) index[v] = people.push(v) - 1;
  const source: number[] = [];
  const target: number[] = [];
  const around = (v: number): number[] => {
    const out: number[] = [];
    for (const [offsets, neighbours] of [
      [csr.outOffsets, csr.outNeighbours],
      [csr.inOffsets, csr.inNeighbours],
    ] as const) {
      for (let j = offsets[v] ?? 0, end = offsets[v + 1] ?? 0; j < end; j++) out.push(neighbours[j] ?? 0);
      if (!csr.hasDirected) break;
    }
    return out;
  };
  for (let x = 0; x < csr.nodeCount; x++) {
    const near = around(x);
    if (csr.nodeType[x] === NodeType.person) {
      for (const y of near)
        if (csr.nodeType[y] === NodeType.person && x < y) {
          source.push(index[x] ?? 0);
          target.push(index[y] ?? 0);
        }
      continue;
    }
    const holders = [...new Set(near.filter((y) => csr.nodeType[y] === NodeType.person))];
    if (holders.length > cap) continue;
    for (let i = 0; i < holders.length; i++)
      for (let j = i + 1; j < holders.length; j++) {
        source.push(index[holders[i] ?? 0] ?? 0);
        target.push(index[holders[j] ?? 0] ?? 0);
      }
  }
  return {
    people: Int32Array.from(people),
    csr: buildCsr({
      nodeCount: people.length,
      source: Int32Array.from(source),
      target: Int32Array.from(target),
    }),
  };
};

/** ARI and NMI of a community per node against the true groups, over member records. */
const agreement = (
  g: EntityGraph,
  nodes: ArrayLike<number>,
  community: Int32Array,
  truth: Truth,
): { ari: number; nmi: number; records: number } => {
  const truthLabels: string[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const person = truth.personOfRecord.get(recordIdOf(g.key[nodes[i] ?? 0] ?? ''));
    const group = person === undefined ? undefined : truth.groupOf.get(person);
    if (group === undefined) continue;
    truthLabels.push(group);
    predicted.push(community[i] ?? -1);
  }
  return {
    ari: adjustedRandIndex(truthLabels, predicted),
    nmi: normalisedMutualInformation(truthLabels, predicted),
    records: truthLabels.length,
  };
};

/** Distinct true people in the order their record nodes are ranked. */
const rankedPeople = (g: EntityGraph, ranked: Iterable<number>, truth: Truth): string[] => {
  const out: string[] = [];
  for (const v of ranked) {
    const person = truth.personOfRecord.get(recordIdOf(g.key[v] ?? ''));
    if (person !== undefined && !out.includes(person)) out.push(person);
    if (out.length >= 10) break;
  }
  return out;
};

const rows: string[][] = [];
for (const scale of args.scales.split(',')) {
  if (scale !== 'tiny' && scale !== 'small' && scale !== 'medium' && scale !== 'large')
    throw new Error(`unknown scale ${scale}`);
  const dir = resolve(args.out, `graph-world-${scale}-${args.seed}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    const t = performance.now();
    await generateWorld({ seed: Number(args.seed), scale, out: dir });
    log(`${scale}: generated in ${secs(t)} s → ${dir}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-graph-quality-'));
  const hub = await openHub({ dataDir, databaseUrl: undefined });
  try {
    const actor = operatorActor();
    let t = performance.now();
    await loadWorld(hub, dir, actor);
    log(`${scale}: loaded in ${secs(t)} s`);
    t = performance.now();
    const g = await hub.graph.graphFor(actor);
    const buildS = secs(t);
    const truth = await readTruth(dir);
    t = performance.now();
    const whole = louvain(g.csr);
    const louvainS = secs(t);
    const all = Int32Array.from({ length: g.csr.nodeCount }, (_, i) => i);
    const wholeScore = agreement(g, all, whole.community, truth);
    const projection = peopleProjection(g, 50);
    const proj = louvain(projection.csr);
    const projScore = agreement(g, projection.people, proj.community, truth);
    const brokerRank = brokers(g.csr, whole.community).map((m) => m.node);
    const between = betweenness(g.csr, { samples: 256 });
    const betweenRank = [...all]
      .filter((v) => g.csr.nodeType[v] === NodeType.person)
      .sort((a, b) => (between[b] ?? 0) - (between[a] ?? 0));
    const projBrokers = brokers(projection.csr, proj.community).map((m) => projection.people[m.node] ?? 0);
    const pProjBroker = precisionAtK(rankedPeople(g, projBrokers, truth), truth.bridges, 10);
    const pBroker = precisionAtK(rankedPeople(g, brokerRank, truth), truth.bridges, 10);
    const pBetween = precisionAtK(rankedPeople(g, betweenRank, truth), truth.bridges, 10);
    rows.push([
      scale,
      String(g.csr.nodeCount),
      String(g.csr.edgeCount),
      buildS,
      `${wholeScore.ari.toFixed(3)} / ${wholeScore.nmi.toFixed(3)} (${whole.count} comm., Q ${whole.modularity.toFixed(3)}, ${louvainS} s)`,
      `${projScore.ari.toFixed(3)} / ${projScore.nmi.toFixed(3)} (${proj.count} comm.)`,
      String(wholeScore.records),
      pBroker.toFixed(1),
      pProjBroker.toFixed(1),
      pBetween.toFixed(1),
      String(truth.bridges.size),
    ]);
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const cpu = cpus();
process.stdout.write(
  [
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 20)} MB RAM, Node ${process.version}; seed ${args.seed}.`,
    '',
    '| scale | nodes | edges | graph build (s) | ARI / NMI, whole graph | ARI / NMI, people projection | member records | brokers P@10 (indicator, whole graph) | brokers P@10 (indicator, projection) | brokers P@10 (betweenness) | true brokers |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n'),
);
