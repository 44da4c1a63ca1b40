import { rowsOf, sendable } from './batch-transfer.js';
import { serveBatches } from './bulk-threads.js';
import { mapTableBatch } from './table-map.js';
import type { MapRequest } from './table-map-pool.js';

// The worker side of TableMapPool: map each batch it is sent and send the result back.
serveBatches((req: MapRequest) => sendable(mapTableBatch(req.mapping, rowsOf(req.rows), req.target)));
