import { createHash } from 'node:crypto';
import type { Hashing } from '../ports.js';

/**
 * The Hashing port over node:crypto, for tests only: core itself stays free of node:* (the lint rule
 * is relaxed for this folder and for test files), and this file is not exported from core's index.
 */
export const nodeHashing: Hashing = {
  sha1Hex: (input) => createHash('sha1').update(input, 'utf8').digest('hex'),
  keyedSha1Hex: (key, input) => createHash('sha1').update(`${key}\u0000${input}`, 'utf8').digest('hex'),
};
