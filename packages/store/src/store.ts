import type { Kysely } from 'kysely';
import { connect, type Dialect, type StoreConfig } from './db.js';
import { migrateToLatest } from './migrate.js';
import { AgenciesRepo } from './repos/agencies.repo.js';
import { DatasetsRepo } from './repos/datasets.repo.js';
import { EntitiesRepo } from './repos/entities.repo.js';
import { HubRepo } from './repos/hub.repo.js';
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
  close(): Promise<void>;
}

/** Open the store, applying migrations unless it is opened read-only. */
export const openStore = async (config: StoreConfig): Promise<Store> => {
  const conn = await connect(config);
  try {
    if (!config.readonly) await migrateToLatest(conn.db, conn.location);
  } catch (e) {
    await conn.close();
    throw e;
  }
  const { db } = conn;
  return {
    dialect: conn.dialect,
    location: conn.location,
    db,
    hub: new HubRepo(db),
    agencies: new AgenciesRepo(db),
    datasets: new DatasetsRepo(db),
    entities: new EntitiesRepo(db),
    writes: new WritesRepo(db, conn.dialect),
    close: () => conn.close(),
  };
};
