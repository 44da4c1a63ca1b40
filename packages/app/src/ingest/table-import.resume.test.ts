import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMapping } from '@clew/core';
import { testDialects } from '@clew/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHub, type HubFixture } from '../testing/hub-fixture.js';

const dialects = await testDialects();

// Two entities a row; from row 1500 on, every tenth row names a person of 1400 rows earlier, so fragments add up across batches.
const mapping = parseMapping(`
version: 1
source: { format: csv }
provenance: { source: register, collected: { column: Seen, format: ISO } }
entities:
  - key: person
    schema: Person
    id: { columns: [Pid], prefix: p- }
    properties:
      name: { column: Name }
      phone: { column: Phone }
  - key: passport
    schema: Passport
    id: { columns: [Doc], prefix: pp- }
    properties:
      holder: { entity: person }
      number: { column: Doc }
`);

const ROWS = 3000;
const csv = (): string => {
  const lines = ['Pid,Name,Phone,Doc,Seen'];
  for (let i = 0; i < ROWS; i++) {
    const pid = i >= 1500 && i % 10 === 0 ? i - 1400 : i;
    // Every 97th row has a bad date: rejected rows must be counted once, like the others.
    const seen = i % 97 === 3 ? '2024-13-40' : `2024-05-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(`${pid},Person ${pid},+3933312${String(i).padStart(5, '0')},D${i},${seen}`);
  }
  return lines.join('\n') + '\n';
};

describe.each(dialects)('resuming a table import on %s', (dialect) => {
  let f: HubFixture;
  let dir: string;
  let file: string;
  beforeEach(async () => {
    f = await buildHub(dialect);
    dir = await mkdtemp(join(tmpdir(), 'clew-resume-'));
    file = join(dir, 'register.csv');
    await writeFile(file, csv());
  });
  afterEach(async () => {
    await f.close();
    await rm(dir, { recursive: true, force: true });
  });

  const snapshot = async () =>
    await f.hub.store.db
      .selectFrom('fragments')
      .select(['entity_id', 'original_id', 'schema', 'caption', 'seq', 'statements'])
      .where('dataset_id', '=', 'it-cases')
      .orderBy('entity_id')
      .execute();

  const wipe = async (): Promise<void> => {
    await f.hub.store.db.deleteFrom('import_checkpoints').execute();
    await f.hub.store.db.deleteFrom('fragments').where('dataset_id', '=', 'it-cases').execute();
  };

  const run = (onProgress?: () => void) =>
    f.hub.tables.importTable(f.actor, {
      dataset: 'it-cases',
      file,
      mapping,
      batchSize: 200,
      onProgress,
    });

  it(
    'continues after failures where the last batch committed, ending as an uninterrupted run',
    { timeout: 240_000 },
    async () => {
      const whole = await run();
      expect(whole).toMatchObject({ rows: ROWS, rejected: 31, resumedAt: 0 });
      const expected = await snapshot();
      await wipe();

      // Fail after a committed batch (a crash between batches)…
      let batches = 0;
      await expect(
        run(() => {
          if (++batches === 4) throw new Error('crash after batch 4');
        }),
      ).rejects.toThrow('crash after batch 4');
      // …then inside a batch's transaction, before it commits (a lost connection).
      const writes = f.hub.store.writes;
      const real = writes.writeBatch.bind(writes);
      let calls = 0;
      writes.writeBatch = (...args) => {
        if (++calls === 3) return Promise.reject(new Error('connection lost'));
        return real(...args);
      };
      await expect(run()).rejects.toThrow('connection lost');
      writes.writeBatch = real;
      const runs = await f.hub.store.db.selectFrom('imports').select(['id', 'status']).execute();
      expect(runs.filter((r) => r.status === 'failed')).toHaveLength(1);

      const resumed = await run();
      expect(resumed.resumedAt).toBe(1200);
      expect(resumed).toMatchObject({ rows: ROWS, accepted: whole.accepted, rejected: 31 });
      expect(resumed.statements).toBe(whole.statements);
      expect(resumed.entities).toBe(whole.entities);
      expect(await snapshot()).toEqual(expected);
      // The resumed run is the interrupted one, now done; its checkpoint is gone.
      const after = await f.hub.store.db.selectFrom('imports').select(['id', 'status']).execute();
      expect(after.filter((r) => r.id === resumed.importId)).toEqual([
        { id: resumed.importId, status: 'done' },
      ]);
      expect(await f.hub.store.db.selectFrom('import_checkpoints').selectAll().execute()).toEqual([]);
    },
  );

  it(
    'lets only one of two simultaneous runs of the same import write, and ends as one run',
    { timeout: 240_000 },
    async () => {
      await run();
      const expected = await snapshot();
      await wipe();
      // The second run starts before the first writes its third batch, and writes first (two
      // processes, one database): the first's batch must then roll back.
      const writes = f.hub.store.writes;
      const real = writes.writeBatch.bind(writes);
      let release: () => void = () => undefined;
      const secondWrote = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Each run's outcome: undefined when it finished, its error when it stopped (caught at once, so
      // the loser's rejection is never unhandled while the other still runs).
      const runs: Promise<unknown>[] = [];
      const start = (): void => {
        runs.push(
          run().then(
            () => undefined,
            (e: unknown) => e,
          ),
        );
      };
      let calls = 0;
      writes.writeBatch = async (...args) => {
        if (++calls === 3) {
          start();
          await secondWrote;
        } else if (calls === 4) release();
        return real(...args);
      };
      start();
      await runs[0];
      const outcomes = await Promise.all(runs);
      writes.writeBatch = real;
      expect(outcomes).toHaveLength(2);
      const failed = outcomes.filter((o) => o !== undefined);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({
        code: 'Conflict',
        message: expect.stringMatching(/another run of this import/) as unknown,
      });
      // Whatever got in first: running the import once more finishes it, ending as one whole run.
      await run();
      expect(await snapshot()).toEqual(expected);
    },
  );

  it('starts afresh when the file or the mapping changed', { timeout: 120_000 }, async () => {
    let batches = 0;
    await expect(
      run(() => {
        if (++batches === 2) throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    await writeFile(file, csv().replace('Person 1,', 'Person One,'));
    const report = await run();
    expect(report.resumedAt).toBe(0);
  });
});
