import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMarking } from '../testing/factories.js';
import { clewErrorFrom } from '../testing/errors.js';
import {
  DEFAULT_MARKING,
  HANDLING_CODES,
  INFO_ASSESSMENT,
  SOURCE_RELIABILITY,
  TLP_LEVELS,
  gradingOf,
  parseGrading,
  parseHandling,
  parseTlp,
  resolveMarking,
  type Marking,
} from './markings.js';

describe('marking vocabularies', () => {
  it('lists the Europol 4x4 halves, the handling codes and TLP 2.0 from least to most restrictive', () => {
    expect(SOURCE_RELIABILITY).toEqual(['A', 'B', 'C', 'X']);
    expect(INFO_ASSESSMENT).toEqual(['1', '2', '3', '4']);
    expect(HANDLING_CODES).toEqual(['H0', 'H1', 'H2', 'H3']);
    expect(TLP_LEVELS).toEqual(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED']);
  });

  it('defaults to an unknown source graded X4, handling H0, TLP AMBER', () => {
    expect(DEFAULT_MARKING).toEqual({
      source: '',
      collected: null,
      sourceReliability: 'X',
      infoAssessment: '4',
      handling: 'H0',
      handlingConditions: null,
      tlp: 'AMBER',
    });
  });
});

describe('parseTlp', () => {
  it.each([
    ['CLEAR', 'CLEAR'],
    ['clear', 'CLEAR'],
    ['TLP:CLEAR', 'CLEAR'],
    ['WHITE', 'CLEAR'],
    ['tlp:white', 'CLEAR'],
    ['green', 'GREEN'],
    ['TLP:GREEN', 'GREEN'],
    ['AMBER', 'AMBER'],
    ['  amber  ', 'AMBER'],
    ['tlp:amber', 'AMBER'],
    ['AMBER+STRICT', 'AMBER+STRICT'],
    ['amber+strict', 'AMBER+STRICT'],
    ['TLP:AMBER + STRICT', 'AMBER+STRICT'],
    ['RED', 'RED'],
    ['TLP: red', 'RED'],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseTlp(raw)).toBe(expected);
  });

  it.each(['', 'PURPLE', 'AMBER STRICT', 'TLP', 'TLP:', 'AMBER+', 'TLP:TLP:RED', 'R'])(
    'rejects %j with an Invalid error on the tlp field that quotes the input',
    (raw) => {
      const e = clewErrorFrom(() => parseTlp(raw));
      expect(e.code).toBe('Invalid');
      expect(e.where).toEqual({ field: 'tlp' });
      expect(e.message).toContain(`"${raw}"`);
      expect(e.message).toContain('AMBER+STRICT');
    },
  );

  it('reads every TLP level written in any letter case, with or without the TLP: prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TLP_LEVELS), fc.boolean(), fc.boolean(), (level, lower, prefix) => {
        const written = `${prefix ? 'TLP:' : ''}${level}`;
        expect(parseTlp(lower ? written.toLowerCase() : written)).toBe(level);
      }),
    );
  });
});

describe('parseHandling', () => {
  it.each([
    ['H0', 'H0'],
    ['h1', 'H1'],
    [' H2 ', 'H2'],
    ['h3', 'H3'],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseHandling(raw)).toBe(expected);
  });

  it.each(['', 'H4', '3', 'H', 'HH3', 'H 3', 'H3 restricted'])('rejects %j on the handling field', (raw) => {
    const e = clewErrorFrom(() => parseHandling(raw));
    expect(e.code).toBe('Invalid');
    expect(e.where).toEqual({ field: 'handling' });
    expect(e.message).toContain(`"${raw}"`);
  });
});

describe('parseGrading', () => {
  it.each([
    ['A1', 'A', '1'],
    ['b2', 'B', '2'],
    [' c3 ', 'C', '3'],
    ['X4', 'X', '4'],
  ])('reads %j as %s%s', (raw, sourceReliability, infoAssessment) => {
    expect(parseGrading(raw)).toEqual({ sourceReliability, infoAssessment });
  });

  it.each(['', 'A', '1', 'A0', 'A5', 'D1', '1A', 'AA', 'A12', 'B 2', 'XX4'])(
    'rejects %j on the grading field',
    (raw) => {
      const e = clewErrorFrom(() => parseGrading(raw));
      expect(e.code).toBe('Invalid');
      expect(e.where).toEqual({ field: 'grading' });
      expect(e.message).toContain(`"${raw}"`);
    },
  );

  it('is the inverse of gradingOf for all sixteen gradings', () => {
    for (const s of SOURCE_RELIABILITY) {
      for (const i of INFO_ASSESSMENT) {
        const grading = gradingOf({ sourceReliability: s, infoAssessment: i });
        expect(grading).toBe(`${s}${i}`);
        expect(parseGrading(grading)).toEqual({ sourceReliability: s, infoAssessment: i });
        expect(parseGrading(grading.toLowerCase())).toEqual({ sourceReliability: s, infoAssessment: i });
      }
    }
  });
});

