import { afterEach } from 'vitest';
import type { Dialect, StoreConfig } from '../db.js';
import { openStore, type Store } from '../store.js';
import { freshLocation, type TestLocation } from './dialects.js';

/** Stores on fresh locations for the tests of one describe block (see freshStores). */
export interface FreshStores {
  /** A fresh location with a store open on it (with `options` added to its config), seeded if the block seeds. */
  open(options?: Partial<StoreConfig>): Promise<Store>;
  /** Close the open store, if any, and open the current location again (not seeded again). */
  reopen(): Promise<Store>;
  /** Forget the open store: the test closed it itself. */
  release(): void;
  /** The current test's location. */
  readonly location: TestLocation;
}

/**
 * For a describe block of store tests: after each test, the store it opened is closed and its
 * location removed, whatever the test did. Only for vitest tests (it registers an afterEach hook).
 */
export const freshStores = (dialect: Dialect, seed?: (store: Store) => Promise<void>): FreshStores => {
  let location: TestLocation | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await location?.cleanup();
    location = undefined;
  });
  const current = (): TestLocation => {
    if (!location) throw new Error('no store opened in this test yet');
    return location;
  };
  return {
    async open(options = {}) {
      location = await freshLocation(dialect);
      store = await openStore({ ...location.config, ...options });
      await seed?.(store);
      return store;
    },
    async reopen() {
      await store?.close();
      store = undefined;
      store = await openStore(current().config);
      return store;
    },
    release() {
      store = undefined;
    },
    get location() {
      return current();
    },
  };
};
