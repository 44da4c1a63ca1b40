import type { StatementDraft } from '@clew/core';
import { describe, expect, it } from 'vitest';
import { packStatements, unpackDrafts } from './fragment-codec.js';

const draft = (prop: string, value: string, over: Partial<StatementDraft> = {}): StatementDraft => ({
  entityId: 'p1.abc',
  dataset: 'ds',
  agency: 'ag',
  schema: 'Person',
  prop,
  propType: 'string',
  value,
  seq: 0,
  source: 'src "quoted"',
  collected: '2024-01-02',
  sourceReliability: 'B',
  infoAssessment: '2',
  handling: 'H1',
  handlingConditions: null,
  tlp: 'AMBER',
  ...over,
});

// The text the store has always kept: JSON.stringify of the packed arrays.
const asStringified = (statements: StatementDraft[]): string => {
  const m: unknown[][] = [];
  const s: unknown[][] = [];
  for (const st of statements) {
    const packed = [
      st.source,
      st.collected,
      st.sourceReliability,
      st.infoAssessment,
      st.handling,
      st.handlingConditions,
      st.tlp,
    ];
    let i = m.findIndex((x) => JSON.stringify(x) === JSON.stringify(packed));
    if (i < 0) i = m.push(packed) - 1;
    s.push([st.prop, st.value, i]);
  }
  return JSON.stringify({ m, s });
};

describe('packStatements', () => {
  const awkward = [
    'plain',
    'quote " and backslash \\',
    'new\nline and tab\t',
    'control \u0001 \u001f and DEL \u007f',
    'Ελένη Παπαδοπούλου',
    'محمد',
    'emoji 🚤 and a lone surrogate \ud800',
    '',
  ];

  it('writes exactly the text JSON.stringify gives, whatever the values', () => {
    const statements = awkward.map((v, i) =>
      draft(
        i % 2 === 0 ? 'name' : 'alias',
        v,
        i % 3 === 0 ? { tlp: 'RED', handlingConditions: 'no "onward"' } : {},
      ),
    );
    expect(packStatements(statements)).toBe(asStringified(statements));
    expect(packStatements([])).toBe(asStringified([]));
  });

  it('reads back as it was written', () => {
    const statements = awkward.map((v) => draft('name', v, { collected: null }));
    const back = unpackDrafts({
      dataset_id: 'ds',
      entity_id: 'p1.abc',
      agency_id: 'ag',
      schema: 'Person',
      statements: packStatements(statements),
    });
    expect(back.map((d) => [d.prop, d.value, d.collected, d.tlp])).toEqual(
      statements.map((d) => [d.prop, d.value, null, 'AMBER']),
    );
  });
});
