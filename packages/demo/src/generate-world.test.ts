import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MARKING, isClewError, parseFtmLine, resolveMarking, type FtmEntity } from '@clew/core';
import ExcelJS from 'exceljs';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidImo, isValidShipMmsi } from './data/identifiers.js';
import { generateWorld } from './generate-world.js';
import type { WorldManifest } from './manifest.js';
import { listFiles, makeWorld, parseCsv, readLines, type TestWorld } from './test-support.js';

const SCRIPTS: Readonly<Record<string, RegExp>> = {
  arabic: /\p{Script=Arabic}/u,
  ethiopic: /\p{Script=Ethiopic}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  greek: /\p{Script=Greek}/u,
  vietnamese: /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ]/u,
};

const loadEntities = async (w: TestWorld): Promise<Map<string, FtmEntity[]>> => {
  const manifest = JSON.parse(await readFile(join(w.dir, 'manifest.json'), 'utf8')) as WorldManifest;
  const out = new Map<string, FtmEntity[]>();
  for (const d of manifest.datasets) {
    const ftm = d.files.find((f) => f.format === 'ftm');
    if (!ftm) continue;
    out.set(ftm.path, (await readLines(join(w.dir, ftm.path))).map(parseFtmLine));
  }
  return out;
};

const values = (e: FtmEntity, prop: string): string[] => e.properties.get(prop) ?? [];

