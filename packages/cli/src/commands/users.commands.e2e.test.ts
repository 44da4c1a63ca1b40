import { openHub } from '@clew/app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runClew, type ClewRun } from '../testing/built-cli.js';

// The built command line on a fresh SQLite hub; passwords it prints are tried against the hub itself.
// Each run starts a process (seconds on a loaded machine), hence the long timeouts.
const slow = { timeout: 480_000 };

let dataDir: string;
const run = (...args: string[]): ClewRun => runClew(dataDir, ...args);

const passwordIn = (stdout: string): string => {
  const m = /^one-time password: (\S+)$/m.exec(stdout);
  if (!m?.[1]) throw new Error(`no one-time password in: ${stdout}`);
  return m[1];
};

/** Whether the hub accepts this username and password (the CLI has exited, so the store is free). */
const signsIn = async (username: string, password: string): Promise<boolean> => {
  const hub = await openHub({ dataDir, databaseUrl: undefined });
  try {
    const grant = await hub.auth.signIn({ username, password });
    return grant.user.username === username;
  } catch {
    return false;
  } finally {
    await hub.close();
  }
};

beforeAll(() => {
  requireBuiltCli();
  dataDir = mkdtempSync(join(tmpdir(), 'clew-users-'));
  for (const [id, kind, country] of [
    ['police-it', 'police', 'it'],
    ['police-gr', 'police', 'gr'],
    ['ngo-x', 'ngo', 'gb'],
  ] as const)
    expect(run('agencies', 'create', id, '--name', id, '--kind', kind, '--country', country).code).toBe(0);
  expect(run('datasets', 'create', 'it-cases', '--agency', 'police-it').code).toBe(0);
  expect(run('datasets', 'create', 'it-secret', '--agency', 'police-it', '--tlp', 'RED').code).toBe(0);
}, slow.timeout);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('clew users', () => {
  it('adds a user before any server ran, printing a one-time password that signs in once', slow, async () => {
    const added = run('users', 'add', 'Anna', '--agency', 'police-it', '--roles', 'analyst, investigator');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('created user anna (agency police-it, roles analyst, investigator)');
    expect(added.stdout).toContain('anna must change it at first sign-in.');
    expect(await signsIn('anna', passwordIn(added.stdout))).toBe(true);
    const boss = run('users', 'add', 'boss', '--agency', 'police-it', '--roles', 'agency-admin');
    expect(boss.stdout).toContain('then enrol a TOTP second factor');
    const list = run('users', 'list', '--agency', 'police-it');
    expect(list.stdout.split('\n').slice(2)).toEqual([
      'anna      police-it  analyst,investigator  anna  must change password',
      'boss      police-it  agency-admin          boss  must change password',
      '',
    ]);
  });

  it('refuses unknown roles, taken names and unknown agencies with one clear line', slow, () => {
    const role = run('users', 'add', 'bob', '--agency', 'police-it', '--roles', 'analyst,chief');
    expect([role.code, role.stderr]).toEqual([2, 'clew: unknown role "chief"\n']);
    const taken = run('users', 'add', 'ANNA', '--agency', 'police-it', '--roles', 'analyst');
    expect([taken.code, taken.stderr]).toEqual([1, 'clew: username "anna" is taken\n']);
    const agency = run('users', 'add', 'bob', '--agency', 'nowhere', '--roles', 'analyst');
    expect([agency.code, agency.stderr]).toEqual([1, 'clew: no agency "nowhere"\n']);
    const nothing = run('users', 'update', 'anna');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to change');
  });

  it('disables and enables users, changes roles, and resets passwords', slow, async () => {
    const disabled = run('users', 'update', 'anna', '--disable');
    expect(disabled.stdout).toBe('updated user anna: roles analyst, investigator, disabled\n');
    expect(run('users', 'list', '--json').stdout).toContain('"disabled": true');
    const enabled = run('users', 'update', 'anna', '--enable', '--roles', 'analyst');
    expect(enabled.stdout).toBe('updated user anna: roles analyst, enabled\n');
    const reset = run('users', 'reset-password', 'anna');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('new password for anna');
    expect(await signsIn('anna', passwordIn(reset.stdout))).toBe(true);
    const missing = run('users', 'reset-password', 'nobody');
    expect([missing.code, missing.stderr]).toEqual([1, 'clew: user not found\n']);
  });
});

describe('clew groups and clew sharing', () => {
  it('groups agencies, shares a dataset with a group or an agency, and withdraws it', slow, () => {
    expect(run('groups', 'add', 'tf-med', 'police-it').code).toBe(0);
    expect(run('groups', 'add', 'tf-med', 'police-gr').stdout).toBe('agency police-gr is in group tf-med\n');
    expect(run('groups', 'list').stdout).toContain('tf-med  police-gr, police-it');
    expect(run('sharing', 'show', 'it-cases').stdout).toBe(
      'it-cases (agency police-it) is shared with no other agency\n',
    );
    expect(run('sharing', 'grant', 'it-cases', '--group', 'tf-med').code).toBe(0);
    const both = run('sharing', 'grant', 'it-cases', '--agency', 'ngo-x');
    expect(both.stdout).toBe('it-cases (agency police-it) is shared with agency ngo-x, group tf-med\n');
    const json = JSON.parse(run('sharing', 'show', 'it-cases', '--json').stdout) as { grants: unknown[] };
    expect(json.grants).toEqual([
      { kind: 'agency', id: 'ngo-x' },
      { kind: 'group', id: 'tf-med' },
    ]);
    expect(run('sharing', 'withdraw', 'it-cases', '--agency', 'ngo-x').stdout).toBe(
      'it-cases (agency police-it) is shared with group tf-med\n',
    );
    const again = run('sharing', 'withdraw', 'it-cases', '--agency', 'ngo-x');
    expect([again.code, again.stderr]).toEqual([1, 'clew: "it-cases" is not shared with agency "ngo-x"\n']);
    expect(run('groups', 'remove', 'tf-med', 'police-gr').code).toBe(0);
    expect(run('groups', 'remove', 'tf-med', 'police-gr').stderr).toBe(
      'clew: agency police-gr is not in group tf-med\n',
    );
  });

  it('says when markings keep a shared dataset at home, and needs exactly one grantee', slow, () => {
    const red = run('sharing', 'grant', 'it-secret', '--agency', 'ngo-x');
    expect(red.code).toBe(0);
    expect(red.stderr).toContain('TLP:RED, which never leaves agency police-it');
    for (const args of [['--agency', 'ngo-x', '--group', 'tf-med'], []]) {
      const bad = run('sharing', 'grant', 'it-cases', ...args);
      expect([bad.code, bad.stderr]).toEqual([
        2,
        'clew: give exactly one of --agency AGENCY or --group GROUP\n',
      ]);
    }
    const group = run('sharing', 'grant', 'it-cases', '--group', 'nope');
    expect([group.code, group.stderr]).toEqual([1, 'clew: no group "nope"\n']);
    expect(run('sharing', 'show', 'nope').stderr).toBe('clew: no dataset "nope"\n');
  });
});
