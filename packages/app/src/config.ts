import { availableParallelism } from 'node:os';
import { invalid } from '@clew/core';

/** How a hub is configured: from the environment, documented in the README. */
export interface HubConfig {
  /** HTTP port (PORT, default 8080). */
  port: number;
  /** Where the SQLite file, uploads and keys live (CLEW_DATA_DIR, default ./data). */
  dataDir: string;
  /** PostgreSQL instead of SQLite when set (CLEW_DATABASE_URL=postgres://…). */
  databaseUrl: string | undefined;
  /** The audit log's Ed25519 key, PEM (CLEW_AUDIT_KEY, default <dataDir>/audit-key.pem): kept outside the database. */
  auditKeyFile?: string | undefined;
  /**
   * Worker threads that answer screening queries in `clew serve`, each with a copy of the match index
   * (CLEW_SCREENING_THREADS; default 1 where there are two cores or more, else 0: on the thread that
   * serves HTTP). Each copy takes the index's memory again.
   */
  screeningThreads?: number;
}

/** Read the configuration from environment variables; a bad value is an error naming the variable. */
export const configFromEnv = (env: Record<string, string | undefined>): HubConfig => {
  const portRaw = env.PORT ?? '8080';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalid(`PORT must be a port number (0-65535), got "${portRaw}"`, { field: 'PORT' });
  }
  const databaseUrl = env.CLEW_DATABASE_URL?.trim() || undefined;
  const auditKeyFile = env.CLEW_AUDIT_KEY?.trim() || undefined;
  const threadsRaw = env.CLEW_SCREENING_THREADS?.trim() || String(availableParallelism() > 1 ? 1 : 0);
  const screeningThreads = Number(threadsRaw);
  if (!Number.isInteger(screeningThreads) || screeningThreads < 0 || screeningThreads > 64) {
    throw invalid(`CLEW_SCREENING_THREADS must be a whole number from 0 to 64, got "${threadsRaw}"`, {
      field: 'CLEW_SCREENING_THREADS',
    });
  }
  return {
    port,
    dataDir: env.CLEW_DATA_DIR?.trim() || './data',
    databaseUrl,
    auditKeyFile,
    screeningThreads,
  };
};
