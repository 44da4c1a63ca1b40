import { ClewError } from '../errors.js';

/**
 * Run `fn` and return the ClewError it throws, so a test can check code, message and location.
 * Fails the test when nothing is thrown or when something other than a ClewError is thrown.
 */
export const clewErrorFrom = (fn: () => unknown): ClewError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClewError) return e;
    throw new Error(`expected a ClewError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a ClewError, but nothing was thrown');
};
