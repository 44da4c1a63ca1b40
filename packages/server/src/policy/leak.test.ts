import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsOf, probeOf } from './leak-probes.js';
import { buildLeakWorld, worldSpec, type LeakWorld } from './leak-world.js';

// Random hubs (fast-check draws agencies, datasets, sharing and markings), then random users
// query every read path: no response may hold a value, an entity id or a count the policy denies.
const WORLDS = 6;
const CASES = Number(process.env.LEAK_CASES ?? 10_000);

describe('the sharing policy leaks nothing on any read path', () => {
  let worlds: LeakWorld[] = [];
  beforeAll(async () => {
    const specs = fc.sample(worldSpec, { numRuns: WORLDS, seed: 20261128 });
    worlds = [];
    for (const spec of specs) worlds.push(await buildLeakWorld(spec));
  }, 120_000);
  afterAll(async () => {
    for (const w of worlds) await w.close();
  });

  it(`holds for ${CASES.toLocaleString('en')} random queries`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(WORLDS - 1).chain((i) => {
          const w = worlds[i] as LeakWorld;
          return fc.tuple(fc.constant(i), fc.constantFrom(...w.users.map((u) => u.name)), probeOf(w));
        }),
        async ([i, user, probe]) => {
          cases++;
          const problems = await problemsOf(worlds[i] as LeakWorld, user, probe);
          expect(problems, `world ${i}, ${user}, ${JSON.stringify(probe.request)}`).toEqual([]);
        },
      ),
      { numRuns: CASES, seed: 42 },
    );
    expect(cases).toBeGreaterThanOrEqual(CASES);
  }, 600_000);
});
