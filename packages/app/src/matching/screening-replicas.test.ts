import { ScreeningIndex, toMatchRecord, type MatchRecord } from '@clew/core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOptions } from './match-index.js';
import { HUB_PARAMS, recordId } from './match-records.js';
import { ScreeningReplicas } from './screening-replicas.js';
import { screenOn, type ScreenRequest } from './screening-work.js';

// The compiled worker (tests run the sources; `npm install` and CI build dist first).
const WORKER = fileURLToPath(new URL('../../dist/matching/screening.worker.js', import.meta.url));
if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`);

const GIVEN = ['Mohammed', 'Yohannes', 'Amina', 'Ivan', 'Fatima', 'Tesfaye', 'Olga', 'Arben', 'Blessing'];
const FAMILY = ['Haile', 'Petrov', 'Hassan', 'Okafor', 'Berhane', 'Ibrahim', 'Hoxha', 'Diallo', 'Osman'];

// Namesakes across two datasets, each entity with an open and, in one dataset, a full entry.
const people = (n: number, from = 0): MatchRecord[] =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const dataset = i % 3 === 0 ? 'gr-ngo' : 'it-cases';
    const variant = i % 5 === 0 ? 'full' : 'open';
    return toMatchRecord(
      {
        schema: 'Person',
        properties: {
          name: [`${GIVEN[i % GIVEN.length] ?? ''} ${FAMILY[(i * 7) % FAMILY.length] ?? ''}`],
          birthDate: [`${1960 + (i % 37)}-0${1 + (i % 9)}-1${i % 10}`],
        },
      },
      recordId(variant, dataset, `e${String(i % 700)}`),
    );
  });

const request = (i: number, whole: readonly string[] = ['it-cases']): ScreenRequest => ({
  example: {
    schema: 'Person',
    properties: {
      name: [`${GIVEN[(i * 5) % GIVEN.length] ?? ''} ${FAMILY[i % FAMILY.length] ?? ''}`],
      birthDate: [`${1960 + (i % 37)}-0${1 + (i % 9)}-1${i % 10}`],
    },
  },
  limit: 1 + (i % 7),
  minScore: i % 4 === 0 ? 0.5 : 0,
  scope: { inScope: ['it-cases', 'gr-ngo'], whole },
});

describe('screening replicas', () => {
  let replicas: ScreeningReplicas | undefined;
  afterEach(async () => {
    await replicas?.close();
    replicas = undefined;
  });

  it('answer as the index does, before and after the changes it takes', async () => {
    const index = new ScreeningIndex(indexOptions(HUB_PARAMS));
    for (const r of people(1500)) index.add(r);
    const copies = ScreeningReplicas.start(index, 2, WORKER);
    replicas = copies;
    await copies.ready;
    const same = async (): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        const req = request(i, i % 2 === 0 ? ['it-cases'] : []);
        const local = JSON.parse(JSON.stringify(screenOn(index, req))) as unknown;
        expect(await copies.screen(req)).toEqual(local);
      }
    };
    await same();
    // Changes reach the copies before any later query: replaced, new and removed records.
    for (const r of people(400, 1300)) {
      index.add(r);
      copies.add(r);
    }
    for (const r of people(200, 100)) if (index.remove(r.id)) copies.remove(r.id);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => copies.screen(request(i))));
    answers.forEach((hits, i) => {
      expect(hits).toEqual(JSON.parse(JSON.stringify(screenOn(index, request(i)))));
    });
    await same();
    expect(answers.some((hits) => hits.length > 1)).toBe(true);
  });

  it('report a copy that cannot be made, and answer no query', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clew-replica-'));
    try {
      const broken = join(dir, 'broken.worker.mjs');
      await writeFile(
        broken,
        "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => parentPort.postMessage({ failed: 'no index here' }));\n",
      );
      const index = new ScreeningIndex(indexOptions(HUB_PARAMS));
      for (const r of people(10)) index.add(r);
      replicas = ScreeningReplicas.start(index, 1, broken);
      await expect(replicas.ready).rejects.toThrow('no index here');
      expect(replicas.failure?.message).toContain('no index here');
      await expect(replicas.screen(request(1))).rejects.toThrow('no index here');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
