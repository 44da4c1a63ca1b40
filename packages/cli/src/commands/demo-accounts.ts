import type { Hub } from '@clew/app';
import type { Actor } from '@clew/core';
import type { WorldManifest } from '@clew/demo';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { table } from '../context.js';
import { tablesDataset } from './demo-tables.js';

/** Where the demo users' one-time passwords are written (mode 0600), under the data directory. */
export const DEMO_USERS_FILE = 'demo-users.txt';

/**
 * The demo's groups of agencies: every agency, and one task force per route, of the agencies along
 * it (EU border operations sit on all three). Agencies the manifest does not list are left out.
 */
export const DEMO_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'tf-central-med': ['it-ps', 'ng-npf', 'eu-bcg', 'fiu'],
  'tf-balkans': ['gr-hp', 'de-bka', 'eu-bcg'],
  'tf-channel': ['uk-nca', 'al-asp', 'de-bka', 'eu-bcg'],
};

/** The group of every demo agency, which the international reference lists are shared with. */
export const ALL_DEMO_AGENCIES = 'all-agencies';

/**
 * Who each demo dataset is shared with, as a real network would: reference lists with everyone,
 * police forces' cases with their route's task force, the FIU with the police force of its country,
 * the NGO with one police force it trusts. A grant never overrides markings: uk-nca's AMBER+STRICT,
 * the FIU's AMBER+STRICT and the NGO's RED victim records still never leave their agency.
 */
export const DEMO_SHARES: readonly { dataset: string; kind: 'agency' | 'group'; id: string }[] = [
  { dataset: 'intl-ref', kind: 'group', id: ALL_DEMO_AGENCIES },
  { dataset: 'it-ps', kind: 'group', id: 'tf-central-med' },
  { dataset: 'ng-npf', kind: 'group', id: 'tf-central-med' },
  { dataset: 'gr-hp', kind: 'group', id: 'tf-balkans' },
  { dataset: 'de-bka', kind: 'group', id: 'tf-balkans' },
  { dataset: 'uk-nca', kind: 'group', id: 'tf-channel' },
  { dataset: 'al-asp', kind: 'group', id: 'tf-channel' },
  { dataset: 'eu-bcg', kind: 'group', id: 'tf-central-med' },
  { dataset: 'eu-bcg', kind: 'group', id: 'tf-balkans' },
  { dataset: 'eu-bcg', kind: 'group', id: 'tf-channel' },
  { dataset: 'fiu', kind: 'agency', id: 'it-ps' },
  { dataset: 'ngo', kind: 'agency', id: 'uk-nca' },
];

/** The demo analyst of an agency. */
export const demoUsername = (agency: string): string => `${agency}.analyst`;

/**
 * After a world is loaded: its groups and sharing, and one analyst per agency whose one-time password
 * goes to `<dataDir>/demo-users.txt` (0600), never to the terminal. An analyst that already exists
 * (`clew demo reset`) gets a fresh one-time password. Returns the file's path.
 */
export const setUpDemoAccounts = async (
  hub: Hub,
  manifest: WorldManifest,
  dataDir: string,
  actor: Actor,
): Promise<string> => {
  const agencies = new Set(manifest.agencies.map((a) => a.id as string));
  const datasets = new Set((await hub.datasets.list(actor)).map((d) => d.name));
  const groups: [string, readonly string[]][] = [
    [ALL_DEMO_AGENCIES, [...agencies]],
    ...Object.entries(DEMO_GROUPS),
  ];
  for (const [group, members] of groups)
    for (const agency of members.filter((m) => agencies.has(m)))
      await hub.sharing.setMembership(actor, group, agency, true);
  // A dataset's case-system exports (`<dataset>-tables`) are shared as the dataset is.
  for (const s of DEMO_SHARES) {
    if (s.kind === 'agency' && !agencies.has(s.id)) continue;
    for (const dataset of [s.dataset, tablesDataset(s.dataset)].filter((d) => datasets.has(d)))
      await hub.sharing.share(actor, { dataset, granteeKind: s.kind, granteeId: s.id });
  }

  const existing = new Set((await hub.accounts.list(actor)).map((u) => u.username));
  const rows: string[][] = [];
  for (const a of manifest.agencies) {
    const username = demoUsername(a.id);
    const issued = existing.has(username)
      ? await hub.accounts.resetPassword(actor, username)
      : await hub.accounts.create(actor, {
          agency: a.id,
          username,
          displayName: `Demo analyst, ${a.name}`,
          roles: ['analyst'],
        });
    rows.push([username, a.id, issued.oneTimePassword]);
  }
  const path = join(dataDir, DEMO_USERS_FILE);
  const text = [
    '# Clew demo users: one analyst per demo agency, with a one-time password that must be changed',
    '# at first sign-in. Keep this file private; delete it once the passwords are changed.',
    '',
    table(['username', 'agency', 'one-time password'], rows),
    '',
  ].join('\n');
  // Written afresh, never over an existing file whose permissions might be wider.
  rmSync(path, { force: true });
  writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  return path;
};
