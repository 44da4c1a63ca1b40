import { ROLE_PERMISSIONS, ROLES, ROLES_REQUIRING_TOTP, type Role } from '@clew/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's roles table is read by administrators deciding who gets what: it must say what the
// policy's table says.
const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

const rows = new Map(
  [...README.matchAll(/^\| `([a-z-]+)` +\| (.+?) +\| +(required)? *\|$/gm)].map((m) => [
    m[1] ?? '',
    { may: m[2] ?? '', totp: m[3] === 'required' },
  ]),
);

/** The permissions a cell names: its own, plus those of a role it starts from ("analyst's, and …"). */
const permissionsIn = (cell: string): string[] => {
  const base = /^([a-z-]+)'s, and /.exec(cell)?.[1];
  const own = [...cell.matchAll(/`([a-z]+:[a-z-]+)`/g)].map((m) => m[1] ?? '');
  const inherited = base === undefined ? [] : permissionsIn(rows.get(base)?.may ?? '');
  return [...inherited, ...own].sort();
};

describe('the README’s roles table', () => {
  it.each(ROLES.map((r) => [r]))('says what %s may do and whether it needs a second factor', (role: Role) => {
    const row = rows.get(role);
    expect(row).toBeDefined();
    expect(permissionsIn(row?.may ?? '')).toEqual([...ROLE_PERMISSIONS[role]].sort());
    expect(row?.totp).toBe(ROLES_REQUIRING_TOTP.includes(role));
  });
});
