/**
 * Matching quality on the demo world: every Person record that agencies wrote, deduplicated (each
 * record screened against a ScreeningIndex of all of them, top 10; m/u by EM on those pairs; posterior
 * ≥ 0.5), against the truth clusters. Pairwise precision, recall and
 * F1 overall, by the scripts of the two records' names, and by the kind of difference between them.
 *
 * Usage: npm run build && node packages/cli/dist/bench/match-world.js [--scales small,medium] [--seed 42]
 */
import {
  DEFAULT_PARAMS,
  detectScript,
  estimateParams,
  scoreVector,
  toMatchRecord,
  vectorOf,
  ScreeningIndex,
  type CandidatePair,
  type MatchRecord,
} from '@clew/core';
import { worldRecords, type ScaleName } from '@clew/demo';
import { cpus } from 'node:os';
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

// Candidate pairs: each record's top 10 in an index of all of them, each pair once.
const screenAll = (records: readonly MatchRecord[]): CandidatePair[] => {
  const index = new ScreeningIndex({ params: DEFAULT_PARAMS });
  const slot = new Map<string, number>();
  records.forEach((r, i) => {
    index.add(r);
    slot.set(r.id, i);
  });
  const seen = new Set<string>();
  const out: CandidatePair[] = [];
  records.forEach((r, i) => {
    for (const h of index.query(r, { exclude: r.id, limit: 10 })) {
      const j = slot.get(h.id) ?? i;
      const [left, right] = i < j ? [i, j] : [j, i];
      if (seen.has(`${left}-${right}`)) continue;
      seen.add(`${left}-${right}`);
      out.push({ left, right, comparison: h.comparison });
    }
  });
  return out;
};

const evaluate = (scale: ScaleName, seed: number): void => {
  const t0 = performance.now();
  const records: MatchRecord[] = [];
  const clusters: string[] = [];
  for (const r of worldRecords({ seed, scale })) {
    if (r.type !== 'entity' || r.entity.schema !== 'Person') continue;
    records.push(toMatchRecord(r.entity));
    clusters.push(r.cluster);
  }
  const pairs = screenAll(records);
  const vectors = pairs.map((p) => vectorOf(p.comparison));
  const { params } = estimateParams(vectors, DEFAULT_PARAMS);
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
  pairs.forEach((p, k) => {
    if (scoreVector(vectors[k] ?? {}, params) < 0.5) return;
    const same = clusters[p.left] === clusters[p.right];
    for (const g of groups(p.left, p.right))
      add(g, (c) => {
        c.predicted++;
        if (same) c.correct++;
      });
  });
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(
    `\n## ${scale} (seed ${seed}): ${records.length} person records, ${members.size} people, ${pairs.length} candidate pairs, ${s} s\n`,
  );
  console.log('| pairs | true pairs | precision | recall | F1 |');
  console.log('|---|---|---|---|---|');
  const order = [...tally.keys()].sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)));
  for (const g of order) {
    const c = tally.get(g);
    if (c !== undefined && (c.truePairs > 0 || c.predicted > 0)) console.log(`| ${g} | ${f1(c)} |`);
  }
};

console.log(`# Person matching on the demo world\n\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}`);
for (const scale of args.scales.split(',')) evaluate(scale as ScaleName, Number(args.seed));
