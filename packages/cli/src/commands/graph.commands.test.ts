import { openHub } from '@clew/app';
import { operatorActor } from '@clew/core';
import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerGraphCommands } from './graph.commands.js';

const LINES = [
  '{"id":"p1","schema":"Person","properties":{"name":["Ann Amato"],"phone":["+39 333 1234567"]}}',
  '{"id":"p2","schema":"Person","properties":{"name":["Bea Bruno"],"phone":["3331234567"]}}',
  '{"id":"m1","schema":"Payment","properties":{"payer":["p1"],"beneficiary":["p2"],"amount":["250"],"date":["2024-03-01"]}}',
];

describe('clew graph', () => {
  let dataDir: string;
  let ann = '';
  const saved = { dir: process.env.CLEW_DATA_DIR, url: process.env.CLEW_DATABASE_URL };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'clew-graph-cli-'));
    process.env.CLEW_DATA_DIR = dataDir;
    process.env.CLEW_DATABASE_URL = '';
    const hub = await openHub({ dataDir, databaseUrl: undefined });
    const actor = operatorActor();
    await hub.agencies.create(actor, { id: 'police-it', name: 'Polizia', kind: 'police', country: 'it' });
    await hub.datasets.create(actor, { name: 'it-cases', agency: 'police-it' });
    await hub.ftm.importFtm(actor, {
      dataset: 'it-cases',
      fileName: 'f.jsonl',
      open: async function* () {
        await Promise.resolve();
        yield* LINES;
      },
    });
    ann = (await hub.graph.graphFor(actor)).key.find((k) => k.startsWith('p1.')) ?? '';
    await hub.close();
  });
  afterAll(() => {
    process.env.CLEW_DATA_DIR = saved.dir;
    process.env.CLEW_DATABASE_URL = saved.url;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (...args: string[]): Promise<string> => {
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      const program = new Command().exitOverride();
      registerGraphCommands(program);
      await program.parseAsync(['node', 'clew', 'graph', ...args]);
    } finally {
      spy.mockRestore();
    }
    return chunks.join('');
  };

  it('prints a neighbourhood as a table, or as JSON', async () => {
    const text = await run('neighbourhood', ann);
    expect(text).toContain('phone:+393331234567');
    expect(text).toContain('Bea Bruno');
    const json = JSON.parse(await run('neighbourhood', ann, '--hops', '1', '--json')) as { nodes: unknown[] };
    expect(json.nodes).toHaveLength(3);
  });

  it('filters neighbourhood, paths and flows by edge dates and agencies', async () => {
    expect(await run('flows', ann, '--since', '2024-03-01')).toMatch(/^total 250\n/);
    expect(await run('flows', ann, '--until', '2024-02-29')).toMatch(/^total 0\n/);
    const nodes = async (agencies: string): Promise<unknown[]> =>
      (
        JSON.parse(await run('neighbourhood', ann, '--hops', '1', '--agencies', agencies, '--json')) as {
          nodes: unknown[];
        }
      ).nodes;
    expect(await nodes('police-it')).toHaveLength(3);
    expect(await nodes('other')).toHaveLength(1);
    expect(await run('paths', ann, 'phone:+393331234567', '--agencies', 'other')).toBe('no path\n');
    await expect(run('flows', ann, '--since', '1st of May')).rejects.toMatchObject({ code: 'Invalid' });
  });

  it('runs flows, centrality, communities, paths and patterns', async () => {
    expect(await run('flows', ann)).toMatch(/^total 250\n/);
    expect(await run('centrality', '--measure', 'degree', '--limit', '2')).toContain('rank');
    expect(await run('communities')).toMatch(/communities, modularity/);
    expect(await run('paths', ann, 'phone:+393331234567')).toContain('→ phone:+393331234567');
    expect(await run('patterns')).toContain('indicator');
  });
});
