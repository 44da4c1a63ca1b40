import type { Store } from '@clew/store';
import { createHash } from 'node:crypto';
import type { IdentitySource } from './graph.service.js';

/**
 * Resolved identities for the graph, from analysts' "same" judgements: records of one cluster become
 * one node. The node is named `identity:<digest of the cluster>`, never after a member, so a member
 * the reader may not see lends the node nothing — not even its id (hidden records are not loaded).
 */
export const identitiesOf =
  (store: Store): IdentitySource =>
  async () => {
    const clusters = await store.matches.allClusters();
    const names = new Map<string, string>();
    return (entityId) => {
      const cluster = clusters.get(entityId);
      if (cluster === undefined) return entityId;
      let name = names.get(cluster);
      if (name === undefined) {
        name = `identity:${createHash('sha1').update(cluster).digest('hex').slice(0, 20)}`;
        names.set(cluster, name);
      }
      return name;
    };
  };
