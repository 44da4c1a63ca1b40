import { sendable } from './batch-transfer.js';
import { serveBatches } from './bulk-threads.js';
import { parseFtmBatch } from './ftm-parse.js';
import type { ParseRequest } from './parse-pool.js';

// The worker side of ParsePool: parse each batch it is sent and send the result back.
serveBatches((req: ParseRequest) => sendable(parseFtmBatch(req.lines, req.firstLine, req.target)));