describe('resolveMarking', () => {
  const h3 = buildMarking({ handling: 'H3', handlingConditions: 'not to be shared with country X' });

  it('returns a copy of the base when nothing overrides it', () => {
    const base = buildMarking({ tlp: 'RED' });
    const resolved = resolveMarking(base);
    expect(resolved).toEqual(base);
    expect(resolved).not.toBe(base);
  });

  it('applies overrides in order, the last one winning, and skips undefined overrides', () => {
    const resolved = resolveMarking(
      DEFAULT_MARKING,
      { tlp: 'GREEN', source: 'case 1' },
      undefined,
      { tlp: 'RED' },
      { sourceReliability: 'B', infoAssessment: '2' },
    );
    expect(resolved).toEqual(
      buildMarking({ tlp: 'RED', source: 'case 1', sourceReliability: 'B', infoAssessment: '2' }),
    );
  });

  it('ignores fields an override sets to undefined', () => {
    const base = buildMarking({ tlp: 'RED', source: 'case 1' });
    expect(resolveMarking(base, { tlp: undefined, source: undefined })).toEqual(base);
  });

  it('lets an override clear the collection date with null', () => {
    const base = buildMarking({ collected: '2024-03-01' });
    expect(resolveMarking(base, { collected: null }).collected).toBeNull();
  });

  it('does not change the base or the overrides', () => {
    const base = buildMarking();
    const override = { handling: 'H3' as const, handlingConditions: 'only for case 7' };
    resolveMarking(base, override);
    expect(base).toEqual(DEFAULT_MARKING);
    expect(override).toEqual({ handling: 'H3', handlingConditions: 'only for case 7' });
  });

  it('accepts H3 with its conditions', () => {
    expect(
      resolveMarking(DEFAULT_MARKING, { handling: 'H3', handlingConditions: 'only for case 7' }),
    ).toEqual(buildMarking({ handling: 'H3', handlingConditions: 'only for case 7' }));
  });

  it.each([
    ['no conditions', {}],
    ['null conditions', { handlingConditions: null }],
    ['empty conditions', { handlingConditions: '' }],
    ['blank conditions', { handlingConditions: '   ' }],
  ])('rejects H3 with %s', (_label, extra) => {
    const e = clewErrorFrom(() => resolveMarking(DEFAULT_MARKING, { handling: 'H3', ...extra }));
    expect(e.code).toBe('Invalid');
    expect(e.where).toEqual({ field: 'handlingConditions' });
    expect(e.message).toContain('H3');
  });

  it('rejects an H3 base without conditions even with no overrides', () => {
    const e = clewErrorFrom(() => resolveMarking(buildMarking({ handling: 'H3' })));
    expect(e.where).toEqual({ field: 'handlingConditions' });
  });

  it.each(['H0', 'H1', 'H2'] as const)('rejects conditions with %s', (handling) => {
    const e = clewErrorFrom(() =>
      resolveMarking(DEFAULT_MARKING, { handling, handlingConditions: 'only X' }),
    );
    expect(e.code).toBe('Invalid');
    expect(e.where).toEqual({ field: 'handlingConditions' });
    expect(e.message).toContain(handling);
  });

  it('rejects conditions added to a base that is not H3', () => {
    const e = clewErrorFrom(() =>
      resolveMarking(buildMarking({ handling: 'H2' }), { handlingConditions: 'x' }),
    );
    expect(e.message).toContain('H2');
  });

  it('treats blank conditions on a code other than H3 as no conditions', () => {
    expect(resolveMarking(DEFAULT_MARKING, { handling: 'H1', handlingConditions: '' })).toEqual(
      buildMarking({ handling: 'H1', handlingConditions: null }),
    );
  });

  it('drops inherited conditions when an override moves away from H3', () => {
    expect(resolveMarking(h3, { handling: 'H2' })).toEqual(buildMarking({ handling: 'H2' }));
  });

  it('rejects inherited conditions moved away from H3 when the override restates them', () => {
    const e = clewErrorFrom(() => resolveMarking(h3, { handling: 'H2', handlingConditions: 'x' }));
    expect(e.where).toEqual({ field: 'handlingConditions' });
  });

  it('keeps inherited conditions when an override restates H3 or changes something else', () => {
    expect(resolveMarking(h3, { handling: 'H3' })).toEqual(h3);
    expect(resolveMarking(h3, { tlp: 'RED' })).toEqual({ ...h3, tlp: 'RED' });
  });

  it('replaces the conditions of an inherited H3', () => {
    expect(resolveMarking(h3, { handlingConditions: 'only case 9' })).toEqual({
      ...h3,
      handlingConditions: 'only case 9',
    });
  });

  it('checks H3 only on the result, so a later override may supply the conditions', () => {
    expect(
      resolveMarking(DEFAULT_MARKING, { handling: 'H3' }, { handlingConditions: 'only case 9' }),
    ).toEqual(buildMarking({ handling: 'H3', handlingConditions: 'only case 9' }));
  });

  it('replaces the conditions when an override restates H3 with new ones', () => {
    expect(resolveMarking(h3, { handling: 'H3', handlingConditions: 'new' })).toEqual({
      ...h3,
      handlingConditions: 'new',
    });
  });

  it('always yields a marking whose conditions are present exactly when the code is H3', () => {
    const marking: fc.Arbitrary<Partial<Marking>> = fc.record(
      {
        handling: fc.constantFrom(...HANDLING_CODES),
        handlingConditions: fc.constantFrom(null, '', 'only case 9'),
        tlp: fc.constantFrom(...TLP_LEVELS),
      },
      { requiredKeys: [] },
    );
    let resolvedCount = 0;
    fc.assert(
      fc.property(fc.array(marking, { maxLength: 4 }), (overrides) => {
        let resolved: Marking;
        try {
          resolved = resolveMarking(DEFAULT_MARKING, ...overrides);
        } catch {
          expect(clewErrorFrom(() => resolveMarking(DEFAULT_MARKING, ...overrides)).code).toBe('Invalid');
          return;
        }
        resolvedCount++;
        if (resolved.handling === 'H3') expect(resolved.handlingConditions).toBe('only case 9');
        else expect(resolved.handlingConditions).toBeNull();
      }),
    );
    expect(resolvedCount).toBeGreaterThan(0);
  });
});
