import { AGENCY_KINDS, type AgencyKind } from '@clew/app';
import { invalid, operatorActor, parseMarkingJson } from '@clew/core';
import type { Command } from 'commander';
import { migrateToLatest, openStore } from '@clew/store';
import { loadConfig, out, table, withHub } from '../context.js';

const actor = operatorActor();

/** `clew db migrate`, `clew agencies …`, `clew datasets …`. */
export const registerAdminCommands = (program: Command): void => {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply the database migrations (also done at every start)')
    .action(async () => {
      const config = loadConfig();
      const store = await openStore({ ...config, readonly: false });
      try {
        const results = await migrateToLatest(store.db, store.location);
        out(
          results.length === 0
            ? `${store.location}: up to date`
            : `${store.location}: applied ${results.map((r) => r.migrationName).join(', ')}`,
        );
      } finally {
        await store.close();
      }
    });

  const agencies = program
    .command('agencies')
    .description('list or create agencies (the tenants of the hub)');
  agencies
    .command('list', { isDefault: true })
    .description('list agencies')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withHub(async (hub) => {
        const list = await hub.agencies.list(actor);
        out(
          opts.json
            ? JSON.stringify(list, null, 2)
            : table(
                ['id', 'name', 'kind', 'country'],
                list.map((a) => [a.id, a.name, a.kind, a.country ?? '-']),
              ),
        );
      });
    });
  agencies
    .command('create')
    .description('create an agency')
    .argument('<id>', 'short name: lower-case letters, digits, - or _')
    .requiredOption('--name <name>', 'full name, e.g. "Polizia di Stato – Servizio Centrale Operativo"')
    .requiredOption('--kind <kind>', `one of ${AGENCY_KINDS.join(', ')}`)
    .option('--country <code>', 'ISO 3166 alpha-2 country code (none for international bodies)')
    .action(async (id: string, opts: { name: string; kind: string; country?: string }) => {
      if (!(AGENCY_KINDS as readonly string[]).includes(opts.kind)) {
        throw invalid(`--kind must be one of ${AGENCY_KINDS.join(', ')}, got "${opts.kind}"`, {
          field: 'kind',
        });
      }
      await withHub(async (hub) => {
        const a = await hub.agencies.create(actor, {
          id,
          name: opts.name,
          kind: opts.kind as AgencyKind,
          country: opts.country,
        });
        out(`created agency ${a.id} (${a.name})`);
      });
    });

  const datasets = program
    .command('datasets')
    .description('list or create datasets (collections owned by one agency)');
  datasets
    .command('list', { isDefault: true })
    .description('list datasets with their entity counts')
    .option('--agency <id>', 'only this agency’s datasets')
    .option('--json', 'print JSON')
    .action(async (opts: { agency?: string; json?: boolean }) => {
      await withHub(async (hub) => {
        const list = await hub.datasets.list(actor, opts.agency);
        const stats = new Map((await hub.datasets.stats(actor)).map((s) => [s.dataset, s]));
        if (opts.json) {
          out(
            JSON.stringify(
              list.map((d) => ({ ...d, stats: stats.get(d.name) })),
              null,
              2,
            ),
          );
          return;
        }
        out(
          table(
            ['name', 'agency', 'tlp', 'grading', 'handling', 'entities'],
            list.map((d) => [
              d.name,
              d.agency,
              d.defaults.tlp,
              `${d.defaults.sourceReliability}${d.defaults.infoAssessment}`,
              d.defaults.handling,
              String(stats.get(d.name)?.total ?? 0),
            ]),
          ),
        );
      });
    });
  datasets
    .command('create')
    .description('create a dataset owned by an agency, with the marking its statements default to')
    .argument('<name>', 'short name: lower-case letters, digits, - or _')
    .requiredOption('--agency <id>', 'the owning agency')
    .option('--label <text>', 'a readable title')
    .option('--source <text>', 'default source reference (document or case number)')
    .option('--collected <date>', 'default date collected (YYYY-MM-DD)')
    .option('--grading <XN>', 'default 4x4 grading, e.g. B2')
    .option('--handling <code>', 'default handling code H0-H3')
    .option('--conditions <text>', 'conditions of an H3 handling code')
    .option('--tlp <label>', 'default TLP: CLEAR, GREEN, AMBER, AMBER+STRICT, RED')
    .action(
      async (
        name: string,
        opts: {
          agency: string;
          label?: string;
          source?: string;
          collected?: string;
          grading?: string;
          handling?: string;
          conditions?: string;
          tlp?: string;
        },
      ) => {
        const defaults = parseMarkingJson({
          ...(opts.source !== undefined ? { source: opts.source } : {}),
          ...(opts.collected !== undefined ? { collected: opts.collected } : {}),
          ...(opts.grading !== undefined ? { grading: opts.grading } : {}),
          ...(opts.handling !== undefined ? { handling: opts.handling } : {}),
          ...(opts.conditions !== undefined ? { conditions: opts.conditions } : {}),
          ...(opts.tlp !== undefined ? { tlp: opts.tlp } : {}),
        });
        await withHub(async (hub) => {
          const d = await hub.datasets.create(actor, {
            name,
            agency: opts.agency,
            label: opts.label,
            defaults,
          });
          out(
            `created dataset ${d.name} (agency ${d.agency}, default ${d.defaults.tlp}, ${d.defaults.sourceReliability}${d.defaults.infoAssessment}, ${d.defaults.handling})`,
          );
        });
      },
    );
};
