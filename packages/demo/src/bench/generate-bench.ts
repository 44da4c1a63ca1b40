/**
 * Benchmark of the demo-world generator: records per second and peak resident memory.
 * After `npx tsc -b packages/demo`:
 *   node packages/demo/dist/bench/generate-bench.js --scale large --out /tmp/clew-world
 */
import { parseArgs } from 'node:util';
import { isClewError } from '@clew/core';
import { generateWorld } from '../generate-world.js';
import type { ScaleName } from '../options.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    noise: { type: 'string', default: '0.3' },
    groups: { type: 'string' },
  },
});

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const main = async (): Promise<void> => {
  if (values.out === undefined)
    throw new Error(
      'usage: generate-bench --scale tiny|small|medium|large|N --out DIR [--seed S] [--noise 0..1] [--groups N]',
    );
  const scale = /^\d+$/.test(values.scale) ? Number(values.scale) : (values.scale as ScaleName);
  let peak = process.memoryUsage().rss;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 250);
  let lastPct = -1;
  const summary = await generateWorld({
    seed: /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    scale,
    noise: Number(values.noise),
    ...(values.groups === undefined ? {} : { groups: Number(values.groups) }),
    out: values.out,
    onProgress: (p) => {
      sample();
      const pct = Math.floor((100 * p.groupsDone) / p.groupsTotal / 5) * 5;
      if (pct !== lastPct) {
        lastPct = pct;
        const rate = p.records / (p.elapsedMs / 1000);
        console.error(
          `${String(pct).padStart(3)}%  ${p.records.toLocaleString('en')} records  ${rate.toFixed(0)} records/s  rss ${mb(process.memoryUsage().rss)}`,
        );
      }
    },
  });
  clearInterval(timer);
  sample();
  const seconds = summary.durationMs / 1000;
  const truth = Object.values(summary.truthRows).reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify(
      {
        scale: values.scale,
        people: summary.people,
        groups: summary.groups,
        records: summary.records,
        ftmEntities: summary.entities,
        nativeRows: summary.nativeRows,
        truthRows: truth,
        seconds: Number(seconds.toFixed(1)),
        recordsPerSecond: Math.round(summary.records / seconds),
        peakRssMiB: Math.round(peak / 1024 / 1024),
        node: process.version,
      },
      null,
      2,
    ),
  );
};

main().catch((e: unknown) => {
  console.error(isClewError(e) ? `${e.code}: ${e.message}` : e);
  process.exitCode = 1;
});
