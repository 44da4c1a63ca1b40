import { openHub, type AgencyKind, type Hub } from '@clew/app';
import { operatorActor, type Actor } from '@clew/core';
import type { WorldManifest } from '@clew/demo';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS_FILE, setUpDemoAccounts } from './demo-accounts.js';

const operator = operatorActor();

// A few of the demo's agencies (eu-bcg left out: groups skip agencies a world does not have).
const AGENCIES: [string, AgencyKind][] = [
  ['it-ps', 'police'],
  ['ng-npf', 'police'],
  ['uk-nca', 'police'],
  ['fiu', 'fiu'],
  ['ngo', 'ngo'],
  ['intl-ref', 'international'],
];

const manifest = {
  format: 'clew-demo-world',
  version: 1,
  seed: '1',
  people: 0,
  groups: 0,
  noise: 0,
  agencies: AGENCIES.map(([id, kind]) => ({
    id,
    name: `${id} (demo)`,
    kind,
    country: 'zz',
    defaultMarking: {},
  })),
  datasets: AGENCIES.map(([id]) => ({ name: id, agency: id, files: [] })),
  truth: [],
} as unknown as WorldManifest;

/** username → one-time password, as the file lists them. */
const passwordsIn = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter((l) => l.includes('.analyst '))
      .map((l) => l.split(/\s+/))
      .map((cells) => [cells[0] ?? '', cells[2] ?? '']),
  );

const analyst = async (hub: Hub, agency: string): Promise<Actor> => {
  const row = await hub.store.accounts.userByName(`${agency}.analyst`);
  if (!row) throw new Error(`no analyst for ${agency}`);
  return { kind: 'user', userId: row.id, agencyId: agency, roles: ['analyst'] };
};

describe('the demo world’s users and sharing', () => {
  let dataDir: string;
  let hub: Hub;
  let file: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'clew-demo-accounts-'));
    hub = await openHub({ dataDir, databaseUrl: undefined });
    for (const [id, kind] of AGENCIES) {
      await hub.agencies.create(operator, { id, name: id, kind, country: undefined });
      await hub.datasets.create(operator, { name: id, agency: id, defaults: {} });
    }
    await hub.datasets.create(operator, { name: 'it-ps-tables', agency: 'it-ps', defaults: {} });
    file = await setUpDemoAccounts(hub, manifest, dataDir, operator);
  }, 120_000);
  afterAll(async () => {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('groups the agencies it has: everyone, and the task force of their route', async () => {
    expect(await hub.sharing.groups(operator)).toEqual([
      { group: 'all-agencies', agencies: ['fiu', 'intl-ref', 'it-ps', 'ng-npf', 'ngo', 'uk-nca'] },
      { group: 'tf-central-med', agencies: ['fiu', 'it-ps', 'ng-npf'] },
      { group: 'tf-channel', agencies: ['uk-nca'] },
    ]);
  });

  it('shares reference lists with everyone, police cases with the route, the NGO with one force', async () => {
    const grants = async (d: string): Promise<string[]> =>
      (await hub.sharing.get(operator, d)).grants.map((g) => `${g.kind}:${g.id}`);
    expect(await grants('intl-ref')).toEqual(['group:all-agencies']);
    expect(await grants('it-ps')).toEqual(['group:tf-central-med']);
    expect(await grants('it-ps-tables')).toEqual(['group:tf-central-med']);
    expect(await grants('fiu')).toEqual(['agency:it-ps']);
    expect(await grants('ngo')).toEqual(['agency:uk-nca']);
    const readable = async (agency: string): Promise<string[]> =>
      (await hub.datasets.list(await analyst(hub, agency))).map((d) => d.name).sort();
    expect(await readable('ng-npf')).toEqual(['intl-ref', 'it-ps', 'it-ps-tables', 'ng-npf']);
    expect(await readable('uk-nca')).toEqual(['intl-ref', 'ngo', 'uk-nca']);
    expect(await readable('ngo')).toEqual(['intl-ref', 'ngo']);
  });

  it('writes one analyst per agency to a file only the operator can read, and each password works', async () => {
    expect(file).toBe(join(dataDir, DEMO_USERS_FILE));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const passwords = passwordsIn(readFileSync(file, 'utf8'));
    expect([...passwords.keys()].sort()).toEqual(AGENCIES.map(([id]) => `${id}.analyst`).sort());
    const grant = await hub.auth.signIn({
      username: 'ngo.analyst',
      password: passwords.get('ngo.analyst') ?? '',
    });
    expect(grant.user).toMatchObject({ agency: 'ngo', roles: ['analyst'], mustChangePassword: true });
  });

  it('on a reload, gives the same analysts new passwords instead of failing', async () => {
    const before = passwordsIn(readFileSync(file, 'utf8'));
    await setUpDemoAccounts(hub, manifest, dataDir, operator);
    const after = passwordsIn(readFileSync(file, 'utf8'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(after.get('it-ps.analyst')).not.toBe(before.get('it-ps.analyst'));
    await expect(
      hub.auth.signIn({ username: 'it-ps.analyst', password: before.get('it-ps.analyst') ?? '' }),
    ).rejects.toThrow('invalid username, password or code');
    const grant = await hub.auth.signIn({
      username: 'it-ps.analyst',
      password: after.get('it-ps.analyst') ?? '',
    });
    expect(grant.user.username).toBe('it-ps.analyst');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 60_000);
});
