import { openHub, type Hub } from '@clew/app';
import { operatorActor } from '@clew/core';
import { generateWorld, readTruthRecords, readTruthTable } from '@clew/demo';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld } from './demo.commands.js';

/** The record id a file used: the entity id without its signature. */
const recordIdOf = (key: string): string => key.replace(/\.[0-9a-f]{40}$/, '');

describe('trafficking patterns on the demo world (tiny, seed 42)', () => {
  const actor = operatorActor();
  let world: string;
  let dataDir: string;
  let hub: Hub;
  /** The true person behind each Person record, and the people the world made victims. */
  const personOf = new Map<string, string>();
  const victims = new Set<string>();

  beforeAll(async () => {
    world = mkdtempSync(join(tmpdir(), 'clew-world-'));
    dataDir = mkdtempSync(join(tmpdir(), 'clew-world-hub-'));
    await generateWorld({ seed: 42, scale: 'tiny', out: world });
    hub = await openHub({ dataDir, databaseUrl: undefined });
    await loadWorld(hub, world, actor);
    for (const r of await readTruthRecords(world))
      if (r.schema === 'Person') personOf.set(r.recordId, r.cluster);
    // Migrants exploited at a workplace, or held by a controller: the victims, not the smuggled.
    for (const v of await readTruthTable(world, 'victims.csv'))
      if (v.exploitation !== 'none' || v.controller !== '') victims.add(v.person ?? '');
  }, 180_000);
  afterAll(async () => {
    await hub.close();
    rmSync(world, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks only records of true victims as victims', async () => {
    const g = await hub.graph.graphFor(actor);
    const marked = g.key.filter((_, v) => g.isVictim[v] === 1);
    expect(marked.length).toBeGreaterThan(20);
    const migrants = new Set((await readTruthTable(world, 'victims.csv')).map((v) => v.person ?? ''));
    for (const key of marked) expect(migrants).toContain(personOf.get(recordIdOf(key)));
  });

  it('finds many victims at one address and one phone linked to many victims', async () => {
    const { matches } = await hub.graph.patterns(actor, { limit: 1000 });
    const at = matches.filter((m) => m.indicator === 'many-victims-at-address');
    const phones = matches.filter((m) => m.indicator === 'phone-linked-to-many-victims');
    expect(at.length).toBeGreaterThan(0);
    expect(phones.length).toBeGreaterThan(0);
    for (const m of [...at, ...phones]) {
      expect(m.count).toBeGreaterThanOrEqual(3);
      expect(m.related).toHaveLength(m.count);
      // Most of the people linked are truly exploited (the rest are migrants a raid found there).
      const exploited = m.related.filter((r) => victims.has(personOf.get(recordIdOf(r)) ?? ''));
      expect(exploited.length * 2).toBeGreaterThanOrEqual(m.count);
    }
  });
});
