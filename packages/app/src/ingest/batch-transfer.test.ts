import type { FragmentWrite } from '@clew/store';
import { describe, expect, it } from 'vitest';
import { fragmentsOf, fragmentColumns, received, rowColumns, rowsOf, sendable } from './batch-transfer.js';
import type { RowInput } from './table-map.js';

// What crosses between threads is a structured clone: test through one, as postMessage does.
const across = <T>(value: T): T => structuredClone(value);

describe('batch transfer', () => {
  it('gives back the rows it was given, in order, refused rows and missing cells included', () => {
    const rows: RowInput[] = [
      { row: 2, values: { Name: 'Ana', Phone: '+39 333', Seen: '' } },
      { row: 3, error: { column: 'Phone', reason: 'unclosed quote' } },
      { row: 4, values: { Name: 'Bo "B" \n', Seen: '2024-01-02' } },
      { row: 5, error: { reason: 'the row has 2 cells; the header has 3' } },
      { row: 6, values: { Extra: 'only here', Name: 'Ché' } },
      { row: 7, values: {} },
    ];
    const back = rowsOf(across(rowColumns(rows)));
    expect(back).toStrictEqual(rows);
    expect(rowsOf(across(rowColumns([])))).toStrictEqual([]);
  });

  it('gives back the fragments and the rest of a batch', () => {
    const fragments: FragmentWrite[] = [
      {
        entityId: 'p1.ab',
        originalId: 'p1',
        schema: 'Person',
        caption: 'Ana',
        packed: '{"m":[],"s":[]}',
        shareable: true,
      },
      { entityId: 'a1.cd', originalId: 'a1', schema: 'Address', caption: '', packed: '{}', shareable: false },
    ];
    expect(fragmentsOf(across(fragmentColumns(fragments)))).toStrictEqual(fragments);
    const batch = { fragments, statements: 7, rejections: [{ row: 3, reason: 'x' }] };
    expect(received(across(sendable(batch)))).toStrictEqual(batch);
  });
});
