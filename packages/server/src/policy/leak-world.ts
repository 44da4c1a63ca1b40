import { openHub, type Hub } from '@clew/app';
import {
  anonymousActor,
  HANDLING_CODES,
  operatorActor,
  TLP_LEVELS,
  type Actor,
  type HandlingCode,
  type Role,
  type Tlp,
} from '@clew/core';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorResolver } from '../http/actor.js';
import { buildServer } from '../server.js';

/**
 * Random hubs for the leak test: agencies, datasets, sharing and markings drawn by fast-check, and
 * an oracle — written apart from the policy in core, from the rules as the issue states them — of
 * what each user may see. Every value is a distinctive token, so a leak shows as a substring.
 */

const ROLES_TRIED: readonly Role[] = [
  'analyst',
  'investigator',
  'supervisor',
  'agency-admin',
  'auditor',
  'hub-admin',
];
const READERS: readonly Role[] = ['analyst', 'investigator', 'supervisor'];
const EMAILS = 6;

interface ValueSpec {
  tlp: Tlp;
  handling: HandlingCode;
}
interface EntitySpec {
  dataset: number;
  names: ValueSpec[];
  email: { index: number; marking: ValueSpec } | null;
}
/** A drawn hub: agencies 0..n-1, datasets owned by them, who each dataset is shared with, entities. */
export interface WorldSpec {
  agencies: number;
  datasets: number[];
  shares: boolean[][];
  entities: EntitySpec[];
}

const valueSpec = fc.record({
  tlp: fc.constantFrom(...TLP_LEVELS),
  handling: fc.constantFrom(...HANDLING_CODES),
});

/** The arbitrary of worlds: 2–4 agencies, 1–5 datasets, up to 14 entities. */
export const worldSpec: fc.Arbitrary<WorldSpec> = fc.integer({ min: 2, max: 4 }).chain((agencies) =>
  fc.array(fc.nat(agencies - 1), { minLength: 1, maxLength: 5 }).chain((datasets) =>
    fc.record({
      agencies: fc.constant(agencies),
      datasets: fc.constant(datasets),
      shares: fc.array(fc.array(fc.boolean(), { minLength: agencies, maxLength: agencies }), {
        minLength: datasets.length,
        maxLength: datasets.length,
      }),
      entities: fc.array(
        fc.record({
          dataset: fc.nat(datasets.length - 1),
          names: fc.array(valueSpec, { minLength: 1, maxLength: 3 }),
          email: fc.option(fc.record({ index: fc.nat(EMAILS - 1), marking: valueSpec }), { nil: null }),
        }),
        { minLength: 1, maxLength: 14 },
      ),
    }),
  ),
);

const agencyId = (i: number): string => `agency-${i}`;
const datasetName = (i: number): string => `ds-${i}`;
const nameToken = (n: number): string => `qvt${String(n).padStart(4, '0')}z`;
const email = (i: number): string => `m${i}@qvt-mail.example`;

/** A statement as the oracle sees it. */
interface OracleStatement {
  entity: string;
  dataset: number;
  value: string;
  tlp: Tlp;
}

/** A built world: the hub behind a server, its users, and what each may see. */
export interface LeakWorld {
  app: FastifyInstance;
  hub: Hub;
  spec: WorldSpec;
  users: { name: string; actor: Actor }[];
  entityIds: string[];
  datasetNames: string[];
  /** Entity ids each agency's users have asked for by id (the audit log may show them to its auditor). */
  asked: Map<string, Set<string>>;
  /** Every name token drawn (visible to someone or not), for screening queries. */
  tokens: string[];
  /** Values (tokens, e-mails) and entity ids the user may not see anywhere. */
  denied(user: string): { values: string[]; ids: string[] };
  /** Entities the user may see, per dataset: what counts must say. */
  visibleCounts(user: string): Map<string, number>;
  close(): Promise<void>;
}

const ownerOf = (spec: WorldSpec, dataset: number): number => spec.datasets[dataset] ?? -1;

/** The rules, as stated in the issue: own agency whole; shared datasets minus RED and AMBER+STRICT. */
const oracleSees = (spec: WorldSpec, actor: Actor, s: OracleStatement): boolean => {
  if (actor.kind !== 'user' || !actor.roles.some((r) => (READERS as readonly string[]).includes(r)))
    return false;
  const owner = agencyId(ownerOf(spec, s.dataset));
  if (owner === actor.agencyId) return true;
  const agencyIndex = Number(actor.agencyId.split('-')[1]);
  const shared = spec.shares[s.dataset]?.[agencyIndex] === true;
  return shared && s.tlp !== 'RED' && s.tlp !== 'AMBER+STRICT';
};

/** A value's marking in Clew's FtM extension (H3 carries its conditions). */
const markingJson = (v: ValueSpec): Record<string, string> => ({
  tlp: v.tlp,
  handling: v.handling,
  ...(v.handling === 'H3' ? { conditions: 'ask the owner before any use' } : {}),
});

