import { ScreeningIndex } from '@clew/core';
import { parentPort } from 'node:worker_threads';
import { indexOptions } from './match-index.js';
import { HUB_PARAMS } from './match-records.js';
import { screenOn, type ReplicaMessage, type ReplicaReply } from './screening-work.js';

// The worker side of ScreeningReplicas: one copy of the hub's index, restored from its snapshot bytes,
// kept in step by the changes the hub's index made since, answering screening queries in turn.
let index: ScreeningIndex | undefined;
const reply = (r: ReplicaReply): void => parentPort?.postMessage(r);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
parentPort?.on('message', (m: ReplicaMessage) => {
  if ('init' in m) {
    try {
      index = ScreeningIndex.restore(m.init, indexOptions(HUB_PARAMS));
      reply({ ready: true });
    } catch (e) {
      reply({ failed: messageOf(e) });
    }
    return;
  }
  if ('ops' in m) {
    // The hub's index took these changes already; one failing here would leave the copy behind it.
    try {
      for (const op of m.ops) {
        if ('add' in op) index?.add(op.add);
        else index?.remove(op.remove);
      }
    } catch (e) {
      index = undefined;
      reply({ failed: messageOf(e) });
    }
    return;
  }
  try {
    if (!index) throw new Error('the replica has no index');
    reply({ id: m.id, hits: screenOn(index, m.screen) });
  } catch (e) {
    reply({ id: m.id, error: messageOf(e) });
  }
});
