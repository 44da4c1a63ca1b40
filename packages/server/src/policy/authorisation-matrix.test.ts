import {
  HANDLING_CODES,
  operatorActor,
  ROLE_PERMISSIONS,
  ROLES,
  TLP_LEVELS,
  type HandlingCode,
  type Role,
  type Tlp,
} from '@clew/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionActors } from '../http/actor.js';
import { isStreamBody, type Route } from '../http/route.js';
import { apiRoutes } from '../routes/api.routes.js';
import { newClient, signIn, type Client } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { AUTHORISATION_MATRIX } from './authorisation-matrix.js';

// Every role × every endpoint (the gate), and every role × TLP × handling code × own/shared/unshared
// data on the data endpoints, generated from AUTHORISATION_MATRIX and ROLE_PERMISSIONS.

const OWNERSHIP = ['own', 'shared', 'unshared'] as const;
type Ownership = (typeof OWNERSHIP)[number];
const DATASET: Record<Ownership, { name: string; agency: string }> = {
  own: { name: 'a-cases', agency: 'agency-a' },
  shared: { name: 'b-cases', agency: 'agency-b' },
  unshared: { name: 'c-cases', agency: 'agency-c' },
};
const GATE_REFUSAL = 'your roles do not allow';

let t: TestServer;
let routes: readonly Route[];
const clients = new Map<Role, Client>();

const anonymous = (options: InjectOptions): Promise<LightMyRequestResponse> => t.app.inject(options);
const asRole = (role: Role | 'anonymous') => (options: InjectOptions) =>
  role === 'anonymous' ? anonymous(options) : (clients.get(role) as Client).request(options);

const nameOf = (own: Ownership, tlp: Tlp, h: HandlingCode): string =>
  `Zed ${own} ${tlp.replace('+', ' plus ').toLowerCase()} ${h.toLowerCase()} qmx`;

const expectedVisible = (role: Role, own: Ownership, tlp: Tlp): boolean =>
  ROLE_PERMISSIONS[role].includes('data:read') &&
  (own === 'own' || (own === 'shared' && tlp !== 'RED' && tlp !== 'AMBER+STRICT'));

beforeAll(async () => {
  t = await startTestServer({ actors: sessionActors });
  routes = apiRoutes({ hub: t.hub, uploadsDir: t.dataDir, maxUploadBytes: 1024, version: 'test' }).all();
  const op = operatorActor();
  for (const own of OWNERSHIP) {
    const d = DATASET[own];
    await t.hub.agencies.create(op, { id: d.agency, name: d.agency, kind: 'police', country: 'gb' });
    await t.hub.datasets.create(op, { name: d.name, agency: d.agency });
    const lines = TLP_LEVELS.flatMap((tlp) =>
      HANDLING_CODES.map((h) =>
        JSON.stringify({
          id: `${tlp}-${h}`,
          schema: 'Person',
          properties: { name: [nameOf(own, tlp, h)] },
          clew: { marking: { tlp, handling: h, ...(h === 'H3' ? { conditions: 'ask first' } : {}) } },
        }),
      ),
    );
    await t.hub.ftm.importFtm(op, {
      dataset: d.name,
      fileName: `${d.name}.jsonl`,
      open: async function* () {
        await Promise.resolve();
        yield* lines;
      },
    });
  }
  await t.hub.sharing.share(op, { dataset: 'b-cases', granteeKind: 'agency', granteeId: 'agency-a' });
  for (const role of ROLES) {
    clients.set(
      role,
      await newClient(t.app, t.hub, { agency: 'agency-a', username: `user-${role}`, roles: [role] }),
    );
  }
}, 120_000);
afterAll(() => t.close());

