import { openHub } from '@clew/app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, hostFromEnv, startServer } from './server.js';

describe('hostFromEnv', () => {
  it('binds to loopback unless HOST says otherwise', () => {
    expect(hostFromEnv({})).toBe('127.0.0.1');
    expect(hostFromEnv({ HOST: ' ' })).toBe('127.0.0.1');
    expect(hostFromEnv({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
});

describe('startServer', () => {
  it('listens on loopback by default', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clew-start-'));
    const hub = await openHub({ dataDir, databaseUrl: undefined });
    try {
      const app = await startServer(hub, { dataDir, port: 0, host: hostFromEnv({}), logger: false });
      expect((app.server.address() as AddressInfo).address).toBe(DEFAULT_HOST);
      await app.close();
    } finally {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
