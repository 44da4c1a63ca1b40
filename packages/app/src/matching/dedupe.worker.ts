import { parentPort } from 'node:worker_threads';
import { DedupeWork, type ConvertRequest, type PairsRequest } from './dedupe-work.js';

/** A message to a dedupe worker: convert a page, or compare a share of the pairs. */
type Request = { id: number } & ({ convert: ConvertRequest } | { pairs: PairsRequest });

// The worker side of DedupePool: one DedupeWork per thread, answering each message in turn.
const work = new DedupeWork();
parentPort?.on('message', (req: Request) => {
  try {
    if ('convert' in req) {
      parentPort?.postMessage({ id: req.id, result: work.convert(req.convert) });
    } else {
      parentPort?.postMessage({ id: req.id, result: work.pairs(req.pairs) });
    }
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
