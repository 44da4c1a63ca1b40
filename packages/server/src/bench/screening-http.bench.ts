/**
 * Screening over HTTP: `POST /api/match/people` on loopback, as an analyst with an API token, against
 * a hub of the screening benchmark's people (one query per request, limit 5), driven by autocannon in
 * a child process so the load generator does not share the server's event loop. Also: how long the
 * hub takes to restart (index restored from its snapshot), and what a request costs outside the index
 * (token, access view, audit append, the stored entities read back for the response).
 *
 *   npm run build
 *   npm run bench:screening -- --size 1000000 --write-people bench/out      (writes the people once)
 *   npm run bench:screening-http -- [--people bench/out/screening-people-1000000.ftm.jsonl]
 *     [--queries bench/out/screening-queries.json] [--dir bench/out/screening-http-hub]
 *     [--connections 8] [--duration 20] [--threads 1]
 *
 * `--threads` is the served hub's screening threads (CLEW_SCREENING_THREADS; 0: queries on the HTTP thread).
 *
 * The hub in --dir is kept: a second run skips the import and the index build. To develop at a
 * tenth of the scale (what a request costs outside the index does not grow with the hub):
 *
 *   npm run bench:screening -- --size 100000 --write-people bench/out
 *   npm run bench:screening-http -- --people bench/out/screening-people-100000.ftm.jsonl --dir bench/out/http-100k
 *
 * After the load it reports the event loop's delay (what blocked it) and verifies the audit chain.
 */
import { FtmIngestService, ImportEvents, MATCH_INDEX_FILE, openHub, type Hub } from '@clew/app';
import { operatorActor, type Actor } from '@clew/core';
import autocannon, { type Options, type Result } from 'autocannon';
import { fork } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildServer } from '../server.js';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: 'bench/out/screening-people-1000000.ftm.jsonl' },
    queries: { type: 'string', default: 'bench/out/screening-queries.json' },
    dir: { type: 'string', default: 'bench/out/screening-http-hub' },
    connections: { type: 'string', default: '8' },
    duration: { type: 'string', default: '20' },
    threads: { type: 'string', default: '1' },
    'load-child': { type: 'boolean', default: false },
  },
});

interface BenchQuery {
  schema: string;
  properties: Record<string, string[]>;
  truth: string;
}

const DATASET = 'people';
const AGENCY = 'agency-a';
const op = operatorActor();
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';

// Wall and CPU time of an async step.
const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> => {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await run();
  return { value, wall: performance.now() - t, cpu: cpuMs(c) };
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const lines = (file: string) =>
  async function* (): AsyncIterable<string> {
    yield* createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  };

// The hub with the people imported (without cross-matching on arrival: this measures screening).
const populated = async (dir: string): Promise<Hub> => {
  const hub = await openHub({ dataDir: dir, databaseUrl: undefined });
  if ((await hub.datasets.list(op)).some((d) => d.name === DATASET)) return hub;
  await hub.agencies.create(op, { id: AGENCY, name: 'Agency A', kind: 'police', country: 'gb' });
  await hub.datasets.create(op, { name: DATASET, agency: AGENCY });
  const ftm = new FtmIngestService(hub.store, hub.datasets, new ImportEvents(), hub.audit);
  const imported = await timed(() =>
    ftm.importFtm(op, {
      dataset: DATASET,
      fileName: 'people.ftm.jsonl',
      open: lines(args.people),
      parallel: true,
    }),
  );
  say(
    `import: ${imported.value.accepted.toLocaleString('en')} people in ${seconds(imported.wall)} (CPU ${seconds(imported.cpu)})`,
  );
  return hub;
};

// An analyst of the dataset's agency with an API token (purpose recorded with every search).
const analystToken = async (hub: Hub): Promise<{ actor: Actor; token: string }> => {
  const username = 'bench-analyst';
  const issued = (await hub.store.accounts.userByName(username))
    ? undefined
    : await hub.accounts.create(op, { agency: AGENCY, username, roles: ['analyst'] });
  const row = await hub.store.accounts.userByName(username);
  if (!row) throw new Error('the analyst was not created');
  const actor: Actor = {
    kind: 'user',
    userId: row.id,
    agencyId: row.agency_id,
    roles: JSON.parse(row.roles) as string[],
  };
  // As the analyst would at first sign-in: replace the one-time password (until then, no roles).
  if (issued)
    await hub.auth.changePassword(actor, issued.oneTimePassword, `${username}-correct-horse-battery`);
  const { token } = await hub.auth.createToken(actor, {
    name: 'bench',
    scopes: ['data:read', 'data:search'],
    days: 1,
    purpose: 'benchmark',
  });
  const resolved = await hub.auth.fromToken(token);
  if (!resolved) throw new Error('the token does not resolve');
  return { actor: resolved.actor, token };
};

// Mean wall and CPU milliseconds of `n` sequential calls.
const perCall = async (n: number, call: (i: number) => Promise<unknown>): Promise<string> => {
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < n; i++) await call(i);
  return `${((performance.now() - t) / n).toFixed(2)} | ${(cpuMs(c) / n).toFixed(2)}`;
};

/** autocannon's result with the exact 95th percentile of latency (ms). */
type LoadResult = Result & { p95: number };

const runLoad = (options: Options): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load-child']);
    child.once('message', (result) => {
      resolve(result as LoadResult);
    });
    child.once('error', reject);
    child.send(options);
  });