const ftmLines = (
  spec: WorldSpec,
  dataset: number,
  counter: { n: number },
  out: OracleStatement[],
): string[] =>
  spec.entities.flatMap((e, i) => {
    if (e.dataset !== dataset) return [];
    const id = `e${i}`;
    const names = e.names.map(() => `Anna ${nameToken(counter.n++)}`);
    const values: Record<string, Record<string, Record<string, string>>> = {
      name: Object.fromEntries(
        names.map((n, k) => [n, markingJson(e.names[k] ?? { tlp: 'RED', handling: 'H0' })]),
      ),
    };
    const properties: Record<string, string[]> = { name: names };
    names.forEach((n, k) => out.push({ entity: id, dataset, value: n, tlp: e.names[k]?.tlp ?? 'RED' }));
    if (e.email) {
      properties.email = [email(e.email.index)];
      values.email = { [email(e.email.index)]: markingJson(e.email.marking) };
      out.push({ entity: id, dataset, value: email(e.email.index), tlp: e.email.marking.tlp });
    }
    return [JSON.stringify({ id, schema: 'Person', properties, clew: { values } })];
  });

/** Build a world on a fresh SQLite hub; requests name their user in the `x-test-user` header. */
export const buildLeakWorld = async (spec: WorldSpec): Promise<LeakWorld> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-leak-'));
  const hub = await openHub({ dataDir, databaseUrl: undefined });
  const op = operatorActor();
  for (let a = 0; a < spec.agencies; a++)
    await hub.agencies.create(op, { id: agencyId(a), name: `Agency ${a}`, kind: 'police', country: 'gb' });
  const statements: OracleStatement[] = [];
  const counter = { n: 0 };
  for (let d = 0; d < spec.datasets.length; d++) {
    await hub.datasets.create(op, { name: datasetName(d), agency: agencyId(ownerOf(spec, d)) });
    for (let a = 0; a < spec.agencies; a++) {
      if (spec.shares[d]?.[a] && a !== ownerOf(spec, d))
        await hub.sharing.share(op, {
          dataset: datasetName(d),
          granteeKind: 'agency',
          granteeId: agencyId(a),
        });
    }
    const lines = ftmLines(spec, d, counter, statements);
    const report = await hub.ftm.importFtm(op, {
      dataset: datasetName(d),
      fileName: `${datasetName(d)}.jsonl`,
      open: async function* () {
        await Promise.resolve();
        yield* lines;
      },
    });
    if (report.rejected > 0) throw new Error(`leak world: ${JSON.stringify(report.rejections)}`);
  }
  // Original id "e3" in dataset 1 → the stored (namespaced) id, read back as the operator sees it.
  const all = await hub.entities.list(op, { limit: 1000, offset: 0 });
  const idOf = new Map<string, string>();
  for (const e of all.results) for (const r of e.records) idOf.set(`${r.dataset}/${r.originalId}`, e.id);
  const stored = (s: OracleStatement): string =>
    idOf.get(`${datasetName(s.dataset)}/${s.entity}`) ?? s.entity;
  const users: { name: string; actor: Actor }[] = [{ name: 'anonymous', actor: anonymousActor }];
  for (let a = 0; a < spec.agencies; a++) {
    for (const role of ROLES_TRIED) {
      users.push({
        name: `${agencyId(a)}:${role}`,
        actor: { kind: 'user', userId: `u-${a}-${role}`, agencyId: agencyId(a), roles: [role] },
      });
    }
  }
  const actorOf = new Map(users.map((u) => [u.name, u.actor]));
  const resolver: ActorResolver = (request) =>
    Promise.resolve(actorOf.get(String(request.headers['x-test-user'])) ?? anonymousActor);
  const app = await buildServer(hub, { dataDir, actors: () => resolver });
  const seen = (user: string): ((s: OracleStatement) => boolean) => {
    const actor = actorOf.get(user) ?? anonymousActor;
    return (s) => oracleSees(spec, actor, s);
  };
  return {
    app,
    hub,
    spec,
    users,
    entityIds: [...new Set(statements.map(stored))],
    datasetNames: spec.datasets.map((_, d) => datasetName(d)),
    asked: new Map(),
    tokens: statements.filter((s) => s.value.startsWith('Anna ')).map((s) => s.value.slice(5)),
    denied: (user) => {
      const sees = seen(user);
      const visibleValues = new Set(statements.filter(sees).map((s) => s.value));
      const visibleIds = new Set(statements.filter(sees).map(stored));
      return {
        values: [...new Set(statements.map((s) => s.value))].filter((v) => !visibleValues.has(v)),
        ids: [...new Set(statements.map(stored))].filter((id) => !visibleIds.has(id)),
      };
    },
    visibleCounts: (user) => {
      const sees = seen(user);
      const out = new Map<string, number>();
      const counted = new Set<string>();
      for (const s of statements.filter(sees)) {
        const key = `${s.dataset}/${s.entity}`;
        if (counted.has(key)) continue;
        counted.add(key);
        out.set(datasetName(s.dataset), (out.get(datasetName(s.dataset)) ?? 0) + 1);
      }
      return out;
    },
    close: async () => {
      await app.close();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
