import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { LeakWorld } from './leak-world.js';

/** One read request of the leak test, and what it must also satisfy beyond "no denied value". */
export interface Probe {
  request: InjectOptions;
  /** The entity a get-by-id probe asked for: hidden ones must answer exactly like missing ones. */
  entity?: string;
  stats?: true;
}

/** The URL of a request as a string (probes always give one). */
const urlOf = (r: InjectOptions): string => (typeof r.url === 'string' ? r.url : '');

const MISSING_ID = 'no-such-entity.0000000000000000000000000000000000000000';

/** Every read path of the API, with random targets drawn from the world (and ones that do not exist). */
export const probeOf = (w: LeakWorld): fc.Arbitrary<Probe> => {
  const id = fc.constantFrom(...w.entityIds, MISSING_ID);
  const dataset = fc.constantFrom(...w.datasetNames, 'no-such-dataset');
  const token = fc.constantFrom(...w.tokens);
  const get = (url: string): Probe => ({ request: { method: 'GET', url } });
  return fc.oneof(
    fc.constant(get('/api/entities?limit=1000')),
    dataset.map((d) => get(`/api/entities?dataset=${d}&limit=1000`)),
    id.map((e) => ({ ...get(`/api/entities/${encodeURIComponent(e)}`), entity: e })),
    id.map((e) => ({ ...get(`/api/entities/${encodeURIComponent(e)}/statements`), entity: e })),
    fc.constant(get('/api/datasets')),
    dataset.map((d) => get(`/api/datasets/${d}`)),
    fc.constant({ ...get('/api/stats'), stats: true as const }),
    dataset.map((d) => get(`/api/datasets/${d}/export.ftm.jsonl?purpose=leak-test`)),
    id.map((e) => get(`/api/graph/neighbourhood?id=${encodeURIComponent(e)}&hops=3`)),
    fc.constant(get('/api/graph/communities')),
    fc.constant(get('/api/graph/centrality?measure=degree')),
    fc.constant(get('/api/graph/patterns')),
    fc.tuple(dataset, token).map(([d, t]) => ({
      // The query drops the token's last letter, so the echoed query never holds a whole token.
      request: {
        method: 'POST',
        url: `/api/match/${d === 'no-such-dataset' ? 'all' : d}?purpose=leak-test`,
        payload: { queries: { q: { schema: 'Person', properties: { name: [`Anna ${t.slice(0, -1)}`] } } } },
      },
    })),
    fc.constant(get('/api/matches?limit=1000')),
    id.map((e) => get(`/api/identities/${encodeURIComponent(e)}`)),
    fc.constant(get('/api/agencies')),
    fc.constant(get('/api/audit?limit=1000')),
  );
};

/** Send a probe as a user; returns status, body and content type. */
export const send = async (
  w: LeakWorld,
  user: string,
  request: InjectOptions,
): Promise<{ status: number; body: string; type: string }> => {
  // The audit log rightly shows an agency's auditor the ids its own staff asked for.
  const agency = user.split(':')[0] ?? '';
  const asked = w.asked.get(agency) ?? new Set<string>();
  for (const id of w.entityIds) if (urlOf(request).includes(encodeURIComponent(id))) asked.add(id);
  w.asked.set(agency, asked);
  const res = await w.app.inject({
    ...request,
    headers: { ...(request.headers ?? {}), 'x-test-user': user },
  });
  return { status: res.statusCode, body: res.body, type: String(res.headers['content-type']) };
};

/** The problems a response shows: denied values or ids in it, a hidden entity unlike a missing one, wrong counts. */
export const problemsOf = async (w: LeakWorld, user: string, probe: Probe): Promise<string[]> => {
  const res = await send(w, user, probe.request);
  const problems: string[] = [];
  const body = res.body.toLowerCase();
  const isAudit = urlOf(probe.request).startsWith('/api/audit');
  // An agency's auditor reads what its staff did: the ids its readers may see, and those asked for.
  const denied = isAudit ? w.denied(`${user.split(':')[0] ?? ''}:analyst`) : w.denied(user);
  for (const v of denied.values) if (body.includes(v.toLowerCase())) problems.push(`value ${v} leaked`);
  const askedByColleagues = w.asked.get(user.split(':')[0] ?? '') ?? new Set<string>();
  for (const id of denied.ids) {
    if (isAudit && askedByColleagues.has(id)) continue;
    if (body.includes(id.toLowerCase())) problems.push(`entity id ${id} leaked`);
  }
  if (probe.entity !== undefined && denied.ids.includes(probe.entity)) {
    const url = urlOf(probe.request).replace(
      encodeURIComponent(probe.entity),
      encodeURIComponent(MISSING_ID),
    );
    const missing = await send(w, user, { ...probe.request, url });
    if (missing.status !== res.status || missing.body !== res.body || missing.type !== res.type)
      problems.push(
        `hidden entity answered ${res.status} ${res.body}, missing one ${missing.status} ${missing.body}`,
      );
  }
  if (probe.stats && res.status === 200) {
    const counts = (JSON.parse(res.body) as { results: { dataset: string; total: number }[] }).results;
    const expected = w.visibleCounts(user);
    const got = new Map(counts.filter((c) => c.total > 0).map((c) => [c.dataset, c.total]));
    if (JSON.stringify([...got].sort()) !== JSON.stringify([...expected].sort()))
      problems.push(`counts ${JSON.stringify([...got])}, expected ${JSON.stringify([...expected])}`);
  }
  if (res.status >= 500) problems.push(`server error ${res.status} ${res.body}`);
  return problems;
};
