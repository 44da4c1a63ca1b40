import type { Kysely } from 'kysely';
import { connect, type Dialect, type StoreConfig } from './db.js';
import { grantAppRole } from './app-role.js';
import { migrateToLatest } from './migrate.js';
import { APP_ROLE } from './repos/agency-scope.js';
import { AccountsRepo } from './repos/accounts.repo.js';
import { AgenciesRepo } from './repos/agencies.repo.js';
import { AuditRepo } from './repos/audit.repo.js';
import { DatasetsRepo } from './repos/datasets.repo.js';
import { EntitiesRepo } from './repos/entities.repo.js';
import { HitsRepo } from './repos/hits.repo.js';
import { HubRepo } from './repos/hub.repo.js';
import { SharingRepo } from './repos/sharing.repo.js';
import { ImportCheckpointsRepo } from './repos/import-checkpoints.repo.js';
import { MatchesRepo } from './repos/matches.repo.js';
import { WritesRepo } from './repos/writes.repo.js';
import type { Database } from './schema.js';

/** The store: one database, its repositories, and how to close it. */
export interface Store {
  dialect: Dialect;
  location: string;
  db: Kysely<Database>;
  hub: HubRepo;
  agencies: AgenciesRepo;
  datasets: DatasetsRepo;
  entities: EntitiesRepo;
  writes: WritesRepo;
  accounts: AccountsRepo;
  sharing: SharingRepo;
  hits: HitsRepo;
  checkpoints: ImportCheckpointsRepo;
  matches: MatchesRepo;
  audit: AuditRepo;
  close(): Promise<void>;
}

/** Open the store, applying migrations unless it is opened read-only. */
export const openStore = async (config: StoreConfig): Promise<Store> => {
  let conn = await connect(config);
  try {
    if (!config.readonly) await migrateToLatest(conn.db, conn.location);
    if (conn.dialect === 'postgres') {
      // Migrations run as the connecting user; everything after, as the application role.
      if (!config.readonly) await grantAppRole(conn.db);
      await conn.close();
      conn = await connect(config, APP_ROLE);
    }
  } catch (e) {
    await conn.close();
    throw e;
  }
  const { db } = conn;
  const audit = new AuditRepo(
    db,
    conn.dialect,
    config.readonly && conn.dialect === 'sqlite' ? conn.location : undefined,
    conn.sqlite,
  );
  return {
    dialect: conn.dialect,
    location: conn.location,
    db,
    hub: new HubRepo(db),
    agencies: new AgenciesRepo(db),
    datasets: new DatasetsRepo(db),
    entities: new EntitiesRepo(db, config.unsafeWithoutReadChecks !== true),
    writes: new WritesRepo(db, conn.dialect, conn.sqlite),
    accounts: new AccountsRepo(db),
    sharing: new SharingRepo(db),
    hits: new HitsRepo(db),
    checkpoints: new ImportCheckpointsRepo(db),
    matches: new MatchesRepo(db),
    audit,
    close: async () => {
      await audit.close();
      await conn.close();
    },
  };
};
