import type { Mapping, StatementTarget } from '@clew/core';
import { parentPort } from 'node:worker_threads';
import { mapTableBatch, type RowInput } from './table-map.js';

/** A request to the mapping worker. */
interface MapRequest {
  id: number;
  mapping: Mapping;
  rows: RowInput[];
  target: StatementTarget | undefined;
}

// The worker side of TableMapPool: map each batch it is sent and send the result back.
parentPort?.on('message', (req: MapRequest) => {
  try {
    parentPort?.postMessage({ id: req.id, result: mapTableBatch(req.mapping, req.rows, req.target) });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
