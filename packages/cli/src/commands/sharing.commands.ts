import type { DatasetSharingView, Hub } from '@clew/app';
import { ClewError, invalid, operatorActor } from '@clew/core';
import type { ShareGrant } from '@clew/store';
import type { Command } from 'commander';
import { out, say, table, withHub } from '../context.js';

const actor = operatorActor();
const readonly = { readonly: true };

interface GranteeOptions {
  agency?: string;
  group?: string;
}

/** Exactly one of --agency and --group. */
const grantOf = (dataset: string, opts: GranteeOptions): ShareGrant => {
  if ((opts.agency === undefined) === (opts.group === undefined))
    throw invalid('give exactly one of --agency AGENCY or --group GROUP');
  return opts.agency !== undefined
    ? { dataset, granteeKind: 'agency', granteeId: opts.agency }
    : { dataset, granteeKind: 'group', granteeId: opts.group ?? '' };
};

const describeSharing = (v: DatasetSharingView): string =>
  v.grants.length === 0
    ? `${v.dataset} (agency ${v.owner}) is shared with no other agency`
    : `${v.dataset} (agency ${v.owner}) is shared with ${v.grants.map((g) => `${g.kind} ${g.id}`).join(', ')}`;

/** A grant never overrides markings: say so when the dataset's default TLP keeps its data at home. */
const warnIfMarkingsKeepHome = async (hub: Hub, dataset: string): Promise<void> => {
  const d = await hub.datasets.get(actor, dataset);
  if (d.defaults.tlp === 'RED' || d.defaults.tlp === 'AMBER+STRICT')
    say(
      `note: ${dataset}'s statements default to TLP:${d.defaults.tlp}, which never leaves agency ${d.agency}; ` +
        'only statements marked otherwise will be seen by the grantees',
    );
};

/** `clew sharing show|grant|withdraw` and `clew groups list|add|remove`. */
export const registerSharingCommands = (program: Command): void => {
  const sharing = program
    .command('sharing')
    .description('which agencies and groups may read a dataset, besides its own agency');
  sharing
    .command('show')
    .description('who a dataset is shared with')
    .argument('<dataset>', 'the dataset')
    .option('--json', 'print JSON')
    .action(async (dataset: string, opts: { json?: boolean }) => {
      await withHub(async (hub) => {
        const v = await hub.sharing.get(actor, dataset);
        out(opts.json ? JSON.stringify(v, null, 2) : describeSharing(v));
      }, readonly);
    });
  for (const [verb, description] of [
    ['grant', 'share a dataset with an agency or a group (RED and AMBER+STRICT data never leave)'],
    ['withdraw', 'withdraw a share (applies to the next request)'],
  ] as const) {
    sharing
      .command(verb)
      .description(description)
      .argument('<dataset>', 'the dataset')
      .option('--agency <id>', 'an agency')
      .option('--group <name>', 'a group of agencies (see clew groups)')
      .action(async (dataset: string, opts: GranteeOptions) => {
        const grant = grantOf(dataset, opts);
        await withHub(async (hub) => {
          if (verb === 'grant') {
            out(describeSharing(await hub.sharing.share(actor, grant)));
            await warnIfMarkingsKeepHome(hub, dataset);
          } else {
            out(describeSharing(await hub.sharing.withdraw(actor, grant)));
          }
        });
      });
  }

  const groups = program.command('groups').description('named groups of agencies to share datasets with');
  groups
    .command('list', { isDefault: true })
    .description('list groups and their agencies')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withHub(async (hub) => {
        const list = await hub.sharing.groups(actor);
        out(
          opts.json
            ? JSON.stringify(list, null, 2)
            : table(
                ['group', 'agencies'],
                list.map((g) => [g.group, g.agencies.join(', ')]),
              ),
        );
      }, readonly);
    });
  groups
    .command('add')
    .description('add an agency to a group (creating the group)')
    .argument('<group>', '2 to 63 characters of a-z, 0-9 and "-"')
    .argument('<agency>', 'the agency')
    .action(async (group: string, agency: string) => {
      await withHub(async (hub) => {
        await hub.sharing.setMembership(actor, group, agency, true);
        out(`agency ${agency} is in group ${group}`);
      });
    });
  groups
    .command('remove')
    .description('remove an agency from a group (datasets shared with the group stop reaching it)')
    .argument('<group>', 'the group')
    .argument('<agency>', 'the agency')
    .action(async (group: string, agency: string) => {
      await withHub(async (hub) => {
        const before = await hub.sharing.groups(actor);
        if (!before.some((g) => g.group === group && g.agencies.includes(agency)))
          throw new ClewError('NotFound', `agency ${agency} is not in group ${group}`, { field: 'group' });
        await hub.sharing.setMembership(actor, group, agency, false);
        out(`agency ${agency} is no longer in group ${group}`);
      });
    });
};
