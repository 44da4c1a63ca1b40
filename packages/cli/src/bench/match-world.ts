/**
 * Matching quality on the demo world: every Person record that agencies wrote, deduplicated (each
 * record screened against a ScreeningIndex of all of them, top 10), against the truth clusters.
 * Pairs at posterior ≥ 0.5 under the hub's model (DEFAULT_PARAMS) are matches; pairwise precision,
 * recall and F1 overall, by the scripts of the two records' names, and by the kind of difference
 * between them. One more line gives m/u re-estimated by EM on those candidates, for comparison: the
 * candidates share keys by construction, and EM's "match" class drifts to them (see the README).
 *
 * Usage: npm run build && node packages/cli/dist/bench/match-world.js [--scales small,medium] [--seed 42]
 */
import {
  DEFAULT_PARAMS,
  detectScript,
  estimateParams,
  scoreVector,
  vectorOf,
  type MatchRecord,
} from '@clew/core';
import type { ScaleName } from '@clew/demo';
import { screenAll, worldPeople } from './match-world-pairs.js';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { scales: { type: 'string', default: 'small,medium' }, seed: { type: 'string', default: '42' } },
});

interface Counts {
  truePairs: number;
  predicted: number;
  correct: number;
}

const scriptOf = (r: MatchRecord): string => {
  const text = r.names[0]?.text ?? '';
  return /[^\p{ASCII}]/u.test(text) ? detectScript(text.toLowerCase()) : 'latin';
};

// The ways two records of one person (or two people) differ, from what they wrote.
const kindsOf = (a: MatchRecord, b: MatchRecord): string[] => {
  const kinds: string[] = [];
  const [sa, sb] = [scriptOf(a), scriptOf(b)];
  const na = a.names[0];
  const nb = b.names[0];
  if (sa !== sb) kinds.push('name in another script');
  else if (na !== undefined && nb !== undefined && na.text !== nb.text) {
    const ta = new Set(na.tokens);
    const tb = new Set(nb.tokens);
    const shared = [...ta].filter((t) => tb.has(t)).length;
    if (na.key === nb.key) kinds.push('name order or case');
    else if (shared === Math.min(ta.size, tb.size)) kinds.push('a name dropped');
    else kinds.push('other spelling or typo');
  }
  const da = a.dates[0]?.date;
  const db = b.dates[0]?.date;
  if (da === undefined || db === undefined) kinds.push('a birth date missing');
  else if (da.precision !== db.precision) kinds.push('birth year only');
  else if (da.iso !== db.iso && da.month === db.day && da.day === db.month)
    kinds.push('day and month swapped');
  const ids = (r: MatchRecord): Set<string> =>
    new Set(Object.values(r.identifiers).flatMap((vs) => vs.map((v) => v.strict)));
  const ib = ids(b);
  if (![...ids(a)].some((x) => ib.has(x))) kinds.push('no identifier in common');
  if (kinds.length === 0) kinds.push('written alike');
  return kinds;
};

const f1 = (c: Counts): string => {
  const p = c.predicted === 0 ? 1 : c.correct / c.predicted;
  const r = c.truePairs === 0 ? 1 : c.correct / c.truePairs;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `${c.truePairs} | ${p.toFixed(4)} | ${r.toFixed(4)} | **${f.toFixed(4)}**`;
};

const evaluate = (scale: ScaleName, seed: number): void => {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { records, clusters } = worldPeople(scale, seed);
  const pairs = screenAll(records);
  const vectors = pairs.map((p) => vectorOf(p.comparison));
  const params = DEFAULT_PARAMS;
  const estimated = estimateParams(vectors, DEFAULT_PARAMS).params;
  const tally = new Map<string, Counts>();
  const add = (group: string, f: (c: Counts) => void): void => {
    const c = tally.get(group) ?? { truePairs: 0, predicted: 0, correct: 0 };
    f(c);
    tally.set(group, c);
  };
  const groups = (i: number, j: number): string[] => {
    const a = records[i];
    const b = records[j];
    if (a === undefined || b === undefined) return [];
    const scripts = [scriptOf(a), scriptOf(b)].sort().join('–');
    return ['all', `script ${scripts}`, ...kindsOf(a, b).map((k) => `kind: ${k}`)];
  };
  // Every true pair, found or not, counts towards recall.
  const members = new Map<string, number[]>();
  clusters.forEach((c, i) => members.set(c, [...(members.get(c) ?? []), i]));
  for (const ids of members.values())
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++)
        for (const g of groups(ids[x] ?? 0, ids[y] ?? 0))
          add(g, (c) => {
            c.truePairs++;
          });
  const em = tally.get('all') ?? { truePairs: 0, predicted: 0, correct: 0 };
  const emCounts: Counts = { truePairs: em.truePairs, predicted: 0, correct: 0 };
  pairs.forEach((p, k) => {
    const same = clusters[p.left] === clusters[p.right];
    if (scoreVector(vectors[k] ?? {}, estimated) >= 0.5) {
      emCounts.predicted++;
      if (same) emCounts.correct++;
    }
    if (scoreVector(vectors[k] ?? {}, params) < 0.5) return;
    for (const g of groups(p.left, p.right))
      add(g, (c) => {
        c.predicted++;
        if (same) c.correct++;
      });
  });
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  const cpu = ((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6).toFixed(0);
  console.log(
    `\n## ${scale} (seed ${seed}): ${records.length} person records, ${members.size} people, ${pairs.length} candidate pairs, ${s} s wall, ${cpu} s CPU, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log('| pairs | true pairs | precision | recall | F1 |');
  console.log('|---|---|---|---|---|');
  const order = [...tally.keys()].sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)));
  for (const g of order) {
    const c = tally.get(g);
    if (c !== undefined && (c.truePairs > 0 || c.predicted > 0)) console.log(`| ${g} | ${f1(c)} |`);
    if (g === 'all') console.log(`| all, m/u by EM on the candidates | ${f1(emCounts)} |`);
  }
};

console.log(`# Person matching on the demo world\n\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}`);
for (const scale of args.scales.split(',')) evaluate(scale as ScaleName, Number(args.seed));
