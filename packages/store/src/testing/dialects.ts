import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect, StoreConfig } from '../db.js';
import type { Store } from '../store.js';

/** Where the PostgreSQL test database is (trust auth on these machines). */
export const TEST_PG_URL = process.env.CLEW_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** PostgreSQL tests are required (fail, never skip) in CI or when a test database is named. */
export const PG_REQUIRED = process.env.CI === 'true' || process.env.CLEW_TEST_DATABASE_URL !== undefined;

const probe = async (url: string): Promise<string | null> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * The engines the store tests run on: SQLite always; PostgreSQL when reachable — and in CI it must
 * be: an unreachable server there is an error, not a skip. CLEW_TEST_DIALECTS=sqlite narrows the set.
 */
export const testDialects = async (): Promise<Dialect[]> => {
  const wanted = (process.env.CLEW_TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  const out: Dialect[] = [];
  if (wanted.includes('sqlite')) out.push('sqlite');
  if (wanted.includes('postgres')) {
    const problem = await probe(TEST_PG_URL);
    if (problem === null) out.push('postgres');
    else if (PG_REQUIRED)
      throw new Error(
        `PostgreSQL is required for these tests but ${TEST_PG_URL} does not answer: ${problem}`,
      );
    else
      console.warn(
        `PostgreSQL at ${TEST_PG_URL} does not answer (${problem}): PostgreSQL store tests skipped here; CI runs them.`,
      );
  }
  return out;
};

/** A fresh, empty place to open a store: a temp directory for SQLite, a new schema for PostgreSQL. */
export interface TestLocation {
  config: StoreConfig;
  /** Remove everything the test created. */
  cleanup(): Promise<void>;
}

/** Make a fresh test location for the dialect. */
export const freshLocation = async (dialect: Dialect): Promise<TestLocation> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-test-'));
  if (dialect === 'sqlite') {
    return {
      config: { dataDir },
      cleanup: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const schema = `clew_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    config: { dataDir, databaseUrl: TEST_PG_URL, pgSchema: schema },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** The rows of an agency and one dataset of it, with the default marking (AMBER, X4, H0). */
export const seedRows = (dataset: string, agency: string) =>
  ({
    agency: { id: agency, name: agency, kind: 'police', country: 'it', created_at: '2026-01-01' },
    dataset: {
      id: dataset,
      agency_id: agency,
      label: dataset,
      default_source: '',
      default_collected: null,
      default_source_reliability: 'X',
      default_info_assessment: '4',
      default_handling: 'H0',
      default_handling_conditions: null,
      default_tlp: 'AMBER',
      created_at: '2026-01-01',
    },
  }) as const;

/** An agency and one dataset of it, with the default marking (AMBER, X4, H0), for tests and benchmarks. */
export const seedDataset = async (store: Store, dataset: string, agency: string): Promise<void> => {
  const rows = seedRows(dataset, agency);
  await store.agencies.insert(rows.agency);
  await store.datasets.insert(rows.dataset);
};
