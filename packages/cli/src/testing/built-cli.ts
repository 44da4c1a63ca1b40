import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The command line as users run it (its build: `npm install` and `npm start` make it). */
export const CLEW_BIN = fileURLToPath(new URL('../../bin/clew.js', import.meta.url));

/** Fail with a clear message, instead of skipping, when the command line has not been built. */
export const requireBuiltCli = (): void => {
  if (!existsSync(fileURLToPath(new URL('../../dist/main.js', import.meta.url)))) {
    throw new Error(
      'packages/cli/dist is missing: run `npm run build` (npm install does it) before the command-line tests',
    );
  }
};

/** What a finished run of the command line printed and returned. */
export interface ClewRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `clew ARGS…` on the SQLite store in dataDir, and wait for it. */
export const runClew = (dataDir: string, ...args: string[]): ClewRun => {
  const r = spawnSync(process.execPath, [CLEW_BIN, ...args], {
    env: { ...process.env, CLEW_DATA_DIR: dataDir, CLEW_DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