describe('generateWorld at tiny scale', () => {
  let w: TestWorld;
  let entities: Map<string, FtmEntity[]>;
  let manifest: WorldManifest;

  beforeAll(async () => {
    w = await makeWorld({ seed: 7, scale: 'tiny', noise: 0.4 });
    entities = await loadEntities(w);
    manifest = JSON.parse(await readFile(join(w.dir, 'manifest.json'), 'utf8')) as WorldManifest;
  });
  afterAll(async () => w.cleanup());

  it('writes every agency kind, with an FtM file whose every line passes parseFtmLine and resolves its marking', async () => {
    expect(new Set(manifest.agencies.map((a) => a.kind))).toEqual(
      new Set(['police', 'border', 'fiu', 'ngo', 'international']),
    );
    for (const d of manifest.datasets) {
      const ftm = d.files.find((f) => f.format === 'ftm');
      expect(ftm, d.name).toBeDefined();
      const lines = await readLines(join(w.dir, ftm?.path ?? ''));
      expect(lines.length, d.name).toBeGreaterThan(0);
      for (const line of lines)
        expect(() => resolveMarking(DEFAULT_MARKING, parseFtmLine(line).marking)).not.toThrow();
    }
    expect(w.summary.entities).toBe([...entities.values()].reduce((n, l) => n + l.length, 0));
  });

  it('lists in the manifest exactly the files it wrote', async () => {
    const written = await listFiles(w.dir);
    const listed = [
      ...manifest.datasets.flatMap((d) => d.files.map((f) => f.path)),
      ...manifest.truth.map((t) => t.file),
      'manifest.json',
    ];
    expect(written).toEqual([...listed].sort());
    expect([...w.summary.files].sort()).toEqual(written);
  });

  it('refers only to entities of the same file', () => {
    for (const [file, list] of entities) {
      const ids = new Set(list.map((e) => e.id));
      for (const e of list) {
        for (const [name, vals] of e.properties) {
          if (e.schema.getProperty(name).type.name !== 'entity') continue;
          for (const v of vals) expect(ids.has(v), `${file} ${e.id}.${name} -> ${v}`).toBe(true);
        }
      }
    }
  });

  it('keeps truth consistent with the records', async () => {
    const records = parseCsv(await readFile(join(w.dir, 'truth/records.csv'), 'utf8')).slice(1);
    const byFile = new Map(
      [...entities].map(([f, list]) => [f, new Map(list.map((e) => [e.id, e.schema.name]))]),
    );
    const seen = new Set<string>();
    for (const [cluster, , file, id, schema] of records) {
      expect(cluster).toBeTruthy();
      expect(byFile.get(file ?? '')?.get(id ?? ''), `${file ?? ''} ${id ?? ''}`).toBe(schema);
      seen.add(`${file ?? ''}|${id ?? ''}`);
    }
    expect(seen.size).toBe(w.summary.entities);
    const known = new Set<string>();
    for (const t of ['people', 'groups', 'documents', 'things'] as const) {
      const rows = parseCsv(await readFile(join(w.dir, `truth/${t}.csv`), 'utf8')).slice(1);
      for (const r of rows) known.add(r[0] ?? '');
    }
    for (const [cluster] of records) {
      if (/^(P|G|D|A|V|S|B|U|C)\d{7}$|^PL-/.test(cluster ?? ''))
        expect(known.has(cluster ?? ''), cluster).toBe(true);
    }
    // People seen by two agencies or more: the cross-agency links the hub is there to find.
    const agenciesOf = new Map<string, Set<string>>();
    for (const [cluster, agency, , , schema] of records) {
      if (schema !== 'Person') continue;
      const set = agenciesOf.get(cluster ?? '') ?? new Set<string>();
      set.add(agency ?? '');
      agenciesOf.set(cluster ?? '', set);
    }
    expect([...agenciesOf.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(20);
  });

  it('derives every native row from an FtM entity of the same agency (key column = entity id)', async () => {
    let rows = 0;
    for (const d of manifest.datasets) {
      const ftm = d.files.find((f) => f.format === 'ftm');
      const ids = new Set((entities.get(ftm?.path ?? '') ?? []).map((e) => e.id));
      for (const f of d.files.filter((x) => x.format === 'csv')) {
        const table = parseCsv(await readFile(join(w.dir, f.path), 'utf8'), f.delimiter);
        expect(table[0]?.[0]).toBe(f.key);
        for (const r of table.slice(1)) expect(ids.has(r[0] ?? ''), `${f.path} ${r[0] ?? ''}`).toBe(true);
        rows += table.length - 1;
      }
      for (const f of d.files.filter((x) => x.format === 'xlsx')) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(w.dir, f.path));
        const sheet = wb.worksheets[0];
        expect(sheet?.name).toBe(f.sheet);
        expect(sheet?.getCell('A1').value).toBe(f.key);
        sheet?.eachRow((row, n) => {
          if (n > 1) expect(ids.has(row.getCell(1).text), f.path).toBe(true);
        });
        rows += (sheet?.rowCount ?? 1) - 1;
      }
    }
    expect(rows).toBe(w.summary.nativeRows);
  });

  it('writes dates in each agency’s own layout', async () => {
    const it = parseCsv(await readFile(join(w.dir, 'it-ps/soggetti.csv'), 'utf8'), ';');
    const dob = it.slice(1).map((r) => r[4] ?? '');
    expect(dob.filter((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d)).length).toBeGreaterThan(dob.length * 0.9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(w.dir, 'ngo/casework.xlsx'));
    const ngo: string[] = [];
    wb.worksheets[0]?.eachRow((row, n) => {
      if (n > 1) ngo.push(row.getCell(4).text);
    });
    expect(ngo.length).toBeGreaterThan(0);
    expect(ngo.every((d) => /^\d{2}-\d{2}-\d{4}$|^\d{4}$/.test(d))).toBe(true);
  });

  it('holds names in Arabic, Ge’ez, Cyrillic and Greek scripts and Vietnamese diacritics', async () => {
    const text = (await Promise.all([...entities.keys()].map((f) => readFile(join(w.dir, f), 'utf8')))).join(
      '\n',
    );
    for (const [script, re] of Object.entries(SCRIPTS)) expect(re.test(text), script).toBe(true);
  });

  it('gives valid IBANs, IMO numbers and MMSIs', () => {
    const all = [...entities.values()].flat();
    const ibans = all.flatMap((e) => values(e, 'iban'));
    expect(ibans.length).toBeGreaterThan(0);
    for (const iban of ibans) expect(isValidIBAN(electronicFormatIBAN(iban) ?? ''), iban).toBe(true);
    const vessels = all.filter((e) => e.schema.name === 'Vessel');
    for (const v of vessels) {
      for (const imo of values(v, 'imoNumber')) expect(isValidImo(imo), imo).toBe(true);
      for (const mmsi of values(v, 'mmsi')) expect(isValidShipMmsi(mmsi), mmsi).toBe(true);
    }
  });

  it('marks NGO victim records RED/H2 and carries each agency’s own marking', () => {
    const ngo = entities.get('ngo/entities.ftm.jsonl') ?? [];
    const clients = ngo.filter((e) => e.schema.name === 'Person' && values(e, 'notes').length > 0);
    expect(clients.length).toBeGreaterThan(0);
    for (const c of clients) expect([c.marking?.tlp, c.marking?.handling]).toEqual(['RED', 'H2']);
    const bka = entities.get('de-bka/entities.ftm.jsonl') ?? [];
    expect(
      bka.some((e) => e.marking?.handling === 'H3' && (e.marking.handlingConditions ?? '').length > 0),
    ).toBe(true);
  });
});

