import type { Rejection } from '@clew/app';
import { operatorActor, unavailable } from '@clew/core';
import type { Command } from 'commander';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { out, say, withHub } from '../context.js';
import { ProgressBar } from '../progress.js';
import { RejectionReport } from '../rejection-report.js';

const actor = operatorActor();

const fileSize = (file: string): number => {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw unavailable(`${file} is not a file`, { file });
    return st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw unavailable(`cannot read ${file}: no such file`, { file });
    throw e;
  }
};

/** `clew import ftm FILE --dataset D` and `clew export ftm --dataset D`. */
export const registerFtmCommands = (program: Command): void => {
  const imp = program.command('import').description('load data into a dataset');
  imp
    .command('ftm')
    .description('import FollowTheMoney JSON lines (as Aleph and OpenSanctions write them)')
    .argument('<file>', 'a .jsonl / .ftm.json file, one entity per line')
    .requiredOption('--dataset <name>', 'the dataset to load into')
    .option('--strict', 'refuse the whole file, writing nothing, if any line is bad')
    .option(
      '--errors <file>',
      'where to write the report of rejected lines (CSV); default under the data directory',
    )
    .option('--batch-size <n>', 'entities per transaction', '2000')
    .action(
      async (
        file: string,
        opts: { dataset: string; strict?: boolean; errors?: string; batchSize: string },
      ) => {
        const total = fileSize(file);
        await withHub(async (hub, config) => {
          let bytes = 0;
          const open = (): AsyncIterable<string> => {
            bytes = 0;
            const stream = createReadStream(file);
            stream.on('data', (chunk) => {
              bytes += chunk.length;
            });
            return createInterface({ input: stream, crlfDelay: Infinity });
          };
          const report = new RejectionReport(config.dataDir, opts.dataset, opts.errors, [
            'line',
            'entity',
            'property',
            'reason',
          ]);
          const onReject = (r: Rejection): void => {
            report.add([r.line, r.entity, r.property, r.reason]);
          };
          const bar = new ProgressBar(`import ${opts.dataset}`, 'bytes');
          try {
            const result = await hub.ftm.importFtm(actor, {
              dataset: opts.dataset,
              fileName: file,
              open,
              strict: opts.strict,
              parallel: true,
              batchSize: Number(opts.batchSize),
              onReject,
              onProgress: (p) => {
                bar.update(
                  { done: bytes, total, extra: `${p.accepted} entities, ${p.rejected} rejected` },
                  p.accepted,
                  'entities',
                );
              },
            });
            bar.done();
            const rate = Math.round(result.accepted / Math.max(result.seconds, 1e-3));
            out(
              `imported ${result.accepted} entities (${result.statements} statements) into ${result.dataset} in ${result.seconds.toFixed(1)} s (${rate}/s); ${result.rejected} lines rejected`,
            );
            for (const r of result.rejections.slice(0, 10)) {
              say(
                `  line ${r.line}${r.entity ? ` entity ${r.entity}` : ''}${r.property ? ` property ${r.property}` : ''}: ${r.reason}`,
              );
            }
            if (result.rejected > 10) say(`  … and ${result.rejected - 10} more`);
          } finally {
            bar.done();
            await report.close('lines');
          }
        });
      },
    );

  const exp = program.command('export').description('write a dataset out');
  exp
    .command('ftm')
    .description('export a dataset as FollowTheMoney JSON lines, with the ids its files used')
    .requiredOption('--dataset <name>', 'the dataset to export')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { dataset: string; out?: string }) => {
      await withHub(
        async (hub) => {
          const target = opts.out ? createWriteStream(opts.out) : process.stdout;
          let n = 0;
          for await (const line of hub.ftm.exportFtm(actor, opts.dataset)) {
            n++;
            if (!target.write(`${line}\n`)) await once(target, 'drain');
          }
          if (opts.out) {
            target.end();
            await finished(target);
            say(`exported ${n} entities from ${opts.dataset} to ${opts.out}`);
          }
        },
        { readonly: true },
      );
    });
};
