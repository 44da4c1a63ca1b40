import { operatorActor, type Actor } from '@clew/core';
import { freshLocation, type TestLocation } from '@clew/store/testing';
import type { Dialect } from '@clew/store';
import { openHub, type Hub } from '../hub.js';

/** A hub on a fresh store of the given engine, with one agency and dataset, and how to remove it. */
export interface HubFixture {
  hub: Hub;
  actor: Actor;
  location: TestLocation;
  /** Import FtM lines into a dataset as the fixture's operator. */
  load(dataset: string, lines: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** A person as one line of FtM JSON (tests of matching and imports). */
export const personLine = (
  id: string,
  props: Record<string, string[]>,
  extra: Record<string, unknown> = {},
): string => JSON.stringify({ id, schema: 'Person', properties: props, ...extra });

/** As buildHub, with a second agency: an NGO in Greece (`ngo-gr`) and its dataset `gr-ngo`. */
export const buildTwoAgencyHub = async (dialect: Dialect): Promise<HubFixture> => {
  const f = await buildHub(dialect);
  await f.hub.agencies.create(f.actor, { id: 'ngo-gr', name: 'NGO', kind: 'ngo', country: 'gr' });
  await f.hub.datasets.create(f.actor, { name: 'gr-ngo', agency: 'ngo-gr' });
  return f;
};

/** Build a hub with agency `police-it` and dataset `it-cases` (AMBER, B2 by default). */
export const buildHub = async (dialect: Dialect): Promise<HubFixture> => {
  const location = await freshLocation(dialect);
  const { dataDir, databaseUrl, pgSchema } = location.config;
  const hub = await openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});
  const actor = operatorActor();
  await hub.agencies.create(actor, {
    id: 'police-it',
    name: 'Polizia di Stato',
    kind: 'police',
    country: 'it',
  });
  await hub.datasets.create(actor, {
    name: 'it-cases',
    agency: 'police-it',
    defaults: { sourceReliability: 'B', infoAssessment: '2', tlp: 'AMBER' },
  });
  return {
    hub,
    actor,
    location,
    load: async (dataset, lines) => {
      await hub.ftm.importFtm(actor, { dataset, fileName: `${dataset}.jsonl`, open: linesOf(lines) });
    },
    close: async () => {
      await hub.close();
      await location.cleanup();
    },
  };
};

/** Lines as an async iterable, as a file reader would give them. */
export const linesOf = (lines: readonly string[]): (() => AsyncIterable<string>) =>
  async function* () {
    await Promise.resolve();
    yield* lines;
  };

/** A signed-in user of an agency with these roles (an analyst unless told otherwise). */
export const buildUser = (agencyId: string, roles: readonly string[] = ['analyst']): Actor => ({
  kind: 'user',
  userId: `u-${agencyId}-${roles.join('-')}`,
  agencyId,
  roles,
});
