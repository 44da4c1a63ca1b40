import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openStore, type Store } from '@clew/store';
import { Access } from './access/access.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AuthService } from './accounts/auth.service.js';
import { AgenciesService } from './agencies/agencies.service.js';
import { auditKeyPath, loadAuditSigner } from './audit/audit-keys.js';
import { AuditService } from './audit/audit.service.js';
import type { HubConfig } from './config.js';
import { DatasetsService } from './datasets/datasets.service.js';
import { EntitiesService } from './entities/entities.service.js';
import { GraphService } from './graph/graph.service.js';
import { identitiesOf } from './graph/resolved-identities.js';
import { FtmIngestService } from './ingest/ftm-import.service.js';
import { HitsService } from './hits/hits.service.js';
import { ImportEvents } from './ingest/import-events.js';
import { SharingService } from './sharing/sharing.service.js';
import { TableImportService } from './ingest/table-import.service.js';
import { HubMatchIndex } from './matching/hub-index.js';
import { MatchingService } from './matching/matching.service.js';

/** The match index's snapshot in the data directory (see matching/hub-index.ts). */
export const MATCH_INDEX_FILE = 'match-index.clhx';

/** A running hub: its store and one service per feature. */
export interface Hub {
  hubId: string;
  store: Store;
  access: Access;
  accounts: AccountsService;
  auth: AuthService;
  sharing: SharingService;
  /** The tamper-evident audit log: every access is recorded here before its result is returned. */
  audit: AuditService;
  /** Announced after every successful import; features that follow imports listen here. */
  imports: ImportEvents;
  agencies: AgenciesService;
  datasets: DatasetsService;
  entities: EntitiesService;
  graph: GraphService;
  ftm: FtmIngestService;
  tables: TableImportService;
  /** Cross-matching: candidates on arrival, screening, judgements, resolved identities. */
  matching: MatchingService;
  /** Hit/no-hit between agencies: notices, releases, declines, deadlines. */
  hits: HitsService;
  close(): Promise<void>;
}

/** Options for opening a hub beyond its configuration. */
export interface OpenHubOptions {
  readonly?: boolean;
  pgSchema?: string;
  /** Sign a checkpoint of the audit chain every this many entries (default 1000). */
  auditCheckpointEvery?: number;
  /**
   * Screening queries run on this many worker threads, each holding a copy of the match index
   * (decision 0012): a server's choice. Default 0: on the calling thread (a CLI command).
   */
  screeningThreads?: number;
}

/** Open the store (migrating it) and wire the services. */
export const openHub = async (
  config: Pick<HubConfig, 'dataDir' | 'databaseUrl'> & Partial<Pick<HubConfig, 'auditKeyFile'>>,
  options: OpenHubOptions = {},
): Promise<Hub> => {
  const store = await openStore({ ...config, ...options });
  try {
    const hubId = await store.hub.hubId(options.readonly ? undefined : () => randomUUID());
    // What access the store grants may be kept only where this process is its one writer.
    const soleWriter = store.dialect === 'sqlite' && options.readonly !== true;
    const access = new Access(store, soleWriter);
    const accounts = new AccountsService(store, access);
    const sharing = new SharingService(store, access);
    const signer = loadAuditSigner(auditKeyPath(config.dataDir, config.auditKeyFile));
    const audit = new AuditService(store, signer, options.auditCheckpointEvery);
    const auth = new AuthService(store, audit, access);
    const agencies = new AgenciesService(store, access, audit);
    const datasets = new DatasetsService(store, access, hubId, audit);
    const entities = new EntitiesService(store, access, audit);
    const graph = new GraphService(store, access, audit, identitiesOf(store), () =>
      store.matches.verdictsVersion(),
    );
    const imports = new ImportEvents();
    const ftm = new FtmIngestService(store, datasets, imports, audit);
    const tables = new TableImportService(store, datasets, imports, join(config.dataDir, 'mappings'));
    const matchIndex = new HubMatchIndex(
      store,
      {
        path: join(config.dataDir, MATCH_INDEX_FILE),
        hubId,
        save: options.readonly !== true,
      },
      options.screeningThreads,
    );
    const matching = new MatchingService(store, access, imports, audit, matchIndex);
    // After cross-matching has indexed a run (registered first, by MatchingService): snapshot soon.
    imports.on((run) => {
      matchIndex.reflect(run.importId);
      return Promise.resolve();
    });
    const hits = new HitsService(store, audit);
    // After cross-matching (registered first, by MatchingService): new candidates raise notices.
    imports.on(async (run) => {
      await hits.sync(run.dataset);
    });
    return {
      hubId,
      store,
      access,
      accounts,
      auth,
      sharing,
      audit,
      imports,
      agencies,
      datasets,
      entities,
      graph,
      ftm,
      tables,
      matching,
      hits,
      close: async () => {
        // A pending snapshot is written before the store goes (a CLI import saves what it indexed).
        await matchIndex
          .close()
          .finally(() => audit.close())
          .finally(() => store.close());
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
};
