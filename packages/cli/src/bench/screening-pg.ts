import pg from 'pg';

/**
 * The peer of the screening benchmark: PostgreSQL's pg_trgm on the same names, the way a team would
 * deploy it (one text column, a GIN trigram index, `name % q ORDER BY similarity(name, q) DESC LIMIT 10`
 * at the default similarity threshold 0.3). Runs in its own schema, dropped at the end.
 */

/** What the pg_trgm side measured. */
export interface PgResult {
  loadSeconds: number;
  indexSeconds: number;
  /** Per query, in milliseconds. */
  latencies: number[];
  /** Per query: the ids it returned, best first. */
  results: string[][];
}

const SCHEMA = 'clew_screening_bench';

/** Load `names` (id, name) into PostgreSQL at `url`, index them, and run the queries one by one. */
export const runPgTrgm = async (
  url: string,
  names: Iterable<readonly [string, string]>,
  queries: readonly string[],
): Promise<PgResult> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    await client.query(`CREATE TABLE ${SCHEMA}.people (id text PRIMARY KEY, name text NOT NULL)`);
    let t0 = performance.now();
    let ids: string[] = [];
    let texts: string[] = [];
    const flush = async (): Promise<void> => {
      if (ids.length === 0) return;
      await client.query(`INSERT INTO ${SCHEMA}.people SELECT * FROM unnest($1::text[], $2::text[])`, [
        ids,
        texts,
      ]);
      ids = [];
      texts = [];
    };
    for (const [id, name] of names) {
      ids.push(id);
      texts.push(name);
      if (ids.length === 20_000) await flush();
    }
    await flush();
    const loadSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await client.query(`CREATE INDEX people_name_trgm ON ${SCHEMA}.people USING gin (name gin_trgm_ops)`);
    await client.query(`ANALYZE ${SCHEMA}.people`);
    const indexSeconds = (performance.now() - t0) / 1000;
    const latencies: number[] = [];
    const results: string[][] = [];
    const sql = `SELECT id FROM ${SCHEMA}.people WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 10`;
    for (const q of queries) {
      const s = performance.now();
      const r = await client.query<{ id: string }>(sql, [q]);
      latencies.push(performance.now() - s);
      results.push(r.rows.map((row) => row.id));
    }
    return { loadSeconds, indexSeconds, latencies, results };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  }
};
