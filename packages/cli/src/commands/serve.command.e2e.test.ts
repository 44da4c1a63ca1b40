import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEW_BIN, requireBuiltCli } from '../testing/built-cli.js';

// `clew serve` as an operator starts it: on a free port, stopped with SIGINT once it listens.

interface Started {
  stderr: string;
  url: string;
  stop: () => Promise<number | null>;
}

const serve = (dataDir: string): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLEW_BIN, 'serve'], {
      env: { ...process.env, CLEW_DATA_DIR: dataDir, CLEW_DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    const stop = (): Promise<number | null> => {
      child.kill('SIGINT');
      return exited;
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const url = /listening on (http:\/\/\S+?)\/ /.exec(stderr)?.[1];
      // The administrator's box comes right after the listening line, when there is one.
      if (url && (stderr.includes('  Lost it?') || /\(Ctrl-C to stop\)\n[^\n]*$/.test(stderr)))
        setTimeout(() => {
          resolve({ stderr, url, stop });
        }, 200);
    });
    void exited.then((code) => {
      reject(new Error(`clew serve exited (${String(code)}): ${stderr}`));
    });
  });

describe('clew serve', () => {
  let dataDir: string;
  beforeAll(() => {
    requireBuiltCli();
    dataDir = mkdtempSync(join(tmpdir(), 'clew-serve-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'creates the administrator at first start and prints its one-time password once',
    { timeout: 120_000 },
    async () => {
      const first = await serve(dataDir);
      try {
        expect(first.stderr).toContain('First start: the hub administrator account was created.');
        expect(first.stderr).toMatch(/ {4}username: {11}admin\n/);
        expect(first.stderr).toContain('asks for a new password');
        expect(first.stderr).toContain('TOTP second factor');
        const password = /one-time password: {2}(\S+)/.exec(first.stderr)?.[1] ?? '';
        const res = await fetch(`${first.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { user: { roles: string[]; mustChangePassword: boolean } };
        expect(body.user).toMatchObject({ roles: ['hub-admin'], mustChangePassword: true });
        expect((await fetch(`${first.url}/api/agencies`)).status).toBe(401);
      } finally {
        expect(await first.stop()).toBe(0);
      }
      const second = await serve(dataDir);
      expect(await second.stop()).toBe(0);
      expect(second.stderr).not.toContain('one-time password');
    },
  );
});
