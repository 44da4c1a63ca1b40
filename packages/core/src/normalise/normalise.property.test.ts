import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normaliseBic, normaliseIban } from './accounts.js';
import { normaliseAddress } from './addresses.js';
import { formatPartialDate, parseDate } from './dates.js';
import { normaliseDocumentNumber } from './documents.js';
import { normaliseEmail } from './emails.js';
import { foldToken } from './name-fold.js';
import { normaliseName } from './names.js';
import { normaliseOrganisation } from './organisations.js';
import { normalisePhone } from './phones.js';
import type { Normalised } from './result.js';
import { imoCheckDigit, normaliseImo, normaliseMmsi } from './vessels.js';
import { normalisePlate, normaliseVin } from './vehicles.js';

const RUNS = { numRuns: 1000 };

// Arbitrary text: any code point (astral planes, lone surrogates, controls), and text made of the
// characters names are made of, mixed across scripts within one token.
const NAME_CHARS = [
  ...Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  ...Array.from("   -'.,’ʿ·・"),
  ...Array.from('áéíóúüöäßøłçčšžđğışñãõâêôăơư'),
  ...Array.from('абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ'),
  ...Array.from('ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءپچژگکی'),
  ...Array.from('ሀለሐመሠረሰሸቀበተቸነአከወዐዘየደጀገጠፀፈፐዮሃንስብርሃነገ'),
  ...Array.from('αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ'),
  ...Array.from('אבגדהוזחטיכלמנסעפצקרשתםןץףך'),
  ...Array.from('王李张刘陈杨黄赵吴周金朴이김정은ウラジーミルプーチン'),
  '\u0000',
  '\u0007',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\u0301',
  '\ud800',
  '😀',
];
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...NAME_CHARS), maxLength: 40 }),
  // Very long input (over the 512-character cap), built by repetition to keep generation cheap.
  fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 40, maxLength: 60 }).map((s) => s.repeat(50)),
);

const wellFormed = <T>(r: Normalised<T>): boolean =>
  r.ok ? r.value !== undefined : typeof r.reason === 'string' && r.reason.length > 0;

describe('normalisers never throw and always answer', () => {
  const normalisers: [string, (text: string) => Normalised<unknown>][] = [
    ['normaliseName', normaliseName],
    ['normaliseOrganisation', normaliseOrganisation],
    ['parseDate', (t) => parseDate(t)],
    ['parseDate mdy', (t) => parseDate(t, { order: 'mdy' })],
    ['normalisePhone', (t) => normalisePhone(t, { defaultRegion: 'DE' })],
    ['normalisePhone without region', (t) => normalisePhone(t)],
    ['normaliseEmail', (t) => normaliseEmail(t, { gmailDots: true, plusTags: true })],
    ['normaliseIban', normaliseIban],
    ['normaliseBic', normaliseBic],
    ['normaliseDocumentNumber', (t) => normaliseDocumentNumber(t, { country: 'DE' })],
    ['normaliseImo', normaliseImo],
    ['normaliseMmsi', normaliseMmsi],
    ['normaliseVin', normaliseVin],
    ['normalisePlate', (t) => normalisePlate(t)],
    ['normaliseAddress', (t) => normaliseAddress(t)],
  ];
  it.each(normalisers)('%s', (_, normalise) => {
    fc.assert(
      fc.property(anyText, (text) => wellFormed(normalise(text))),
      RUNS,
    );
  });
});

// Name-like tokens: real names in several traditions (with honorifics, particles and patronymics,
// which are order-free) and random words. Compound heads (Abd, Abu, Umm, Mc) and "X ad-Din" join with
// the token after them, so they are left out: their order matters by design.
const NAME_WORDS = [
  'mohammed',
  'muhammad',
  'ali',
  'hassan',
  'al',
  'bin',
  'ibn',
  'el',
  'ben',
  'fatima',
  'yusuf',
  'sheikh',
  'haji',
  'dr',
  'mr',
  'yohannes',
  'tesfaye',
  'gebre',
  'ivan',
  'ivanovich',
  'petrovna',
  'vladimirovich',
  'putin',
  'van',
  'de',
  'der',
  'le',
  'nguyen',
  'thi',
  'tran',
  'wang',
  'li',
  'jr',
  'o',
  'ar',
  'rashid',
  'Владимир',
  'Путин',
  'محمد',
  'حسين',
  'ዮሃንስ',
  'Γιώργος',
  'Ngọc',
  'x',
  'j',
];
const JOINING = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdol',
  'abdu',
  'abu',
  'abul',
  'um',
  'mk',
  'din',
  'dine',
]);
const randomWord = fc.stringMatching(/^[a-z]{2,9}$/).filter((w) => !JOINING.has(foldToken(w)));
const nameTokens = fc.array(fc.oneof(fc.constantFrom(...NAME_WORDS), randomWord), {
  minLength: 1,
  maxLength: 6,
});

