/**
 * What the sharing policy costs, and the leak property at scale.
 *
 *   node packages/server/dist/bench/policy.bench.js [--people 20000] [--requests 1000] [--leak-cases 1000000]
 *     [--engine sqlite|postgres|both|none]
 *
 * 1. Overhead: the same list and search requests on the same data, as the hub operator (sees every
 *    dataset whole: no sharing lookup, no statement filter, no row-level security) and as an analyst
 *    of one agency (its own dataset whole, two others shared with it, one not) — on SQLite and, when
 *    CLEW_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers, PostgreSQL.
 * 2. The leak property of policy/leak.test.ts, run for --leak-cases random queries (0 to skip).
 */
import { openHub, type Hub } from '@clew/app';
import { operatorActor, type Actor } from '@clew/core';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildServer } from '../server.js';
import { problemsOf, probeOf } from '../policy/leak-probes.js';
import { buildLeakWorld, worldSpec, type LeakWorld } from '../policy/leak-world.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PEOPLE = arg('people', 20_000);
const REQUESTS = arg('requests', 1000);
const LEAK_CASES = arg('leak-cases', 1_000_000);
const PG_URL = process.env.CLEW_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const FIRST = ['Ivan', 'Maria', 'Ahmed', 'Fatima', 'John', 'Elena', 'Yusuf', 'Amina', 'Pavel', 'Sara'];
const LAST = [
  'Petrov',
  'Rossi',
  'Hassan',
  'Kowalski',
  'Smith',
  'Haddad',
  'Novak',
  'Okafor',
  'Silva',
  'Ionescu',
];
const TLPS = ['GREEN', 'AMBER', 'AMBER', 'AMBER', 'RED'];

const people = (agency: number): string[] =>
  Array.from({ length: PEOPLE }, (_, i) => {
    const name = `${FIRST[(i * 7 + agency) % 10] ?? ''} ${LAST[(i * 3 + agency * 5) % 10] ?? ''} ${i % 997}`;
    return JSON.stringify({
      id: `p${i}`,
      schema: 'Person',
      properties: { name: [name], birthDate: [`19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`] },
      clew: { marking: { tlp: TLPS[i % TLPS.length] ?? 'AMBER' } },
    });
  });

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

const pgAvailable = async (): Promise<boolean> => {
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
};

const seed = async (hub: Hub): Promise<void> => {
  const op = operatorActor();
  for (let a = 0; a < 4; a++) {
    await hub.agencies.create(op, { id: `agency-${a}`, name: `Agency ${a}`, kind: 'police', country: 'gb' });
    await hub.datasets.create(op, { name: `ds-${a}`, agency: `agency-${a}` });
    const lines = people(a);
    await hub.ftm.importFtm(op, {
      dataset: `ds-${a}`,
      fileName: `ds-${a}.jsonl`,
      open: async function* () {
        await Promise.resolve();
        yield* lines;
      },
    });
  }
  for (const d of ['ds-1', 'ds-2'])
    await hub.sharing.share(op, { dataset: d, granteeKind: 'agency', granteeId: 'agency-0' });
};

const time = async (app: FastifyInstance, user: string, request: () => object): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const res = await app.inject({ ...request(), headers: { 'x-bench-user': user } } as never);
    if (res.statusCode !== 200) throw new Error(`${user}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    out.push(performance.now() - started);
  }
  return out;
};

const overhead = async (engine: 'sqlite' | 'postgres'): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-policy-bench-'));
  const schema = `bench_policy_${process.pid}`;
  let admin: pg.Client | undefined;
  if (engine === 'postgres') {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  }
  const hub = await openHub(
    { dataDir, databaseUrl: engine === 'postgres' ? PG_URL : undefined },
    engine === 'postgres' ? { pgSchema: schema } : {},
  );
  try {
    const started = performance.now();
    await seed(hub);
    const seeded = (performance.now() - started) / 1000;
    const actors: Record<string, Actor> = {
      operator: operatorActor(),
      analyst: { kind: 'user', userId: 'bench', agencyId: 'agency-0', roles: ['analyst'] },
    };
    const app = await buildServer(hub, {
      dataDir,
      actors: () => (request) =>
        Promise.resolve(actors[String(request.headers['x-bench-user'])] ?? operatorActor()),
    });
    let page = 0;
    const list = () => ({ method: 'GET', url: `/api/entities?limit=100&offset=${(page++ % 50) * 100}` });
    let q = 0;
    const search = () => ({
      method: 'POST',
      url: '/api/match/all?purpose=bench',
      payload: {
        queries: {
          q: { schema: 'Person', properties: { name: [`${FIRST[q % 10] ?? ''} ${LAST[q++ % 10] ?? ''}`] } },
        },
      },
    });
    console.log(
      `\n${engine}: 4 agencies × ${PEOPLE.toLocaleString('en')} people seeded in ${seeded.toFixed(1)} s`,
    );
    console.log('endpoint            as        p50 ms   p95 ms   mean ms');
    for (const [name, req] of [
      ['GET /api/entities', list],
      ['POST /api/match/all', search],
    ] as const) {
      for (const user of ['operator', 'analyst']) {
        await time(app, user, req); // warm up caches and indexes
        const xs = await time(app, user, req);
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        console.log(
          `${name.padEnd(20)}${user.padEnd(10)}${percentile(xs, 50).toFixed(2).padStart(7)}  ${percentile(xs, 95).toFixed(2).padStart(7)}  ${mean.toFixed(2).padStart(8)}`,
        );
      }
    }
    await app.close();
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
};

const leak = async (): Promise<void> => {
  if (LEAK_CASES <= 0) return;
  const worlds: LeakWorld[] = [];
  for (const spec of fc.sample(worldSpec, { numRuns: 20, seed: 7 })) worlds.push(await buildLeakWorld(spec));
  let cases = 0;
  const started = performance.now();
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(worlds.length - 1).chain((i) => {
          const w = worlds[i] as LeakWorld;
          return fc.tuple(fc.constant(i), fc.constantFrom(...w.users.map((u) => u.name)), probeOf(w));
        }),
        async ([i, user, probe]) => {
          cases++;
          if (cases % 100_000 === 0) console.log(`  … ${cases.toLocaleString('en')} cases`);
          const problems = await problemsOf(worlds[i] as LeakWorld, user, probe);
          if (problems.length > 0) throw new Error(problems.join('; '));
        },
      ),
      { numRuns: LEAK_CASES, seed: 1128 },
    );
  } finally {
    for (const w of worlds) await w.close();
  }
  const s = (performance.now() - started) / 1000;
  console.log(
    `\nleak property: ${cases.toLocaleString('en')} random queries over 20 random hubs, none leaked (${s.toFixed(0)} s)`,
  );
};

console.log(
  `policy bench on ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`,
);
const ENGINE = process.argv.includes('--engine')
  ? process.argv[process.argv.indexOf('--engine') + 1]
  : 'both';
if (ENGINE === 'sqlite' || ENGINE === 'both') await overhead('sqlite');
if (ENGINE !== 'postgres' && ENGINE !== 'both') console.log('\nPostgreSQL: not asked for');
else if (await pgAvailable()) await overhead('postgres');
else console.log(`\nPostgreSQL at ${PG_URL} does not answer: skipped`);
await leak();
