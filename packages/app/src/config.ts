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
  return { port, dataDir: env.CLEW_DATA_DIR?.trim() || './data', databaseUrl, auditKeyFile };
};
