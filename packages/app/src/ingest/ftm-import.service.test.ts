import { testDialects } from '@clew/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHub, linesOf, type HubFixture } from '../testing/hub-fixture.js';

const dialects = await testDialects();

const person = (id: string, props: Record<string, string[]>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, schema: 'Person', properties: props, ...extra });

const FILE = [
  person('p1', { name: ['Mohammed Ali'], birthDate: ['1985-03-02'], nationality: ['er'] }),
  person(
    'p2',
    { name: ['Yohannes Tesfay'], phone: ['+39 333 1234567'] },
    { clew: { marking: { handling: 'H2', tlp: 'RED' } } },
  ),
  JSON.stringify({
    id: 'pp1',
    schema: 'Passport',
    properties: { holder: ['p1'], number: ['ER1234567'], country: ['er'] },
  }),
  JSON.stringify({
    id: 'a1',
    schema: 'Associate',
    properties: { person: ['p1'], associate: ['p2'], relationship: ['cousin'] },
    clew: { properties: { relationship: { source: 'informant report 17', grading: 'C3' } } },
  }),
];

const exportAll = async (f: HubFixture): Promise<string[]> => {
  const out: string[] = [];
  for await (const line of f.hub.ftm.exportFtm(f.actor, 'it-cases')) out.push(line);
  return out;
};

