import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run on the TypeScript sources: each workspace package resolves to its src, not its build.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@clew\/store\/testing$/, replacement: src('store/src/testing/dialects.ts') },
      ...['core', 'store', 'app', 'demo', 'server'].map((name) => ({
        find: new RegExp(`^@clew/${name}$`),
        replacement: src(`${name}/src/index.ts`),
      })),
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
