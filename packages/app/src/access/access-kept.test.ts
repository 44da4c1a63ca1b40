import type { Actor } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTwoAgencyHub, type HubFixture } from '../testing/hub-fixture.js';
import { GR_PEOPLE } from '../testing/matching-people.js';

// What a SQLite hub keeps of access between requests (tokens resolved, who shares what) must never
// outlive a write: each test reads twice (so the answer is kept), writes, and reads again.
describe.each(await testDialects())('access kept between requests on %s', (dialect) => {
  let f: HubFixture;
  beforeEach(async () => {
    f = await buildTwoAgencyHub(dialect);
  });
  afterEach(async () => {
    await f.close();
  });

  // An analyst of the Italian police with an API token, as after first sign-in.
  const analyst = async (): Promise<{ token: string; userId: string }> => {
    const issued = await f.hub.accounts.create(f.actor, {
      agency: 'police-it',
      username: 'analyst-it',
      roles: ['analyst'],
    });
    const self: Actor = {
      kind: 'user',
      userId: issued.user.id,
      agencyId: 'police-it',
      roles: ['analyst'],
    };
    await f.hub.auth.changePassword(self, issued.oneTimePassword, 'analyst-it-correct-horse-battery');
    const { token } = await f.hub.auth.createToken(self, {
      name: 'screening',
      scopes: ['data:read', 'data:search'],
      days: 1,
      purpose: 'case 2024/117',
    });
    return { token, userId: issued.user.id };
  };
  const actorOf = async (token: string): Promise<Actor | undefined> =>
    (await f.hub.auth.fromToken(token))?.actor;
  const readTwice = async (token: string): Promise<Actor> => {
    await actorOf(token);
    const actor = await actorOf(token);
    if (!actor) throw new Error('the token does not resolve');
    return actor;
  };

  it('stops a revoked token at once', async () => {
    const { token } = await analyst();
    const actor = await readTwice(token);
    const [view] = await f.hub.auth.tokens(actor);
    if (!view) throw new Error('no token listed');
    await f.hub.auth.revokeToken(actor, view.id);
    expect(await actorOf(token)).toBeUndefined();
  });

  it('applies a role taken away, and a disabled user, to the next request', async () => {
    const { token, userId } = await analyst();
    const before = await readTwice(token);
    expect(before.kind === 'user' && before.roles).toEqual(['analyst']);
    await f.hub.accounts.update(f.actor, userId, { roles: ['auditor'] });
    const demoted = await actorOf(token);
    expect(demoted?.kind === 'user' && demoted.roles).toEqual(['auditor']);
    await f.hub.accounts.update(f.actor, userId, { disabled: true });
    expect(await actorOf(token)).toBeUndefined();
  });

  it('drops a withdrawn share, or a group left, from screening at once', async () => {
    await f.load('gr-ngo', GR_PEOPLE);
    const { token } = await analyst();
    const query = {
      q: { schema: 'Person', properties: { name: ['Mohamed Ali'], birthDate: ['1985-03-02'] } },
    };
    const screenAll = async (): Promise<string[]> => {
      const actor = await readTwice(token);
      const batch = await f.hub.matching.screen(actor, 'all', query, { limit: 10 });
      return (batch.responses.q?.results ?? []).flatMap((r) => r.datasets);
    };
    expect(await screenAll()).not.toContain('gr-ngo');

    const direct = { dataset: 'gr-ngo', granteeKind: 'agency', granteeId: 'police-it' } as const;
    await f.hub.sharing.share(f.actor, direct);
    expect(await screenAll()).toContain('gr-ngo');
    await f.hub.sharing.withdraw(f.actor, direct);
    expect(await screenAll()).not.toContain('gr-ngo');
    await expect(
      f.hub.matching.screen(await readTwice(token), 'gr-ngo', query, { limit: 10 }),
    ).rejects.toMatchObject({ code: 'NotFound' });

    await f.hub.sharing.setMembership(f.actor, 'mediterranean', 'police-it', true);
    await f.hub.sharing.share(f.actor, {
      dataset: 'gr-ngo',
      granteeKind: 'group',
      granteeId: 'mediterranean',
    });
    expect(await screenAll()).toContain('gr-ngo');
    await f.hub.sharing.setMembership(f.actor, 'mediterranean', 'police-it', false);
    expect(await screenAll()).not.toContain('gr-ngo');
  });
});
