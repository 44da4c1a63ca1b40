import type { Hashing } from '../ports.js';

const SIGNED_RE = /^(.+)\.([0-9a-f]{40})$/;

/**
 * Entity ids are namespaced in the shape FollowTheMoney's Namespace gives them — `<id>.<signature>` — with
 * a keyed SHA-1 (`sha1(key NUL id)`) as the signature (docs/decisions/0001),
 * where the key names the hub and the dataset. Two agencies' `p1` therefore never collide, and the id
 * the file used stays readable at the front. An id that is already signed (by this or any dataset,
 * on this or another hub) is kept as it is: that is how one agency states facts about another's
 * entity. Unlike FollowTheMoney's Namespace, ids that contain dots are kept whole.
 */
export const signEntityId = (hashing: Hashing, key: string, id: string): string =>
  SIGNED_RE.test(id) ? id : `${id}.${hashing.keyedSha1Hex(key, id)}`;

/** The id a file used, if `id` was signed under `key`; null if it was not. */
export const unsignEntityId = (hashing: Hashing, key: string, id: string): string | null => {
  const m = SIGNED_RE.exec(id);
  if (m?.[1] === undefined) return null;
  return hashing.keyedSha1Hex(key, m[1]) === m[2] ? m[1] : null;
};

/** True when the id has the shape of a signed id (whatever the key). */
export const looksSigned = (id: string): boolean => SIGNED_RE.test(id);

/** The namespace key of a dataset on a hub: different hubs sign the same dataset name differently. */
export const namespaceKey = (hubId: string, dataset: string): string => `${hubId}/${dataset}`;
