import type { Mapping, StatementTarget } from '@clew/core';
import { parentPort } from 'node:worker_threads';
import { rowsOf, sendable, type RowColumns } from './batch-transfer.js';
import { mapTableBatch } from './table-map.js';

/** A request to the mapping worker. */
interface MapRequest {
  id: number;
  mapping: Mapping;
  rows: RowColumns;
  target: StatementTarget | undefined;
}

// The worker side of TableMapPool: map each batch it is sent and send the result back.
parentPort?.on('message', (req: MapRequest) => {
  try {
    parentPort?.postMessage({
      id: req.id,
      result: sendable(mapTableBatch(req.mapping, rowsOf(req.rows), req.target)),
    });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
