import { describe, expect, it } from 'vitest';
import type { EntityRecord, TruthRecord } from './observe/emitter.js';
import { worldRecords } from './world-stream.js';

const collect = (scale: number): { entities: EntityRecord[]; truth: TruthRecord[]; progress: number } => {
  const entities: EntityRecord[] = [];
  const truth: TruthRecord[] = [];
  let progress = 0;
  for (const r of worldRecords({ seed: 11, scale, noise: 0.3 })) {
    if (r.type === 'entity') entities.push(r);
    else if (r.type === 'truth') truth.push(r);
    else if (r.type === 'progress') progress++;
  }
  return { entities, truth, progress };
};

const rows = (truth: TruthRecord[], table: TruthRecord['table']): (string | number)[][] =>
  truth.filter((t) => t.table === table).map((t) => t.cells);

describe('worldRecords', () => {
  const { entities, truth, progress } = collect(2000);

  it('reports progress once per group and gives unique record ids', () => {
    expect(progress).toBe(10);
    const ids = entities.map((e) => e.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds groups with every role, and brokers who bridge two groups', () => {
    const memberships = rows(truth, 'memberships');
    const roles = new Set(memberships.map((m) => m[2]));
    for (const r of [
      'organiser',
      'recruiter',
      'transporter',
      'driver',
      'boat-pilot',
      'forger',
      'money-handler',
      'hawala-broker',
      'enforcer',
      'controller',
    ]) {
      expect(roles.has(r), r).toBe(true);
    }
    const groupsOf = new Map<string | number | undefined, Set<string | number | undefined>>();
    for (const m of memberships) groupsOf.set(m[0], (groupsOf.get(m[0]) ?? new Set()).add(m[1]));
    const bridges = [...groupsOf.values()].filter((g) => g.size === 2);
    expect(bridges.length).toBeGreaterThan(0);
    expect(memberships.filter((m) => m[4] === 'yes').length).toBe(bridges.length * 2);
  });

  it('plants every kind of indicator and every kind of exploitation', () => {
    const kinds = new Set(rows(truth, 'indicators').map((r) => r[0]));
    expect([...kinds].sort()).toEqual([
      'collector-account',
      'crowded-address',
      'documents-held',
      'repeat-vehicle',
      'repeat-vessel',
      'shared-recruit-phone',
    ]);
    const exploitation = new Set(rows(truth, 'victims').map((r) => r[2]));
    expect([...exploitation].sort()).toEqual(['criminality', 'labour', 'none', 'sexual']);
    const status = new Set(rows(truth, 'documents').map((r) => r[4]));
    expect([...status].sort()).toEqual(['forged', 'genuine', 'lost', 'stolen']);
  });

  it('uses the FtM relationships of a network', () => {
    const schemata = new Set(entities.map((e) => e.entity.schema));
    for (const s of [
      'Associate',
      'Family',
      'Membership',
      'Employment',
      'UnknownLink',
      'Ownership',
      'Payment',
      'Trip',
      'Call',
      'Message',
      'Event',
      'Passport',
      'Identification',
      'UserAccount',
      'BankAccount',
      'Vehicle',
      'Vessel',
      'Address',
      'Organization',
    ]) {
      expect(schemata.has(s), s).toBe(true);
    }
  });
});
