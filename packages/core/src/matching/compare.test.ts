import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, dateLevel, nameLevel, nameLevelIf, vectorOf } from './compare.js';
import { toMatchRecord, type MatchInput } from './features.js';
import { DEFAULT_PARAMS, levelsOf } from './model.js';
import { compareDates } from '../normalise/index.js';

const person = (properties: Record<string, string[]>): MatchInput => ({ schema: 'Person', properties });
const record = (input: MatchInput) => toMatchRecord(input);
const featureOf = (c: ReturnType<typeof compare>, f: string) => c.features.find((x) => x.feature === f);

describe('compare', () => {
  it('matches Mohammed Ali and Muhammad Aly with day and month swapped, and says so', () => {
    const c = compare(
      record(person({ name: ['Mohammed Ali'], birthDate: ['1985-03-02'] })),
      record(person({ name: ['Muhammad Aly'], birthDate: ['1985-02-03'] })),
      DEFAULT_PARAMS,
    );
    expect(c.score).toBeGreaterThan(0.9);
    expect(c.match).toBe(true);
    expect(featureOf(c, 'date')).toMatchObject({ level: 'swap', left: '1985-03-02', right: '1985-02-03' });
    expect(featureOf(c, 'date')?.weight).toBeGreaterThan(0);
    expect(['exact', 'tokens', 'fuzzy']).toContain(featureOf(c, 'name')?.level);
  });

  it('keeps apart two people with one common name and different birth years', () => {
    const c = compare(
      record(person({ name: ['John Smith'], birthDate: ['1970'] })),
      record(person({ name: ['John Smith'], birthDate: ['1992-05-01'] })),
      DEFAULT_PARAMS,
    );
    expect(featureOf(c, 'name')?.level).toBe('exact');
    expect(featureOf(c, 'date')).toMatchObject({ level: 'differ' });
    expect(featureOf(c, 'date')?.weight).toBeLessThan(-5);
    expect(c.score).toBeLessThan(0.2);
    expect(c.match).toBe(false);
  });

  it('needs more than a name, and more than a shared phone, to call two people one', () => {
    const score = (a: Record<string, string[]>, b: Record<string, string[]>) =>
      compare(record(person(a)), record(person(b)), DEFAULT_PARAMS);
    const name = { name: ['Eghosa Omoregbe'], gender: ['male'] };
    expect(score(name, name).match).toBe(false);
    expect(score({ ...name, birthDate: ['1992-05-08'] }, { ...name, birthDate: ['1992-05-08'] }).match).toBe(
      true,
    );
    // Namesakes born a year apart (small name pools), and two recruits sharing a recruiter's phone.
    expect(score({ ...name, birthDate: ['1992-05-08'] }, { ...name, birthDate: ['1991-08-16'] }).match).toBe(
      false,
    );
    const phone = ['+249916641207'];
    expect(score({ name: ['Filmon'], phone }, { name: ['Tekle'], phone }).match).toBe(false);
    expect(score({ ...name, phone }, { ...name, phone }).match).toBe(true);
  });

  it('reads passport numbers with spaces as the same number, and O/0 as a confusable match', () => {
    const a = record(person({ name: ['Ana Lima'], passportNumber: ['ER 123 4567'] }));
    const strict = compare(
      a,
      record(person({ name: ['Ana Lima'], passportNumber: ['ER1234567'] })),
      DEFAULT_PARAMS,
    );
    expect(featureOf(strict, 'document')?.level).toBe('strict');
    const confusable = compare(
      record(person({ passportNumber: ['AB1O2345'] })),
      record(person({ passportNumber: ['AB102345'] })),
      DEFAULT_PARAMS,
    );
    expect(featureOf(confusable, 'document')?.level).toBe('confusable');
    expect(featureOf(confusable, 'document')?.weight).toBeGreaterThan(5);
  });

  it('matches vessels on a valid IMO number and rejects one failing its check digit', () => {
    const v = (imo: string): MatchInput => ({
      schema: 'Vessel',
      properties: { name: ['Sea Star'], imoNumber: [imo] },
    });
    const c = compare(record(v('IMO 9074729')), record(v('9074729')), DEFAULT_PARAMS);
    expect(featureOf(c, 'imo')?.level).toBe('strict');
    expect(c.match).toBe(true);
    const bad = record(v('9074728'));
    expect(bad.identifiers.imo).toBeUndefined();
    expect(bad.rejected[0]?.property).toBe('imoNumber');
  });

  it('does not compare a person with a vessel', () => {
    const c = compare(
      record(person({ name: ['Sea Star'] })),
      record({ schema: 'Vessel', properties: { name: ['Sea Star'] } }),
      DEFAULT_PARAMS,
    );
    expect(c).toMatchObject({ score: 0, match: false, features: [] });
  });

  it('grades names: tokens of the shorter, fuzzy, phonetic', () => {
    const n = (s: string) => record(person({ name: [s] })).names[0];
    const level = (a: string, b: string) => {
      const x = n(a);
      const y = n(b);
      return x && y ? nameLevel(x, y) : 'none';
    };
    expect(level('Vladimir Putin', 'Vladimir Vladimirovich Putin')).toBe('exact');
    expect(level('Semhar Tewelde', 'Tewelde Semhar Goitom')).toBe('tokens');
    // A lone token agreeing (a nickname, a lone family name) is its own, weak level.
    expect(level('Putin', 'Vladimir Putin')).toBe('one');
    expect(level('Mustafa', 'Mustafa')).toBe('one');
    expect(level('Semhar Tewelde Goitom', 'Luwam Tewelde Goitom')).toBe('some');
    expect(level('Katherine Johnson', 'Katharine Johnsen')).toBe('fuzzy');
    expect(level('Ann Smith', 'Bob Jones')).toBe('differ');
  });
});

