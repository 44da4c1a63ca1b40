import type { Hub } from '@clew/app';

/** What feature routes are built from: the hub's services and the few settings the edge owns. */
export interface RouteDeps {
  hub: Hub;
  /** Where uploads are spooled while they are imported (`<dataDir>/uploads`). */
  uploadsDir: string;
  /** The largest upload accepted, in bytes. */
  maxUploadBytes: number;
  /** The server's version, as health and OpenAPI report it. */
  version: string;
}