describe.each(dialects)('FtM import and export on %s', (dialect) => {
  let f: HubFixture;
  beforeEach(async () => {
    f = await buildHub(dialect);
  });
  afterEach(async () => {
    await f.close();
  });

  it('imports every valid line and exports the same file back, exactly', async () => {
    const report = await f.hub.ftm.importFtm(f.actor, {
      dataset: 'it-cases',
      fileName: 'f.jsonl',
      open: linesOf(FILE),
    });
    expect(report).toMatchObject({ accepted: 4, rejected: 0, statements: 11 });
    expect(await exportAll(f)).toEqual(FILE);
  });

  it('keeps an entity given with no properties', async () => {
    const bare = JSON.stringify({ id: 'v1', schema: 'Vessel', properties: {} });
    await f.hub.ftm.importFtm(f.actor, { dataset: 'it-cases', fileName: 'f.jsonl', open: linesOf([bare]) });
    expect(await exportAll(f)).toEqual([bare]);
  });

  it('adds up fragments of one entity spread over several batches of a run', async () => {
    const parts = [
      person('p1', { name: ['Mohammed Ali'] }),
      person('p2', { name: ['Yohannes Tesfay'] }),
      person('p1', { birthDate: ['1985'] }),
    ];
    const report = await f.hub.ftm.importFtm(f.actor, {
      dataset: 'it-cases',
      fileName: 'f.jsonl',
      open: linesOf(parts),
      batchSize: 1,
    });
    expect(report.accepted).toBe(3);
    const [p1] = await exportAll(f);
    expect(p1).toBe(person('p1', { name: ['Mohammed Ali'], birthDate: ['1985'] }));
  });

  it('is idempotent: importing the same file twice changes nothing', async () => {
    await f.hub.ftm.importFtm(f.actor, { dataset: 'it-cases', fileName: 'f.jsonl', open: linesOf(FILE) });
    const before = await exportAll(f);
    const stats = await f.hub.datasets.stats(f.actor, 'it-cases');
    await f.hub.ftm.importFtm(f.actor, { dataset: 'it-cases', fileName: 'f.jsonl', open: linesOf(FILE) });
    expect(await exportAll(f)).toEqual(before);
    expect(await f.hub.datasets.stats(f.actor, 'it-cases')).toEqual(stats);
  });

  it('a re-import replaces an entity’s values instead of adding to them', async () => {
    await f.hub.ftm.importFtm(f.actor, { dataset: 'it-cases', fileName: 'f.jsonl', open: linesOf(FILE) });
    const changed = person('p1', { name: ['Mohamed Ali'] });
    await f.hub.ftm.importFtm(f.actor, {
      dataset: 'it-cases',
      fileName: 'g.jsonl',
      open: linesOf([changed]),
    });
    const lines = await exportAll(f);
    expect(lines[0]).toBe(changed);
    expect(lines).toHaveLength(4);
  });

  it('reports every bad line with its number, entity and property, and keeps the good ones', async () => {
    const bad = [
      FILE[0] ?? '',
      '{"id": "p9", "schema": "Person", "properties": {"name": ["Broken"]',
      person('p10', { shoeSize: ['44'] }),
      JSON.stringify({ id: 'x1', schema: 'Spaceship', properties: {} }),
      person('p11', { birthDate: ['1985-02-30'] }),
      '',
      FILE[1] ?? '',
    ];
    const seen: number[] = [];
    const report = await f.hub.ftm.importFtm(f.actor, {
      dataset: 'it-cases',
      fileName: 'bad.jsonl',
      open: linesOf(bad),
      onReject: (r) => seen.push(r.line),
    });
    expect(report.accepted).toBe(2);
    expect(report.rejected).toBe(4);
    expect(seen).toEqual([2, 3, 4, 5]);
    expect(report.rejections[0]?.reason).toMatch(/malformed JSON/);
    expect(report.rejections[1]).toMatchObject({ line: 3, entity: 'p10', property: 'shoeSize' });
    expect(report.rejections[2]?.reason).toMatch(/unknown schema "Spaceship"/);
    expect(report.rejections[3]).toMatchObject({ line: 5, entity: 'p11', property: 'birthDate' });
    expect(await exportAll(f)).toEqual([FILE[0], FILE[1]]);
  });

  it('in strict mode refuses the whole file and writes nothing', async () => {
    const bad = [FILE[0] ?? '', person('p10', { shoeSize: ['44'] })];
    await expect(
      f.hub.ftm.importFtm(f.actor, {
        dataset: 'it-cases',
        fileName: 'bad.jsonl',
        open: linesOf(bad),
        strict: true,
      }),
    ).rejects.toThrow(/bad\.jsonl line 2: schema Person has no property "shoeSize".*nothing was imported/);
    expect(await exportAll(f)).toEqual([]);
  });

  it('refuses an unknown dataset with a clear error', async () => {
    await expect(
      f.hub.ftm.importFtm(f.actor, { dataset: 'nope', fileName: 'f.jsonl', open: linesOf(FILE) }),
    ).rejects.toThrow('no dataset "nope"');
  });

  it('namespaces ids so two agencies’ p1 never collide, and keeps the id each file used', async () => {
    await f.hub.agencies.create(f.actor, { id: 'ngo-x', name: 'NGO', kind: 'ngo', country: 'gr' });
    await f.hub.datasets.create(f.actor, { name: 'ngo-cases', agency: 'ngo-x', defaults: { tlp: 'RED' } });
    await f.hub.ftm.importFtm(f.actor, {
      dataset: 'it-cases',
      fileName: 'a',
      open: linesOf([FILE[0] ?? '']),
    });
    await f.hub.ftm.importFtm(f.actor, {
      dataset: 'ngo-cases',
      fileName: 'b',
      open: linesOf([person('p1', { name: ['Amina'] })]),
    });
    const a = await f.hub.entities.list(f.actor, { dataset: 'it-cases', limit: 10, offset: 0 });
    const b = await f.hub.entities.list(f.actor, { dataset: 'ngo-cases', limit: 10, offset: 0 });
    expect(a.results[0]?.id).not.toBe(b.results[0]?.id);
    expect(a.results[0]?.records).toEqual([{ dataset: 'it-cases', originalId: 'p1' }]);
    expect(b.results[0]?.properties.name).toEqual(['Amina']);
  });

  it('merges what several datasets state about one entity, each statement keeping its provenance', async () => {
    await f.hub.ftm.importFtm(f.actor, {
      dataset: 'it-cases',
      fileName: 'a',
      open: linesOf([FILE[0] ?? '']),
    });
    const [p1] = (await f.hub.entities.list(f.actor, { dataset: 'it-cases', limit: 1, offset: 0 })).results;
    if (!p1) throw new Error('p1 missing');
    await f.hub.agencies.create(f.actor, { id: 'fiu-de', name: 'FIU', kind: 'fiu', country: 'de' });
    await f.hub.datasets.create(f.actor, {
      name: 'fiu-reports',
      agency: 'fiu-de',
      defaults: { source: 'STR 2024-88', tlp: 'AMBER+STRICT' },
    });
    await f.hub.ftm.importFtm(f.actor, {
      dataset: 'fiu-reports',
      fileName: 'b',
      open: linesOf([person(p1.id, { phone: ['+49 151 2345678'] })]),
    });
    const merged = await f.hub.entities.get(f.actor, p1.id);
    expect(merged.datasets).toEqual(['fiu-reports', 'it-cases']);
    expect(merged.properties.phone).toEqual(['+49 151 2345678']);
    const statements = await f.hub.entities.statements(f.actor, p1.id);
    const phone = statements.find((s) => s.prop === 'phone');
    expect(phone).toMatchObject({
      dataset: 'fiu-reports',
      agency: 'fiu-de',
      source: 'STR 2024-88',
      tlp: 'AMBER+STRICT',
    });
  });

  it('answers NotFound for an entity that does not exist', async () => {
    await expect(f.hub.entities.get(f.actor, 'nope.0000')).rejects.toMatchObject({ code: 'NotFound' });
  });
});
