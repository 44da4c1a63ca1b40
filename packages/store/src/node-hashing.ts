import { hash } from 'node:crypto';
import type { Hashing } from '@clew/core';

/** The domain's hash functions on node:crypto's one-shot hash (about 1 µs a call on short strings). */
export const nodeHashing: Hashing = {
  sha1Hex: (input) => hash('sha1', input, 'hex'),
  keyedSha1Hex: (key, input) => hash('sha1', `${key}\u0000${input}`, 'hex'),
};