const name = fc.constantFrom(
  'Mohammed Ali',
  'Muhammad Aly',
  'John Smith',
  'Jon Smyth',
  'Олег Петров',
  'Oleg Petrov',
  '',
);
const date = fc.constantFrom('1985-03-02', '1985-02-03', '1985', '1986-03-02', '1970-01-01');
const doc = fc.constantFrom('ER1234567', 'ER 123 4567', 'ERI234567', 'X99887766');
const input = fc
  .record({
    names: fc.array(name, { maxLength: 2 }),
    dates: fc.array(date, { maxLength: 2 }),
    docs: fc.array(doc, { maxLength: 2 }),
  })
  .map(({ names, dates, docs }) => person({ name: names, birthDate: dates, passportNumber: docs }));

describe('compare properties', () => {
  it('grades dates as compareDates does, a year apart or the same day of another year being near', () => {
    const dates = fc.constantFrom(
      '1985-03-02',
      '1985-02-03',
      '1985-03',
      '1985',
      '1986-03-02',
      '1986',
      '1990-03-02',
      '1990-04-02',
      '1984-12',
    );
    const at = (d: string) => record(person({ birthDate: [d] })).dates[0];
    fc.assert(
      fc.property(dates, dates, (p, q) => {
        const [a, b] = [at(p), at(q)];
        if (!a || !b) throw new Error('a test date did not parse');
        const c = compareDates(a.date, b.date);
        const sameDay =
          a.date.month !== undefined && a.date.month === b.date.month && a.date.day === b.date.day;
        const near = c.yearDistance === 1 || sameDay ? 'near' : 'differ';
        expect(dateLevel(a, b)).toBe(c.agreement === 'differ' ? near : c.agreement);
      }),
    );
    const [x, y, z] = ['1985-03-02', '1990-03-02', '1990-04-02'].map(at);
    if (!x || !y || !z) throw new Error('a test date did not parse');
    expect([dateLevel(x, y), dateLevel(x, z)]).toEqual(['near', 'differ']);
  });

  it('asked for some levels only, gives the level when it is one of them and nothing otherwise', () => {
    const levels = levelsOf('name');
    const wanted = fc.subarray([...levels]);
    // Lone tokens too: their levels are mapped (a lone agreeing token is 'one').
    const any = fc.oneof(name, fc.constantFrom('Mustafa', 'Mustapha', 'Putin', 'Smith', 'Petrov'));
    fc.assert(
      fc.property(any, any, wanted, (a, b, some) => {
        const [x, y] = [record(person({ name: [a] })).names[0], record(person({ name: [b] })).names[0]];
        if (!x || !y) return;
        const level = nameLevel(x, y);
        expect(nameLevelIf(x, y, (l) => some.includes(l))).toBe(some.includes(level) ? level : undefined);
      }),
    );
  });

  it('is symmetric in score', () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        expect(compare(record(a), record(b), DEFAULT_PARAMS).score).toBeCloseTo(
          compare(record(b), record(a), DEFAULT_PARAMS).score,
          12,
        );
      }),
    );
  });

  it('never scores lower when both sides gain one agreeing identifier', () => {
    fc.assert(
      fc.property(
        input,
        input,
        fc.constantFrom('+44 20 7946 0958', 'DE89 3704 0044 0532 0130 00'),
        (a, b, id) => {
          const kind = id.startsWith('+') ? 'phone' : 'iban';
          const add = (x: MatchInput): MatchInput => ({
            ...x,
            properties: { ...x.properties, [kind]: [id] },
          });
          const before = compare(record(a), record(b), DEFAULT_PARAMS).score;
          const after = compare(record(add(a)), record(add(b)), DEFAULT_PARAMS).score;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});

describe('address and explanation', () => {
  it('grades addresses and gives back the vector behind an explanation', () => {
    const a = (full: string) =>
      toMatchRecord({ schema: 'Address', properties: { full: [full], country: ['AU'] } });
    const level = (x: string, y: string) => featureOf(compare(a(x), a(y), DEFAULT_PARAMS), 'address')?.level;
    expect(level('12 Plant Road, Findon 2068', '12 plant rd findon 2068')).toBe('exact');
    expect(level('65 plant road blck 1089 findon', 'plant road findon 5023')).toBe('overlap');
    // Another door on the same street reads alike but is not a similar address.
    expect(level('Churchill Avenue 27, Addis Ababa', 'Churchill Avenue 137, Addis Ababa')).toBe('overlap');
    expect(level('Churchill Avenue 27, Addis Ababa', 'Churchil Avenue 27, Addis Ababa')).toBe('similar');
    // Postcode and state words alone are no overlap of streets.
    expect(level('9 lasswade toowoomba 4814 nsw', '5 john flynn centre bligh park 4814 nsw')).toBe(
      'postcode',
    );
    expect(level('1 Main Street', '99 Other Avenue')).toBe('differ');
    const c = compare(a('1 Main Street'), a('1 Main Street'), DEFAULT_PARAMS);
    expect(vectorOf(c)).toEqual({ country: 'agree', address: 'exact' });
  });
});

describe('bad input', () => {
  it('compares empty, huge, mixed-script and control-character values without throwing', () => {
    const odd = [
      person({ name: [''], birthDate: ['1990-02-30'] }),
      person({ name: ['x'.repeat(10_000)], passportNumber: ['1'.repeat(500)] }),
      person({ name: ['Ivanиванov\u0000\u0007 مح'], phone: ['not a phone'], email: ['@'] }),
      { schema: 'Thing', properties: { name: ['Ana'] } },
    ];
    for (const a of odd) {
      for (const b of odd) {
        const c = compare(record(a), record(b), DEFAULT_PARAMS);
        expect(Number.isNaN(c.score)).toBe(false);
      }
    }
    // A blank value is an absent one; an impossible date is kept as a rejection with its reason.
    expect(record(odd[0] ?? person({})).rejected).toEqual([
      { property: 'birthDate', value: '1990-02-30', reason: expect.stringContaining('day 30') as string },
    ]);
  });
});
