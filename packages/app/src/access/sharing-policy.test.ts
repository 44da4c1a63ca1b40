import { operatorActor } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHub, buildUser, linesOf, type HubFixture } from '../testing/hub-fixture.js';

const user = buildUser;

// it-cases belongs to police-it; `clew` markings override the dataset default (AMBER) per value.
const FILE = [
  JSON.stringify({
    id: 'p1',
    schema: 'Person',
    properties: { name: ['Open Name'], birthDate: ['1980-01-01'] },
    clew: { properties: { birthDate: { tlp: 'RED' } } },
  }),
  JSON.stringify({
    id: 'p2',
    schema: 'Person',
    properties: { name: ['Secret Name'] },
    clew: { marking: { tlp: 'RED' } },
  }),
  JSON.stringify({
    id: 'p3',
    schema: 'Person',
    properties: { name: ['Strict Name'] },
    clew: { marking: { tlp: 'AMBER+STRICT', handling: 'H2' } },
  }),
];

const dialects = await testDialects();

describe.each(dialects)('the sharing policy on every read path (%s)', (dialect) => {
  let f: HubFixture;
  afterEach(() => f.close());

  const setup = async (): Promise<{ ids: string[] }> => {
    f = await buildHub(dialect);
    const op = operatorActor();
    for (const [id, country] of [
      ['police-fr', 'fr'],
      ['police-de', 'de'],
    ] as const) {
      await f.hub.agencies.create(op, { id, name: id, kind: 'police', country });
    }
    await f.hub.ftm.importFtm(op, { dataset: 'it-cases', fileName: 'it.jsonl', open: linesOf(FILE) });
    const page = await f.hub.entities.list(op, { limit: 10, offset: 0 });
    return { ids: page.results.map((e) => e.id) };
  };

  it('shows an agency its own data whole, RED and AMBER+STRICT included', async () => {
    await setup();
    const page = await f.hub.entities.list(user('police-it'), { limit: 10, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.results.flatMap((e) => e.properties.name ?? [])).toEqual([
      'Open Name',
      'Secret Name',
      'Strict Name',
    ]);
  });

  it('shows nothing of a dataset that is not shared, exactly as if it did not exist', async () => {
    const { ids } = await setup();
    const fr = user('police-fr');
    expect(await f.hub.datasets.list(fr)).toEqual([]);
    expect(await f.hub.datasets.stats(fr)).toEqual([]);
    expect((await f.hub.entities.list(fr, { limit: 10, offset: 0 })).total).toBe(0);
    const hidden = await f.hub.entities.get(fr, ids[0] ?? '').catch((e: unknown) => e);
    const missing = await f.hub.entities.get(fr, 'no-such-id').catch((e: unknown) => e);
    expect(hidden).toEqual(missing);
    const hiddenDs = await f.hub.datasets.get(fr, 'it-cases').catch((e: unknown) => e);
    const missingDs = await f.hub.datasets.get(fr, 'no-such').catch((e: unknown) => e);
    expect(String(hiddenDs).replace('it-cases', 'X')).toBe(String(missingDs).replace('no-such', 'X'));
  });

  it('shares only statements that may leave the agency, in lists, counts, gets and statements', async () => {
    const { ids } = await setup();
    await f.hub.sharing.share(operatorActor(), {
      dataset: 'it-cases',
      granteeKind: 'agency',
      granteeId: 'police-fr',
    });
    const fr = user('police-fr');
    const page = await f.hub.entities.list(fr, { limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.results.map((e) => e.properties)).toEqual([{ name: ['Open Name'] }]);
    expect((await f.hub.datasets.stats(fr))[0]).toMatchObject({ dataset: 'it-cases', total: 1 });
    const statements = await f.hub.entities.statements(fr, ids[0] ?? '');
    expect(statements.map((s) => s.value)).toEqual(['Open Name']);
    for (const id of ids.slice(1)) {
      await expect(f.hub.entities.get(fr, id)).rejects.toThrow('entity not found');
      await expect(f.hub.entities.statements(fr, id)).rejects.toThrow('entity not found');
    }
    // Another agency still sees nothing; the owner still sees everything.
    expect((await f.hub.entities.list(user('police-de'), { limit: 10, offset: 0 })).total).toBe(0);
    expect((await f.hub.entities.list(user('police-it'), { limit: 10, offset: 0 })).total).toBe(3);
  });

  it('shares through groups, and a withdrawal applies to the next request', async () => {
    await setup();
    const op = operatorActor();
    await f.hub.sharing.setMembership(op, 'balkan-route', 'police-de', true);
    await f.hub.sharing.share(op, { dataset: 'it-cases', granteeKind: 'group', granteeId: 'balkan-route' });
    const de = user('police-de');
    expect((await f.hub.entities.list(de, { limit: 10, offset: 0 })).total).toBe(1);
    await f.hub.sharing.setMembership(op, 'balkan-route', 'police-de', false);
    expect((await f.hub.entities.list(de, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('gives roles without data:read no data, and lets only the owner’s managers share', async () => {
    await setup();
    await f.hub.sharing.share(operatorActor(), {
      dataset: 'it-cases',
      granteeKind: 'agency',
      granteeId: 'police-fr',
    });
    expect((await f.hub.entities.list(user('police-it', ['auditor']), { limit: 10, offset: 0 })).total).toBe(
      0,
    );
    expect(
      (await f.hub.entities.list(user('police-fr', ['hub-admin']), { limit: 10, offset: 0 })).total,
    ).toBe(0);
    const grant = { dataset: 'it-cases', granteeKind: 'agency', granteeId: 'police-de' } as const;
    await expect(f.hub.sharing.share(user('police-fr', ['supervisor']), grant)).rejects.toThrow('no dataset');
    await expect(f.hub.sharing.share(user('police-it', ['analyst']), grant)).rejects.toThrow('no dataset');
    const view = await f.hub.sharing.share(user('police-it', ['supervisor']), grant);
    expect(view.grants).toEqual([
      { kind: 'agency', id: 'police-de' },
      { kind: 'agency', id: 'police-fr' },
    ]);
  });
});
