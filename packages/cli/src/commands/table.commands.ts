import { checkTable, readCsv, readXlsx, type TableEvent, type TableReport } from '@clew/app';
import {
  mappingToYaml,
  operatorActor,
  parseMapping,
  suggestMapping,
  unavailable,
  type Mapping,
  type RowError,
} from '@clew/core';
import type { Command } from 'commander';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { out, say, withHub } from '../context.js';
import { ProgressBar } from '../progress.js';
import { RejectionReport } from '../rejection-report.js';

const actor = operatorActor();

const loadMapping = (path: string): Mapping => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw unavailable(`cannot read ${path}: ${(e as Error).message}`, { file: path });
  }
  return parseMapping(text, path);
};

const describeRejection = (r: RowError): string =>
  `  row ${r.row}${r.column ? ` column ${r.column}` : ''}${r.field ? ` (${r.field})` : ''}: ${r.reason}`;

const printRejections = (report: TableReport): void => {
  for (const r of report.rejections.slice(0, 10)) say(describeRejection(r));
  if (report.rejections.length > 10) say(`  … and more (${report.rejected} rows refused in all)`);
};

const bySchema = (report: TableReport): string =>
  Object.entries(report.bySchema)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ') || 'no entities';

/** `clew mapping check|suggest` and `clew import table`. */
export const registerTableCommands = (program: Command): void => {
  const mapping = program.command('mapping').description('write and try mappings of CSV and XLSX tables');
  mapping
    .command('check')
    .description('dry-run a mapping on a file: what would be created and rejected; nothing is written')
    .argument('<mapping>', 'the mapping (YAML or JSON)')
    .argument('<file>', 'the CSV or XLSX file')
    .action(async (mappingPath: string, file: string) => {
      const report = await checkTable({ file, mapping: loadMapping(mappingPath), workers: 1, onNotice: say });
      out(
        `${report.rows} rows: ${report.accepted} would be imported (${bySchema(report)}), ${report.rejected} rejected`,
      );
      printRejections(report);
    });
  mapping
    .command('suggest')
    .description('write a draft mapping for a file from its header and a sample of its rows')
    .argument('<file>', 'the CSV or XLSX file')
    .option('--out <file>', 'where to write the draft (YAML); default standard output')
    .option('--sample <n>', 'rows to look at', '200')
    .action(async (file: string, opts: { out?: string; sample: string }) => {
      const format = extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
      const events: AsyncGenerator<TableEvent> =
        format === 'xlsx' ? readXlsx(file, { file }) : readCsv(createReadStream(file), { file });
      let header: string[] = [];
      const sample: Record<string, string>[] = [];
      for await (const e of events) {
        if (e.kind === 'header') header = e.columns;
        if (e.kind === 'row') sample.push(e.values);
        if (sample.length >= Number(opts.sample)) break;
      }
      const draft = suggestMapping(header, sample, { format });
      const text = `# Draft mapping for ${file}: review every line before use.\n${mappingToYaml(draft.mapping)}`;
      if (opts.out) {
        writeFileSync(opts.out, text);
        say(`draft mapping written to ${opts.out}`);
      } else out(text.trimEnd());
      if (draft.unmapped.length > 0) say(`columns not mapped: ${draft.unmapped.join(', ')}`);
    });

  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imp
    .command('table')
    .description('import a CSV or XLSX table through a mapping')
    .argument('<file>', 'the CSV or XLSX file')
    .requiredOption('--mapping <file>', 'the mapping (YAML or JSON)')
    .requiredOption('--dataset <name>', 'the dataset to load into')
    .option('--max-errors <n>', 'stop once more rows than this are rejected')
    .option(
      '--errors <file>',
      'where to write the report of rejected rows (CSV); default under the data directory',
    )
    .option('--batch-size <n>', "rows per transaction (a resumed run keeps the first run's)", '2000')
    .action(
      async (
        file: string,
        opts: { mapping: string; dataset: string; maxErrors?: string; errors?: string; batchSize: string },
      ) => {
        const m = loadMapping(opts.mapping);
        await withHub(async (hub, config) => {
          const report = new RejectionReport(config.dataDir, opts.dataset, opts.errors, [
            'row',
            'column',
            'field',
            'reason',
          ]);
          const onReject = (r: RowError): void => {
            report.add([r.row, r.column, r.field, r.reason]);
          };
          const bar = new ProgressBar(`import ${opts.dataset}`, 'bytes');
          try {
            const result = await hub.tables.importTable(actor, {
              dataset: opts.dataset,
              file,
              mapping: m,
              batchSize: Number(opts.batchSize),
              workers: 1,
              maxErrors: opts.maxErrors === undefined ? undefined : Number(opts.maxErrors),
              onReject,
              onNotice: say,
              onProgress: (p) => {
                bar.update(
                  {
                    done: p.bytesRead,
                    total: p.totalBytes,
                    extra: `${p.accepted} rows, ${p.rejected} rejected`,
                  },
                  p.rows,
                  'rows',
                );
              },
            });
            bar.done();
            if (result.resumedAt > 0) {
              say(
                `resumed an interrupted run of this import after row ${result.resumedAt} (its rejections are in the earlier run's report)`,
              );
            }
            const rate = Math.round((result.rows - result.resumedAt) / Math.max(result.seconds, 1e-3));
            out(
              `imported ${result.accepted} rows as ${result.entities} entities (${bySchema(result)}; ${result.statements} statements) into ${opts.dataset} in ${result.seconds.toFixed(1)} s (${rate} rows/s); ${result.rejected} rows rejected`,
            );
            printRejections(result);
          } finally {
            bar.done();
            await report.close('rows');
          }
        });
      },
    );
};