describe('the authorisation matrix', () => {
  it('names every endpoint, with the auth each declares', () => {
    const declared = Object.fromEntries(routes.map((r) => [r.operationId, r.auth]));
    expect(declared).toEqual(AUTHORISATION_MATRIX);
  });

  it('admits each role to exactly the endpoints its permissions allow', async () => {
    const failures: string[] = [];
    // Signing out ends the session every later request needs: it goes last.
    const ordered = [...routes].sort(
      (a, b) => Number(a.operationId === 'signOut') - Number(b.operationId === 'signOut'),
    );
    for (const route of ordered) {
      const url = route.url.replace(/:[a-zA-Z]+/g, 'x');
      const body = route.body;
      const options: InjectOptions = {
        method: route.method,
        url,
        ...(route.method === 'GET'
          ? {}
          : isStreamBody(body)
            ? { payload: 'x', headers: { 'content-type': body.contentTypes[0] ?? 'text/plain' } }
            : { payload: {} }),
      };
      for (const role of [...ROLES, 'anonymous'] as const) {
        const res = await asRole(role)(options);
        const refusedByGate = res.statusCode === 403 && res.body.includes(GATE_REFUSAL);
        const auth = route.auth;
        const expected =
          auth === 'public'
            ? 'admitted'
            : role === 'anonymous'
              ? 'unauthenticated'
              : auth === 'signed-in' || ROLE_PERMISSIONS[role].includes(auth)
                ? 'admitted'
                : 'refused';
        const got = res.statusCode === 401 ? 'unauthenticated' : refusedByGate ? 'refused' : 'admitted';
        if (got !== expected)
          failures.push(`${route.operationId} as ${role}: ${got} (${res.statusCode}), expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('every role × TLP × handling code × own/shared/unshared data', () => {
  const cases = ROLES.flatMap((role) =>
    OWNERSHIP.flatMap((own) =>
      TLP_LEVELS.flatMap((tlp) => HANDLING_CODES.map((h) => ({ role, own, tlp, h }))),
    ),
  );

  it(`answers ${cases.length} cases on get, statements and list exactly as the policy says`, async () => {
    // The gate test above signed everyone out: sign in again.
    for (const [role, c] of clients)
      clients.set(role, await signIn(t.app, c.username, c.password, c.totpSecret));
    const op = operatorActor();
    const all = await t.hub.entities.list(op, { limit: 1000, offset: 0 });
    const idOf = new Map(all.results.map((e) => [e.properties.name?.[0] ?? '', e.id]));
    const missing = await asRole('analyst')({ url: '/api/entities/no-such.0000' });
    const failures: string[] = [];
    const lists = new Map<Role, string[]>();
    for (const role of ROLES) {
      const list = await asRole(role)({ url: '/api/entities?limit=1000' });
      lists.set(
        role,
        list.statusCode === 200
          ? list
              .json<{ results: { properties: { name?: string[] } }[] }>()
              .results.flatMap((e) => e.properties.name ?? [])
          : [],
      );
    }
    for (const { role, own, tlp, h } of cases) {
      const name = nameOf(own, tlp, h);
      const id = idOf.get(name) ?? 'unknown';
      const visible = expectedVisible(role, own, tlp);
      const get = await asRole(role)({ url: `/api/entities/${id}` });
      const statements = await asRole(role)({ url: `/api/entities/${id}/statements` });
      const label = `${role} ${own} ${tlp} ${h}`;
      if (visible) {
        if (get.statusCode !== 200) failures.push(`${label}: get ${get.statusCode}`);
        type Wire = { results?: { provenance: { handling: string; conditions: string | null } }[] };
        const first = statements.json<Wire>().results?.[0]?.provenance;
        if (first?.handling !== h) failures.push(`${label}: statements lost the handling code`);
        if (h === 'H3' && first?.conditions !== 'ask first')
          failures.push(`${label}: H3 conditions not shown with the data`);
      } else if (role === 'auditor' || role === 'agency-admin' || role === 'hub-admin') {
        // Roles without data:read are refused at the gate, whatever the entity.
        if (get.statusCode !== 403) failures.push(`${label}: get ${get.statusCode}, expected 403`);
      } else if (get.statusCode !== 404 || get.body !== missing.body) {
        failures.push(`${label}: hidden entity answered ${get.statusCode} ${get.body}, unlike a missing one`);
      }
      if ((lists.get(role) ?? []).includes(name) !== visible) failures.push(`${label}: list disagrees`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
