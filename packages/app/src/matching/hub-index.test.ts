import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toMatchRecord } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_INDEX_FILE, openHub } from '../hub.js';
import { buildTwoAgencyHub, type HubFixture } from '../testing/hub-fixture.js';
import { HubMatchIndex, type IndexSnapshotOptions } from './hub-index.js';
import type { MatchIndex } from './match-index.js';
import { indexFingerprint, MATCHABLE_SCHEMATA } from './match-records.js';
import type { ScreenRequest } from './screening-work.js';

// The compiled screening worker (tests run the sources; `npm install` and CI build dist first).
const WORKER = fileURLToPath(new URL('../../dist/matching/screening.worker.js', import.meta.url));
if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`);

const dialects = await testDialects();

const person = (id: string, name: string, birthDate: string): string =>
  JSON.stringify({ id, schema: 'Person', properties: { name: [name], birthDate: [birthDate] } });

const IT = [person('p1', 'Mohammed Ali', '1985-03-02'), person('p2', 'Giulia Rossi', '1970-01-01')];
const GR = [person('g1', 'Yohannes Tesfay', '1990-07-11')];

// The ids of the records the index finds for a name and birth date (all datasets).
const found = (index: MatchIndex, name: string, birthDate: string): string[] =>
  index
    .query(toMatchRecord({ schema: 'Person', properties: { name: [name], birthDate: [birthDate] } }), {
      limit: 5,
      minScore: 0.5,
      accept: () => true,
    })
    .map((h) => h.id);

describe.each(dialects)('the hub index snapshot on %s', (dialect) => {
  let f: HubFixture;
  let options: IndexSnapshotOptions;
  const load = (dataset: string, lines: readonly string[]): Promise<void> => f.load(dataset, lines);
  const fresh = (): HubMatchIndex => new HubMatchIndex(f.hub.store, options);
  beforeEach(async () => {
    f = await buildTwoAgencyHub(dialect);
    const path = join(f.location.config.dataDir, 'test-index.clhx');
    options = { path, hubId: f.hub.hubId, save: true, delayMs: 60_000 };
  });
  afterEach(async () => {
    await f.close();
  });

  it('is restored at start and topped up with the runs it does not reflect', async () => {
    await load('it-cases', IT);
    const first = fresh();
    await first.get();
    expect(first.origin).toBe('store');
    await first.flush();
    expect(existsSync(options.path)).toBe(true);

    await load('gr-ngo', GR); // after the snapshot: the restored index must read this run again
    const second = fresh();
    const restored = await second.get();
    expect(second.origin).toBe('snapshot');
    const rebuilt = await new HubMatchIndex(f.hub.store).get();
    expect(restored.size).toBe(rebuilt.size);
    expect(found(restored, 'Yohannes Tesfay', '1990-07-11')).toEqual(
      found(rebuilt, 'Yohannes Tesfay', '1990-07-11'),
    );
    expect(found(restored, 'Mohammed Ali', '1985-03-02')).toHaveLength(1);

    // The top-up is saved too: the next start trusts the snapshot for both runs.
    await second.flush();
    const third = fresh();
    expect((await third.get()).size).toBe(rebuilt.size);
    expect(third.origin).toBe('snapshot');
  });

  it('rebuilds from the store when the snapshot is another hub’s, unreadable, or knows a purged run', async () => {
    await load('it-cases', IT);
    await load('gr-ngo', GR);
    const first = fresh();
    await first.get();
    await first.flush();

    const other = new HubMatchIndex(f.hub.store, { ...options, hubId: 'another-hub' });
    await other.get();
    expect(other.origin).toBe('store');

    // Made by another model, or by other normalisers or keys (the model's name ends with their fingerprint).
    const bytes = await readFile(options.path);
    const at = bytes.indexOf(`.${indexFingerprint()}"`);
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = bytes[at + 1] === 0x30 ? 0x31 : 0x30;
    await writeFile(options.path, bytes);
    const otherCode = fresh();
    await otherCode.get();
    expect(otherCode.origin).toBe('store');
    await otherCode.flush();

    await f.hub.datasets.purge(f.actor, ['gr-ngo']);
    const afterPurge = fresh();
    const index = await afterPurge.get();
    expect(afterPurge.origin).toBe('store');
    expect(found(index, 'Yohannes Tesfay', '1990-07-11')).toEqual([]);

    await writeFile(options.path, 'CLHX not really');
    const garbled = fresh();
    await garbled.get();
    expect(garbled.origin).toBe('store');
  });

  it('is written by a closing hub and used by the next one on the same data directory', async () => {
    await load('it-cases', IT);
    await f.hub.matching.warm();
    const { dataDir, databaseUrl, pgSchema } = f.location.config;
    await f.hub.close();
    expect(existsSync(join(dataDir, MATCH_INDEX_FILE))).toBe(true);

    // The fixture's close closes the first hub again (a no-op) and removes the location.
    const next = await openHub({ dataDir, databaseUrl }, pgSchema ? { pgSchema } : {});
    try {
      const status = await next.matching.warm();
      expect(status.records).toBe(IT.length);
      const batch = await next.matching.screen(
        f.actor,
        'it-cases',
        { q: { schema: 'Person', properties: { name: ['Muhammad Ali'], birthDate: ['1985-03-02'] } } },
        { limit: 1 },
      );
      expect(batch.responses.q?.results[0]?.match).toBe(true);
    } finally {
      await next.close();
    }
  });
  it('answers screening on its replica threads as on its own thread, with the changes it takes', async () => {
    await load('it-cases', IT);
    const plain = new HubMatchIndex(f.hub.store);
    const threaded = new HubMatchIndex(f.hub.store, undefined, 1, WORKER);
    try {
      await threaded.ready();
      expect(threaded.status().replicas).toEqual({ threads: 1, ready: true, failure: null });
      const ask = (name: string, birthDate: string, whole: string[]): ScreenRequest => ({
        example: { schema: 'Person', properties: { name: [name], birthDate: [birthDate] } },
        limit: 5,
        minScore: 0,
        scope: { inScope: ['it-cases', 'gr-ngo'], whole },
      });
      const same = async (req: ScreenRequest): Promise<number> => {
        const hits = await threaded.screen(req);
        expect(hits).toEqual(JSON.parse(JSON.stringify(await plain.screen(req))));
        return hits.length;
      };
      expect(await same(ask('Mohammed Ali', '1985-03-02', ['it-cases']))).toBeGreaterThan(0);
      await same(ask('Mohammed Ali', '1985-03-02', [])); // as a reader it is shared with
      // A run arriving after the copy was made reaches it through the index's changes.
      expect(await same(ask('Yohannes Tesfay', '1990-07-11', ['gr-ngo']))).toBe(0);
      await load('gr-ngo', GR);
      for (const index of [plain, threaded])
        for await (const page of f.hub.store.matches.sources('gr-ngo', MATCHABLE_SCHEMATA))
          await index.add(await index.get(), page);
      expect(await same(ask('Yohannes Tesfay', '1990-07-11', ['gr-ngo']))).toBeGreaterThan(0);
    } finally {
      await threaded.close();
    }
    expect(threaded.status().replicas.threads).toBe(0);
  });
  it('answers screening on its own thread when its replica fails, and says why', async () => {
    await load('it-cases', IT);
    const broken = join(f.location.config.dataDir, 'broken.worker.mjs');
    await writeFile(
      broken,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const plain = new HubMatchIndex(f.hub.store);
    const threaded = new HubMatchIndex(f.hub.store, undefined, 1, broken);
    try {
      await threaded.ready();
      expect(threaded.status().replicas).toMatchObject({ threads: 1, ready: false });
      expect(threaded.status().replicas.failure).toMatch(/exit code 3/);
      const req: ScreenRequest = {
        example: { schema: 'Person', properties: { name: ['Mohammed Ali'], birthDate: ['1985-03-02'] } },
        limit: 5,
        minScore: 0,
        scope: { inScope: ['it-cases'], whole: ['it-cases'] },
      };
      const hits = await threaded.screen(req);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits).toEqual(await plain.screen(req));
    } finally {
      await threaded.close();
    }
  });
});