describe('generateWorld determinism and noise', () => {
  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const [a, b, c] = await Promise.all([
      makeWorld({ seed: 'alpha', scale: 60 }),
      makeWorld({ seed: 'alpha', scale: 60 }),
      makeWorld({ seed: 'beta', scale: 60 }),
    ]);
    try {
      const files = await listFiles(a.dir);
      expect(await listFiles(b.dir)).toEqual(files);
      for (const f of files) {
        const [x, y] = await Promise.all([readFile(join(a.dir, f)), readFile(join(b.dir, f))]);
        expect(x.equals(y), f).toBe(true);
      }
      const [p1, p3] = await Promise.all([
        readFile(join(a.dir, 'truth/people.csv')),
        readFile(join(c.dir, 'truth/people.csv')),
      ]);
      expect(p1.equals(p3)).toBe(false);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup(), c.cleanup()]);
    }
  });

  it('adds noise at roughly the asked rates without changing who exists', async () => {
    const [clean, noisy] = await Promise.all([
      makeWorld({ seed: 3, scale: 400, noise: 0 }),
      makeWorld({ seed: 3, scale: 400, noise: 0.8 }),
    ]);
    try {
      const people = await Promise.all(
        [clean, noisy].map((x) => readFile(join(x.dir, 'truth/people.csv'), 'utf8')),
      );
      expect(people[0]).toBe(people[1]);
      const stats = async (
        x: TestWorld,
      ): Promise<{ yearOnly: number; national: number; spellings: number }> => {
        const all = [...(await loadEntities(x)).values()].flat().filter((e) => e.schema.name === 'Person');
        const dobs = all.flatMap((e) => values(e, 'birthDate'));
        const phones = all.flatMap((e) => values(e, 'phone'));
        const records = parseCsv(await readFile(join(x.dir, 'truth/records.csv'), 'utf8'));
        const cluster = new Map(records.map((r) => [r[3] ?? '', r[0] ?? '']));
        const names = new Map<string, Set<string>>();
        for (const e of all) {
          const first = values(e, 'firstName')[0];
          if (first === undefined) continue;
          const key = cluster.get(e.id) ?? '';
          names.set(key, (names.get(key) ?? new Set()).add(`${first}|${values(e, 'lastName')[0] ?? ''}`));
        }
        const multi = [...names.values()];
        return {
          yearOnly: dobs.filter((d) => d.length === 4).length / dobs.length,
          national: phones.filter((p) => !p.startsWith('+') && !p.startsWith('00')).length / phones.length,
          spellings: multi.filter((s) => s.size > 1).length / multi.length,
        };
      };
      const [s0, s8] = await Promise.all([stats(clean), stats(noisy)]);
      expect(s0).toEqual({ yearOnly: 0, national: 0, spellings: 0 });
      expect(s8.yearOnly).toBeGreaterThan(0.8 * 0.25 * 0.6);
      expect(s8.yearOnly).toBeLessThan(0.8 * 0.25 * 1.4);
      expect(s8.national).toBeGreaterThan(0.8 * 0.6 * 0.7);
      expect(s8.national).toBeLessThan(0.8 * 0.6 * 1.3);
      expect(s8.spellings).toBeGreaterThan(0.3);
    } finally {
      await Promise.all([clean.cleanup(), noisy.cleanup()]);
    }
  });
});

describe('generateWorld input checks', () => {
  const expectClewError = async (p: Promise<unknown>, code: string, text: RegExp): Promise<void> => {
    const e: unknown = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isClewError(e)).toBe(true);
    if (isClewError(e)) {
      expect(e.code).toBe(code);
      expect(e.message).toMatch(text);
    }
  };

  it('rejects a negative scale, an unknown scale name, a bad noise level, too many groups', async () => {
    await expectClewError(
      generateWorld({ seed: 1, scale: -5, out: '/tmp/never' }),
      'Invalid',
      /scale must be a whole number/,
    );
    await expectClewError(
      generateWorld({ seed: 1, scale: 'huge' as 'tiny', out: '/tmp/never' }),
      'Invalid',
      /unknown scale "huge"/,
    );
    await expectClewError(
      generateWorld({ seed: 1, scale: 'tiny', noise: 2, out: '/tmp/never' }),
      'Invalid',
      /noise must be/,
    );
    await expectClewError(
      generateWorld({ seed: 1, scale: 'tiny', groups: 500, out: '/tmp/never' }),
      'Invalid',
      /groups must be/,
    );
  });

  it('rejects an output directory it cannot write', async () => {
    const w = await makeWorld({ seed: 1, scale: 24, groups: 1 });
    try {
      const file = join(w.dir, 'a-file');
      await writeFile(file, 'x');
      await expectClewError(
        generateWorld({ seed: 1, scale: 'tiny', out: join(file, 'world') }),
        'Unavailable',
        /cannot write the demo world/,
      );
    } finally {
      await w.cleanup();
    }
  });
});
