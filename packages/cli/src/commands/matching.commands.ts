import {
  explanationSummary,
  type EntityExample,
  type Hub,
  type ScreeningBatch,
  type Verdict,
} from '@clew/app';
import { invalid, operatorActor, unavailable } from '@clew/core';
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { out, say, table, withHub } from '../context.js';
import { ProgressBar } from '../progress.js';
import { csvRow, queriesFromCsv, QUERY_COLUMNS } from './screen-csv.js';

const actor = operatorActor();

/** Queries sent to the service at once (the API's limit per call). */
const SCREEN_BATCH = 1000;

const number = (name: string, raw: string, min: number, max: number, integer = true): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    throw invalid(
      `--${name} must be a ${integer ? 'whole ' : ''}number from ${min} to ${max}, got "${raw}"`,
      {
        field: name,
      },
    );
  return n;
};

const VERDICT_NAMES: readonly Verdict[] = ['same', 'not-same', 'unsure'];

const readText = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw unavailable(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, { file });
  }
};

interface ScreenFlags {
  name?: string[];
  birthDate?: string[];
  nationality?: string[];
  document?: string[];
  phone?: string[];
  email?: string[];
  input?: string;
  output?: string;
  dataset: string;
  limit: string;
  threshold?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** One query from flags; Invalid when no flag gives a value. */
const queryFromFlags = (o: ScreenFlags): EntityExample => {
  const properties: Record<string, string[]> = {};
  const put = (prop: string, values: string[] | undefined): void => {
    if (values && values.length > 0) properties[prop] = values;
  };
  put('name', o.name);
  put('birthDate', o.birthDate);
  put('nationality', o.nationality);
  put('passportNumber', o.document);
  put('phone', o.phone);
  put('email', o.email);
  if (Object.keys(properties).length === 0)
    throw invalid(
      'give --input FILE, or at least one of --name, --birth-date, --nationality, --document, --phone, --email',
    );
  return { schema: 'Person', properties };
};

/** Screen queries in batches, with a progress bar for files. */
const screenAll = async (
  hub: Hub,
  queries: readonly [string, EntityExample][],
  o: ScreenFlags,
): Promise<ScreeningBatch['responses']> => {
  const limit = number('limit', o.limit, 1, 500);
  const threshold = o.threshold === undefined ? undefined : number('threshold', o.threshold, 0, 1, false);
  const responses: ScreeningBatch['responses'] = {};
  const bar = new ProgressBar('screen', 'queries');
  for (let i = 0; i < queries.length; i += SCREEN_BATCH) {
    const batch = Object.fromEntries(queries.slice(i, i + SCREEN_BATCH));
    Object.assign(
      responses,
      (await hub.matching.screen(actor, o.dataset, batch, { limit, threshold })).responses,
    );
    bar.update(
      { done: Math.min(i + SCREEN_BATCH, queries.length), total: queries.length, extra: '' },
      i,
      'queries',
    );
  }
  bar.done();
  return responses;
};

/** `clew xref`, `clew matches`, `clew judge`, `clew screen`. */
export const registerMatchingCommands = (program: Command): void => {
  program
    .command('xref')
    .description('re-match a whole dataset against the hub (its unjudged candidates are replaced)')
    .argument('<dataset>', 'the dataset to re-match')
    .action(async (dataset: string) => {
      await withHub(async (hub) => {
        const bar = new ProgressBar(`xref ${dataset}`, 'records');
        const r = await hub.matching.xref(actor, dataset, (done, total) => {
          bar.update({ done, total, extra: '' }, done, 'records');
        });
        bar.done();
        out(
          `${dataset}: ${r.records} records matched in ${r.seconds.toFixed(1)} s, ${r.candidates} candidates`,
        );
      });
    });
  program
    .command('matches')
    .description('candidate matches, best score first')
    .option('--dataset <name>', 'only candidates with a record in this dataset')
    .option('--status <status>', 'new, same, not-same or unsure')
    .option('--min-score <p>', 'only candidates scoring at least this (0 to 1)')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        dataset?: string;
        status?: string;
        minScore?: string;
        limit: string;
        offset: string;
        json?: boolean;
      }) => {
        const statuses = ['new', ...VERDICT_NAMES] as const;
        const status = statuses.find((s) => s === o.status);
        if (o.status !== undefined && status === undefined)
          throw invalid(`--status must be one of ${statuses.join(', ')}, got "${o.status}"`, {
            field: 'status',
          });
        await withHub(
          async (hub) => {
            const page = await hub.matching.candidates(actor, {
              dataset: o.dataset,
              status,
              minScore: o.minScore === undefined ? undefined : number('min-score', o.minScore, 0, 1, false),
              limit: number('limit', o.limit, 1, 10_000),
              offset: number('offset', o.offset, 0, Number.MAX_SAFE_INTEGER),
            });
            if (o.json) {
              out(JSON.stringify(page, null, 2));
              return;
            }
            out(
              table(
                ['score', 'status', 'a', 'a dataset', 'b', 'b dataset', 'why'],
                page.results.map((c) => [
                  c.score.toFixed(3),
                  c.status,
                  `${c.a.caption} ${c.a.id}`,
                  c.a.dataset,
                  `${c.b.caption} ${c.b.id}`,
                  c.b.dataset,
                  explanationSummary(c.explanation, 3),
                ]),
              ),
            );
            say(`${page.results.length} of ${page.total}`);
          },
          { readonly: true },
        );
      },
    );
  program
    .command('judge')
    .description('judge a pair of entities: same, not-same (also splits an identity) or unsure')
    .argument('<a>', 'entity id')
    .argument('<b>', 'entity id')
    .argument('<verdict>', 'same, not-same or unsure')
    .requiredOption('--reason <text>', 'why (kept with who and when)')
    .action(async (a: string, b: string, verdict: string, o: { reason: string }) => {
      const v = VERDICT_NAMES.find((x) => x === verdict);
      if (v === undefined)
        throw invalid(`verdict must be one of ${VERDICT_NAMES.join(', ')}, got "${verdict}"`, {
          field: 'verdict',
        });
      await withHub(async (hub) => {
        const j = await hub.matching.judge(actor, a, b, v, o.reason);
        const identity = await hub.matching.identity(actor, a);
        out(`judged ${j.verdict} (${j.id}); ${a} is now one of ${identity.members.length} in its identity`);
      });
    });
  program
    .command('screen')
    .description('screen people by example: one from flags, or a CSV of queries into a CSV of results')
    .option('--name <name>', 'a name (repeatable)', collect)
    .option('--birth-date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD (repeatable)', collect)
    .option('--nationality <code>', 'a country code (repeatable)', collect)
    .option('--document <number>', 'a passport or ID number (repeatable)', collect)
    .option('--phone <number>', 'a phone number (repeatable)', collect)
    .option('--email <address>', 'an e-mail address (repeatable)', collect)
    .option('--input <file>', `a CSV of queries, columns key, ${Object.keys(QUERY_COLUMNS).join(', ')}`)
    .option('--output <file>', 'where to write the results CSV (default stdout)')
    .option('--dataset <name>', 'a dataset, or all', 'all')
    .option('--limit <n>', 'results per query', '5')
    .option('--threshold <p>', 'score from which a result is a match (default the model’s)')
    .option('--json', 'print JSON (one query)')
    .action(async (o: ScreenFlags) => {
      const queries: [string, EntityExample][] =
        o.input === undefined ? [['query', queryFromFlags(o)]] : queriesFromCsv(readText(o.input), o.input);
      await withHub(
        async (hub) => {
          const responses = await screenAll(hub, queries, o);
          if (o.input === undefined && o.output === undefined) {
            const r = responses.query;
            if (o.json) out(JSON.stringify(r, null, 2));
            else
              out(
                table(
                  ['rank', 'score', 'match', 'caption', 'id', 'datasets', 'why'],
                  (r?.results ?? []).map((x, i) => [
                    String(i + 1),
                    x.score.toFixed(3),
                    x.match ? 'yes' : '',
                    x.caption,
                    x.id,
                    x.datasets.join(' '),
                    explanationSummary(x.explanation),
                  ]),
                ),
              );
            return;
          }
          const lines = [
            csvRow(['query', 'rank', 'score', 'match', 'id', 'caption', 'schema', 'datasets', 'explanation']),
          ];
          for (const [key] of queries)
            (responses[key]?.results ?? []).forEach((x, i) => {
              lines.push(
                csvRow([
                  key,
                  i + 1,
                  x.score.toFixed(4),
                  x.match ? 'true' : 'false',
                  x.id,
                  x.caption,
                  x.schema,
                  x.datasets.join(' '),
                  explanationSummary(x.explanation),
                ]),
              );
            });
          const text = `${lines.join('\n')}\n`;
          if (o.output === undefined) process.stdout.write(text);
          else {
            writeFileSync(o.output, text);
            say(`${queries.length} queries, ${lines.length - 1} results written to ${o.output}`);
          }
        },
        { readonly: true },
      );
    });
};