describe('names', () => {
  it('the key of a name normalises to itself', () => {
    const text = fc.oneof(
      anyText,
      nameTokens.map((t) => t.join(' ')),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const first = normaliseName(raw);
        if (!first.ok) return true;
        const again = normaliseName(first.value.key);
        return again.ok && again.value.key === first.value.key;
      }),
      { numRuns: 2000 },
    );
  });

  it('token order does not change the key', () => {
    fc.assert(
      fc.property(
        nameTokens.chain((tokens) =>
          fc.tuple(fc.constant(tokens), fc.shuffledSubarray(tokens, { minLength: tokens.length })),
        ),
        ([tokens, shuffled]) => {
          const a = normaliseName(tokens.join(' '));
          const b = normaliseName(shuffled.join(', '));
          expect(b.ok && a.ok && b.value.key).toBe(a.ok && a.value.key);
        },
      ),
      RUNS,
    );
  });
});

describe('phones', () => {
  const countries = getCountries().filter((c) => getExampleNumber(c, examples) !== undefined);
  const separator = fc.constantFrom('', ' ', '-', '.', ' - ');

  it('national and international forms of a valid number agree', () => {
    fc.assert(
      fc.property(fc.constantFrom(...countries), separator, fc.boolean(), (country, sep, doubleZero) => {
        const example = getExampleNumber(country, examples);
        if (example === undefined) return;
        const national = example.formatNational().replace(/\s/g, sep);
        const international = doubleZero ? example.number.replace('+', '00') : example.formatInternational();
        const fromNational = normalisePhone(national, { defaultRegion: country });
        const fromInternational = normalisePhone(international, doubleZero ? {} : { defaultRegion: 'US' });
        expect(fromNational).toMatchObject({ ok: true, value: { e164: example.number } });
        expect(fromInternational).toMatchObject({ ok: true, value: { e164: example.number } });
      }),
      RUNS,
    );
  });
});

describe('check digits', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const corrupt = (s: string, at: number, by: number): string => {
    const d = (Number(s[at]) + by) % 10;
    return s.slice(0, at) + String(d) + s.slice(at + 1);
  };

  it('IMO: generated numbers validate; a changed digit is caught unless the weighting cannot see it', () => {
    fc.assert(
      fc.property(
        digits(6),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (six, at, by) => {
          const imo = six + String(imoCheckDigit(six));
          expect(normaliseImo(imo)).toEqual({ ok: true, value: imo });
          const bad = corrupt(imo, at, by);
          // IMO weights are 7..2: a change of 5 at an even weight, or an even change at weight 5,
          // leaves the sum the same mod 10 (about 1 in 9 single-digit errors). The check digit itself always tells.
          const weight = at === 6 ? 1 : 7 - at;
          expect(normaliseImo(bad).ok).toBe((by * weight) % 10 === 0);
        },
      ),
      RUNS,
    );
  });

  it('IBAN: generated numbers validate and every single-digit change is caught', () => {
    const bban = fc.oneof(
      digits(18).map((b) => ['DE', b] as const),
      digits(16).map((b) => ['AT', b] as const),
      digits(14).map((b) => ['DK', b] as const),
      digits(17).map((b) => ['CH', b] as const),
      digits(14).map((b) => ['GB', `NWBK${b}`] as const),
    );
    fc.assert(
      fc.property(bban, fc.nat(), fc.integer({ min: 1, max: 9 }), ([countryCode, b], pick, by) => {
        const iban = composeIBAN({ countryCode, bban: b });
        if (iban === null) throw new Error(`could not compose ${countryCode} ${b}`);
        expect(normaliseIban(iban)).toMatchObject({ ok: true, value: { iban, country: countryCode } });
        const positions = Array.from(iban).flatMap((c, i) => (i >= 2 && /\d/.test(c) ? [i] : []));
        const at = positions[pick % positions.length] ?? 2;
        expect(normaliseIban(corrupt(iban, at, by)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('MMSI: ship numbers with a MID in 201–775 are accepted, others rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 799 }), digits(6), (mid, rest) => {
        const r = normaliseMmsi(`${mid}${rest}`);
        expect(r.ok).toBe(mid >= 201 && mid <= 775);
      }),
      RUNS,
    );
  });
});

describe('dates', () => {
  it('a real date parses the same from ISO and from day-first and month-first forms', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (d) => {
          const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          const iso = formatPartialDate({ year, month, day });
          const pad = (n: number) => String(n).padStart(2, '0');
          expect(parseDate(iso)).toMatchObject({ ok: true, value: { iso } });
          expect(parseDate(`${pad(day)}.${pad(month)}.${year}`)).toMatchObject({ ok: true, value: { iso } });
          expect(parseDate(`${pad(month)}/${pad(day)}/${year}`, { order: 'mdy' })).toMatchObject({
            ok: true,
            value: { iso },
          });
        },
      ),
      RUNS,
    );
  });
});