async function main(): Promise<void> {
  say(`# Screening over HTTP\n`);
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average at start ${load()}\n`,
  );
  const queries = (JSON.parse(readFileSync(args.queries, 'utf8')) as BenchQuery[]).slice(0, 500);
  const dir = args.dir;
  const first = await populated(dir);
  const indexFile = join(dir, MATCH_INDEX_FILE);
  const built = !existsSync(indexFile);
  const warm = await timed(() => first.matching.warm());
  say(
    `index ${built ? 'built from the store' : 'restored'}: ${warm.value.records.toLocaleString('en')} records, ${seconds(warm.wall)} (CPU ${seconds(warm.cpu)}); load ${load()}`,
  );
  const closing = await timed(() => first.close());
  say(`hub closed (snapshot written if due): ${seconds(closing.wall)} (CPU ${seconds(closing.cpu)})`);

  // The restart: open the hub again and make the index ready (restored from the snapshot).
  const screeningThreads = Number(args.threads);
  const opened = await timed(() => openHub({ dataDir: dir, databaseUrl: undefined }, { screeningThreads }));
  const hub = opened.value;
  const ready = await timed(() => hub.matching.warm());
  const m = process.memoryUsage();
  const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
  say(
    `restart (${screeningThreads} screening threads): hub opened in ${seconds(opened.wall)} (CPU ${seconds(opened.cpu)}), index ready in ${seconds(ready.wall)} (CPU ${seconds(ready.cpu)}); process now RSS ${mib(m.rss)}, heap ${mib(m.heapUsed)}, arrayBuffers ${mib(m.arrayBuffers)}; load ${load()}`,
  );

  const { actor, token } = await analystToken(hub);
  const example = (i: number) => {
    const q = queries[i % queries.length];
    return { schema: q?.schema ?? 'Person', properties: q?.properties ?? {} };
  };
  say(`\nPer request outside HTTP (${queries.length} sequential calls, mean ms):\n`);
  say('| step | wall ms | CPU ms |');
  say('|---|---|---|');
  say(
    `| API token → actor (hub.auth.fromToken) | ${await perCall(queries.length, () => hub.auth.fromToken(token))} |`,
  );
  say(`| access view (hub.access.view) | ${await perCall(queries.length, () => hub.access.view(actor))} |`);
  say(
    `| audit append (hub.audit.record, one search) | ${await perCall(queries.length, () =>
      hub.audit.record(actor, { action: 'search', purpose: 'benchmark', details: { matching: 'screen' } }),
    )} |`,
  );
  say(
    `| screen one query (service: view + index + entities + audit) | ${await perCall(queries.length, (i) =>
      hub.matching.screen(actor, DATASET, { q: example(i) }, { limit: 5, purpose: 'benchmark' }),
    )} |`,
  );

  const app = await buildServer(hub, { dataDir: dir, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const requests = queries.map((_, i) => ({
    method: 'POST',
    path: `/api/match/${DATASET}?limit=5`,
    body: JSON.stringify({ queries: { q: example(i) } }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  }));
  const connections = Number(args.connections);
  await runLoad({ url, connections, duration: 3, requests }); // warm-up
  const loadStart = load();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const c = process.cpuUsage();
  const result = await runLoad({ url, connections, duration: Number(args.duration), requests });
  const serverCpu = cpuMs(c);
  loop.disable();
  const total = result.requests.total;
  say(
    `\nHTTP (autocannon in a child process, ${connections} connections, ${args.duration} s, ${requests.length} distinct queries in turn; load ${loadStart} at start, ${load()} at end):\n`,
  );
  say(
    '| requests/s (mean) | latency ms p50 / p90 / p95 / p97.5 / p99 / max | requests | non-2xx / errors | server CPU per request | event-loop delay ms p99 / max |',
  );
  say('|---|---|---|---|---|---|');
  const l = result.latency;
  say(
    `| ${result.requests.average.toFixed(0)} | ${[l.p50, l.p90, result.p95, l.p97_5, l.p99, l.max].join(' / ')} | ${total} | ${result.non2xx} / ${result.errors} | ${(serverCpu / Math.max(1, total)).toFixed(2)} ms | ${(loop.percentile(99) / 1e6).toFixed(1)} / ${(loop.max / 1e6).toFixed(1)} |`,
  );
  await app.close();
  const verified = await timed(() => hub.audit.verify(op));
  say(
    `\naudit chain after the run: ${verified.value.ok ? 'verifies' : `FAILS at ${String(verified.value.failure?.seq)}`}, ${verified.value.entries.toLocaleString('en')} entries (${seconds(verified.wall)})`,
  );
  await hub.close();
}

// The child: run autocannon with the options the parent sends, send back the result.
if (args['load-child']) {
  process.once('message', (options: Options) => {
    // Every response's latency, for the exact p95 (autocannon reports p90 and p97.5 around it).
    const times: number[] = [];
    const run = autocannon(options).on('response', (_client, _status, _bytes, ms) => {
      times.push(ms);
    });
    void Promise.resolve(run).then((result) => {
      times.sort((a, b) => a - b);
      const p95 = times[Math.min(times.length - 1, Math.floor(0.95 * times.length))] ?? NaN;
      const loaded: LoadResult = { ...result, p95 };
      process.send?.(loaded, () => process.exit(0));
    });
  });
} else {
  await main();
}
