import type { HitView } from '@clew/app';
import { invalid, operatorActor } from '@clew/core';
import type { Command } from 'commander';
import { out, say, table, withHub } from '../context.js';

const actor = operatorActor();

const row = (h: HitView): string[] => [
  h.reference,
  h.status + (h.overdue ? ' (overdue)' : ''),
  h.score.toFixed(3),
  `${h.side === 'owner' ? 'asked by' : 'owned by'} ${h.otherAgency}`,
  `${h.ageHours} h`,
  h.dueAt ?? '-',
  h.id,
];

const show = (h: HitView): string =>
  [
    `${h.reference}  ${h.status}${h.overdue ? ' (overdue)' : ''}  score ${h.score.toFixed(3)}`,
    `  ${h.side === 'owner' ? 'asked by' : 'owned by'} ${h.otherAgency}; raised ${h.createdAt} (${h.ageHours} h ago)` +
      (h.dueAt ? `, answer due ${h.dueAt}` : ''),
    `  record: ${h.yourEntity}`,
    ...(h.theirRecord
      ? [
          '  their record (as far as its markings allow):',
          ...h.theirRecord.map((s) => `    ${s.prop}: ${s.value}`),
        ]
      : []),
    ...(h.released
      ? [
          '  released:',
          ...h.released.map(
            (s) =>
              `    ${s.prop}: ${s.value}  [${s.grading} ${s.handling}${s.handlingConditions ? `: ${s.handlingConditions}` : ''}]`,
          ),
        ]
      : []),
    ...(h.declineReason ? [`  declined: ${h.declineReason}`] : []),
  ].join('\n');

/** `clew hits …`: hit/no-hit notices between agencies, answered from the hub machine. */
export const registerHitsCommands = (program: Command): void => {
  const hits = program
    .command('hits')
    .description('hit/no-hit notices between agencies: list, show, release, decline');
  hits
    .command('list')
    .description('every notice, newest first')
    .option('--status <status>', 'open, released or declined')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: string; limit: string; json?: boolean }) => {
      await withHub(async (hub) => {
        const list = await hub.hits.list(actor, { status: opts.status, limit: Number(opts.limit) });
        out(
          opts.json
            ? JSON.stringify(list, null, 2)
            : table(['reference', 'status', 'score', 'other agency', 'age', 'due', 'id'], list.map(row)),
        );
      });
    });
  hits
    .command('show')
    .argument('<id>', 'the notice id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withHub(async (hub) => {
        const h = await hub.hits.get(actor, id);
        out(opts.json ? JSON.stringify(h, null, 2) : show(h));
      });
    });
  hits
    .command('release')
    .description('release the owner’s record to the asker, under a handling code')
    .argument('<id>', 'the notice id')
    .requiredOption('--handling <code>', 'H0, H1, H2 or H3 (H3 needs --conditions)')
    .option('--conditions <text>', 'the conditions of H3')
    .option('--statements <ids>', 'only these statement ids, comma-separated (default: all)')
    .action(async (id: string, opts: { handling: string; conditions?: string; statements?: string }) => {
      await withHub(async (hub) => {
        const statements = opts.statements
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const h = await hub.hits.release(actor, id, {
          handling: opts.handling,
          conditions: opts.conditions,
          statements,
        });
        say(`released ${h.reference} to ${h.otherAgency}`);
      });
    });
  hits
    .command('decline')
    .argument('<id>', 'the notice id')
    .requiredOption('--reason <text>', 'why (the asker reads it)')
    .action(async (id: string, opts: { reason: string }) => {
      await withHub(async (hub) => {
        const h = await hub.hits.decline(actor, id, opts.reason);
        say(`declined ${h.reference}`);
      });
    });
  hits
    .command('sync')
    .description('raise notices for a dataset’s cross-agency matches (imports do this themselves)')
    .argument('<dataset>', 'the asking dataset')
    .action(async (dataset: string) => {
      await withHub(async (hub) => {
        say(`${await hub.hits.sync(dataset)} new notice(s)`);
      });
    });
  hits
    .command('deadline')
    .description('how many hours an agency gives itself to answer notices')
    .argument('<agency>', 'the agency')
    .argument('<hours>', 'hours, or "none"')
    .action(async (agency: string, hours: string) => {
      const value = hours === 'none' ? null : Number(hours);
      if (value !== null && !Number.isInteger(value))
        throw invalid(`"${hours}" is not a whole number of hours`);
      await withHub((hub) => hub.hits.setDeadline(actor, agency, value));
      say(value === null ? `${agency} has no deadline` : `${agency} answers within ${value} h`);
    });
};
