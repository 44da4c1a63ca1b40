import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextColumn } from './text-column.js';

const joined = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const all = (c: TextColumn): string[] => Array.from({ length: c.length }, (_, i) => c.get(i));

describe('TextColumn', () => {
  it('reads back what it wrote, after replacements and appends, in any script', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replaceAll('\n', ' '));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(40), line), { maxLength: 6 }),
        fc.array(line, { maxLength: 5 }),
        (first, changes, more) => {
          const restored = TextColumn.fromBytes(joined(TextColumn.of(first).toBytes()), first.length);
          const expected = [...first];
          expect(all(restored)).toEqual(expected);
          for (const [i, s] of changes) {
            if (i >= expected.length) continue;
            restored.set(i, s);
            expected[i] = s;
          }
          for (const s of more) {
            restored.push(s);
            expected.push(s);
          }
          expect(all(restored)).toEqual(expected);
          expect(expected.map((_, i) => restored.isEmpty(i))).toEqual(expected.map((s) => s === ''));
          const again = TextColumn.fromBytes(joined(restored.toBytes()), expected.length);
          expect(all(again)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses bytes that do not hold the lines it is told', () => {
    const bytes = new TextEncoder().encode('a\nb\n');
    expect(() => TextColumn.fromBytes(bytes, 3)).toThrow(RangeError);
    expect(() => TextColumn.fromBytes(bytes, 1)).toThrow(RangeError);
    expect(all(TextColumn.fromBytes(bytes, 2))).toEqual(['a', 'b']);
  });
});
