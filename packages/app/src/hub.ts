import { randomUUID } from 'node:crypto';
import { openStore, type Store } from '@clew/store';
import { Access } from './access/access.js';
import { AgenciesService } from './agencies/agencies.service.js';
import type { HubConfig } from './config.js';
import { DatasetsService } from './datasets/datasets.service.js';
import { EntitiesService } from './entities/entities.service.js';
import { GraphService } from './graph/graph.service.js';
import { FtmIngestService } from './ingest/ftm-import.service.js';
import { ImportEvents } from './ingest/import-events.js';
import { TableImportService } from './ingest/table-import.service.js';

/** A running hub: its store and one service per feature. */
export interface Hub {
  hubId: string;
  store: Store;
  access: Access;
  /** Announced after every successful import; features that follow imports listen here. */
  imports: ImportEvents;
  agencies: AgenciesService;
  datasets: DatasetsService;
  entities: EntitiesService;
  graph: GraphService;
  ftm: FtmIngestService;
  tables: TableImportService;
  close(): Promise<void>;
}

/** Options for opening a hub beyond its configuration. */
export interface OpenHubOptions {
  readonly?: boolean;
  pgSchema?: string;
}

/** Open the store (migrating it) and wire the services. */
export const openHub = async (
  config: Pick<HubConfig, 'dataDir' | 'databaseUrl'>,
  options: OpenHubOptions = {},
): Promise<Hub> => {
  const store = await openStore({ ...config, ...options });
  try {
    const hubId = await store.hub.hubId(options.readonly ? undefined : () => randomUUID());
    const access = new Access(store);
    const agencies = new AgenciesService(store, access);
    const datasets = new DatasetsService(store, access, hubId);
    const entities = new EntitiesService(store, access);
    const graph = new GraphService(store, access);
    const imports = new ImportEvents();
    const ftm = new FtmIngestService(store, datasets, imports);
    const tables = new TableImportService(store, datasets, imports);
    return {
      hubId,
      store,
      access,
      imports,
      agencies,
      datasets,
      entities,
      graph,
      ftm,
      tables,
      close: () => store.close(),
    };
  } catch (e) {
    await store.close();
    throw e;
  }
};
