import { operatorActor } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHub, buildUser, linesOf, type HubFixture } from '../testing/hub-fixture.js';

const dialects = await testDialects();

const user = buildUser;

// The Italian record (the owner's) holds an address the French asker must not learn before release.
const IT = [
  JSON.stringify({
    id: 'it-1',
    schema: 'Person',
    properties: {
      name: ['Ivan Petrov'],
      birthDate: ['1980-05-05'],
      passportNumber: ['AB1234567'],
      address: ['Via Roma 12, Milano'],
    },
  }),
];
const FR = [
  JSON.stringify({
    id: 'fr-1',
    schema: 'Person',
    properties: {
      name: ['Ivan Petrov'],
      birthDate: ['1980-05-05'],
      passportNumber: ['AB1234567'],
      birthPlace: ['Lyon informant flat'],
    },
    clew: { properties: { birthPlace: { tlp: 'RED' } } },
  }),
];

describe.each(dialects)('hit/no-hit on %s', (dialect) => {
  let f: HubFixture;
  afterEach(() => f.close());

  const setup = async (): Promise<void> => {
    f = await buildHub(dialect);
    const op = operatorActor();
    await f.hub.agencies.create(op, {
      id: 'police-fr',
      name: 'Police nationale',
      kind: 'police',
      country: 'fr',
    });
    await f.hub.agencies.create(op, { id: 'police-de', name: 'BKA', kind: 'police', country: 'de' });
    await f.hub.datasets.create(op, { name: 'fr-cases', agency: 'police-fr' });
    await f.hub.hits.setDeadline(user('police-it', ['supervisor']), 'police-it', 48);
    await f.hub.ftm.importFtm(op, { dataset: 'it-cases', fileName: 'it.jsonl', open: linesOf(IT) });
    await f.hub.ftm.importFtm(op, { dataset: 'fr-cases', fileName: 'fr.jsonl', open: linesOf(FR) });
  };

  it('tells the asker that there is a match and whose, and nothing of the owner’s data', async () => {
    await setup();
    const [notice, ...more] = await f.hub.hits.list(user('police-fr', ['analyst']), { limit: 10 });
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ side: 'asker', status: 'open', otherAgency: 'police-it', released: null });
    expect(notice?.reference).toMatch(/^HIT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(notice?.score).toBeGreaterThan(0.9);
    const text = JSON.stringify(notice);
    expect(text).not.toContain('Milano');
    const [itId] = (await f.hub.entities.list(operatorActor(), { dataset: 'it-cases', limit: 1, offset: 0 }))
      .results;
    expect(text).not.toContain(itId?.id ?? 'missing');
    // A third agency sees no notice, and a notice id it guesses does not exist for it.
    expect(await f.hub.hits.list(user('police-de', ['analyst']), { limit: 10 })).toEqual([]);
    await expect(f.hub.hits.get(user('police-de', ['analyst']), notice?.id ?? '')).rejects.toThrow(
      'hit not found',
    );
  });

  it('shows the owner the asker’s record as far as its markings allow, with the deadline', async () => {
    await setup();
    const [notice] = await f.hub.hits.list(user('police-it', ['investigator']), { limit: 10 });
    expect(notice?.side).toBe('owner');
    expect(notice?.otherAgency).toBe('police-fr');
    expect(notice?.theirRecord?.map((s) => s.value)).toContain('Ivan Petrov');
    expect(JSON.stringify(notice)).not.toContain('Lyon informant flat');
    expect(Date.parse(notice?.dueAt ?? '') - Date.parse(notice?.createdAt ?? '')).toBe(48 * 3_600_000);
    expect(notice?.overdue).toBe(false);
    expect(notice?.ageHours).toBe(0);
  });

  it('releases chosen details under the owner’s handling code, once, by its investigators only', async () => {
    await setup();
    const [notice] = await f.hub.hits.list(user('police-it', ['investigator']), { limit: 10 });
    const id = notice?.id ?? '';
    await expect(f.hub.hits.release(user('police-it', ['analyst']), id, { handling: 'H2' })).rejects.toThrow(
      'investigators',
    );
    await expect(
      f.hub.hits.release(user('police-fr', ['investigator']), id, { handling: 'H2' }),
    ).rejects.toThrow('investigators');
    const released = await f.hub.hits.release(user('police-it', ['investigator']), id, { handling: 'H2' });
    expect(released.status).toBe('released');
    await expect(f.hub.hits.decline(user('police-it', ['investigator']), id, 'no')).rejects.toThrow(
      'answered already',
    );
    const asker = await f.hub.hits.get(user('police-fr', ['analyst']), id);
    const address = asker.released?.find((s) => s.prop === 'address');
    expect(address).toMatchObject({ value: 'Via Roma 12, Milano', handling: 'H2' });
  });

  it('records a decline with its reason for the asker', async () => {
    await setup();
    const [notice] = await f.hub.hits.list(user('police-it', ['investigator']), { limit: 10 });
    await expect(
      f.hub.hits.decline(user('police-it', ['investigator']), notice?.id ?? '', ' '),
    ).rejects.toThrow('say why');
    await f.hub.hits.decline(
      user('police-it', ['investigator']),
      notice?.id ?? '',
      'ongoing covert operation',
    );
    const asker = await f.hub.hits.get(user('police-fr', ['analyst']), notice?.id ?? '');
    expect(asker).toMatchObject({
      status: 'declined',
      declineReason: 'ongoing covert operation',
      released: null,
    });
  });

  it('raises no notice when the asker may see the other record already', async () => {
    f = await buildHub(dialect);
    const op = operatorActor();
    await f.hub.agencies.create(op, {
      id: 'police-fr',
      name: 'Police nationale',
      kind: 'police',
      country: 'fr',
    });
    await f.hub.datasets.create(op, { name: 'fr-cases', agency: 'police-fr' });
    await f.hub.sharing.share(op, { dataset: 'it-cases', granteeKind: 'agency', granteeId: 'police-fr' });
    await f.hub.ftm.importFtm(op, { dataset: 'it-cases', fileName: 'it.jsonl', open: linesOf(IT) });
    await f.hub.ftm.importFtm(op, { dataset: 'fr-cases', fileName: 'fr.jsonl', open: linesOf(FR) });
    expect(await f.hub.hits.list(op, { limit: 10 })).toEqual([]);
  });
});
