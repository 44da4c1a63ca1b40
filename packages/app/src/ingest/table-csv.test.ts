import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, readCsv, sniffDelimiter, type TableEvent } from './table-csv.js';

// A byte stream in chunks of `size`, to cross every boundary a real stream might.
async function* chunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  await Promise.resolve();
}

const read = async (
  input: string | Uint8Array,
  options: Parameters<typeof readCsv>[1] = {},
  size = 7,
): Promise<TableEvent[]> => {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const out: TableEvent[] = [];
  for await (const e of readCsv(chunks(bytes, size), options)) out.push(e);
  return out;
};

const rows = (events: TableEvent[]): Record<string, string>[] =>
  events.flatMap((e) => (e.kind === 'row' ? [e.values] : []));
const errors = (events: TableEvent[]): { row: number; line: number; reason: string }[] =>
  events.flatMap((e) => (e.kind === 'error' ? [{ row: e.row, line: e.line, reason: e.reason }] : []));

describe('readCsv', () => {
  it('reads quoted fields with doubled quotes, quoted newlines and CRLF, skipping blank lines', async () => {
    const events = await read('id,name\r\n1,"Haile, ""T"""\r\n\r\n2,"two\r\nlines"\r\n3,plain');
    expect(events[0]).toEqual({ kind: 'header', columns: ['id', 'name'] });
    expect(rows(events)).toEqual([
      { id: '1', name: 'Haile, "T"' },
      { id: '2', name: 'two\r\nlines' },
      { id: '3', name: 'plain' },
    ]);
    expect(events.flatMap((e) => (e.kind === 'row' ? [[e.row, e.line]] : []))).toEqual([
      [2, 2],
      [3, 4],
      [4, 6],
    ]);
  });

  it.each([
    [';', 'a;b\n1;2'],
    ['\t', 'a\tb\n1\t2'],
    ['|', 'a|b\n1|2'],
    [',', '"a;b",c\n1,2'],
  ])('sniffs the delimiter %j from the header', async (d, text) => {
    expect(sniffDelimiter(text.split('\n')[0] ?? '')).toBe(d);
    expect(errors(await read(text))).toEqual([]);
  });

  it('drops a UTF-8 BOM and reads UTF-16 with a BOM', async () => {
    expect((await read('\uFEFFid,x\n1,é'))[0]).toEqual({ kind: 'header', columns: ['id', 'x'] });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id;x\n1;é', 'utf16le')]);
    expect(rows(await read(le))).toEqual([{ id: '1', x: 'é' }]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('id;x\n1;é', 'utf16le')]));
    for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1] ?? 0, be[i] ?? 0];
    expect(rows(await read(be))).toEqual([{ id: '1', x: 'é' }]);
    // Without a BOM, UTF-16 is read when named (and would not pass for UTF-8 text otherwise).
    const bare = Buffer.from('id;x\n1;é', 'utf16le');
    expect(rows(await read(bare, { encoding: 'utf-16le' }))).toEqual([{ id: '1', x: 'é' }]);
  });

  it('falls back to Windows-1252 on invalid UTF-8 and says so, or reads it when told', async () => {
    const bytes = Buffer.from('id,name\n1,Jos\xe9 \x80\n', 'latin1');
    const events = await read(bytes, {}, 1024);
    expect(rows(events)).toEqual([{ id: '1', name: 'José €' }]);
    expect(events.some((e) => e.kind === 'notice' && e.message.includes('Windows-1252'))).toBe(true);
    expect(rows(await read(bytes, { encoding: 'windows-1252' }))).toEqual([{ id: '1', name: 'José €' }]);
  });

  it('reports ragged rows and an unclosed quote with their row, and goes on', async () => {
    const events = await read('a,b\n1\n1,2,3\n4,5\n6,"never closed\n7,8');
    expect(rows(events)).toEqual([{ a: '4', b: '5' }]);
    expect(errors(events)).toEqual([
      { row: 2, line: 2, reason: 'the row has 1 cells; the header has 2' },
      { row: 3, line: 3, reason: 'the row has 3 cells; the header has 2' },
      { row: 5, line: 5, reason: 'a quoted field opened on line 5 is never closed' },
    ]);
  });

  it('refuses an over-long field without keeping it, and reads the next record', async () => {
    const big = 'x'.repeat(5000);
    const events = await read(
      `a,b\n1,"${big}\n${big}"\n2,${big}\n3,ok`,
      { limits: { maxFieldChars: 1000 } },
      256,
    );
    expect(rows(events)).toEqual([{ a: '3', b: 'ok' }]);
    expect(errors(events).map((e) => [e.row, e.line, e.reason])).toEqual([
      [2, 2, 'a field is over 1000 characters'],
      [3, 4, 'a field is over 1000 characters'],
    ]);
  });

  it('survives a CSV bomb: a 100 MB quoted field, in flat memory', async () => {
    const chunk = new Uint8Array(1 << 16).fill(0x78);
    async function* bomb(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('a,b\n1,"');
      for (let i = 0; i < 1600; i++) yield chunk;
      yield new TextEncoder().encode('"\n2,ok\n');
      await Promise.resolve();
    }
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const events: TableEvent[] = [];
    for await (const e of readCsv(bomb())) {
      events.push(e);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(errors(events)).toEqual([{ row: 2, line: 2, reason: 'a field is over 1 MB' }]);
    expect(rows(events)).toEqual([{ a: '2', b: 'ok' }]);
    expect(peak - before).toBeLessThan(50 * 2 ** 20);
  });

  it('refuses an empty file and a header naming a column twice', async () => {
    await expect(read('', { file: 'x.csv' })).rejects.toThrow(/empty/);
    await expect(read('a,a\n1,2')).rejects.toThrow(/twice/);
  });

  it('reads back any table it writes (fuzz)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', '"', ',', ';', '\n', '\r', ' ', '𝄞', 'x') });
    const table = fc.integer({ min: 1, max: 4 }).chain((w) =>
      fc.tuple(
        fc.uniqueArray(
          cell.filter((c) => c.trim() === c && c !== ''),
          { minLength: w, maxLength: w },
        ),
        fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 6 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(',', ';'),
        fc.integer({ min: 1, max: 9 }),
        async ([head, body], d, size) => {
          const text = [head, ...body].map((r) => csvLine(r, d)).join('\r\n');
          const events = await read(text, { delimiter: d }, size);
          expect(errors(events)).toEqual([]);
          expect(rows(events)).toEqual(body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]]))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on byte garbage, except the reported errors of a file without a header (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          await read(bytes, { limits: { maxFieldChars: 50, maxCells: 20 } }, 13);
        } catch (e) {
          expect((e as Error).name).toBe('ClewError');
        }
      }),
      { numRuns: 500 },
    );
  });
});
