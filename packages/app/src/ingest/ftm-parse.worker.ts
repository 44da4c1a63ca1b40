import type { StatementTarget } from '@clew/core';
import { parentPort } from 'node:worker_threads';
import { sendable } from './batch-transfer.js';
import { parseFtmBatch } from './ftm-parse.js';

/** A request to the parse worker. */
interface ParseRequest {
  id: number;
  lines: string[];
  firstLine: number;
  target: StatementTarget;
}

// The worker side of ParsePool: parse each batch it is sent and send the result back.
parentPort?.on('message', (req: ParseRequest) => {
  try {
    parentPort?.postMessage({
      id: req.id,
      result: sendable(parseFtmBatch(req.lines, req.firstLine, req.target)),
    });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
