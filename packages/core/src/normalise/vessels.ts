import { accept, reject, type Normalised } from './result.js';

/** Check digit of the first six digits of an IMO ship number. */
export const imoCheckDigit = (six: string): number => {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  return sum % 10;
};

/**
 * Normalise an IMO ship identification number: an optional "IMO" prefix, then 7 digits whose last is
 * the check digit (the first six weighted 7 to 2, summed, mod 10). Returns the 7 digits.
 */
export const normaliseImo = (raw: string): Normalised<string> => {
  const text = raw
    .trim()
    .slice(0, 32)
    .toUpperCase()
    .replace(/^IMO[\s:.-]*/, '')
    .replace(/[\s.-]/g, '');
  if (text === '') return reject('empty IMO number');
  if (!/^\d{7}$/.test(text)) return reject('an IMO number has 7 digits');
  const expected = imoCheckDigit(text.slice(0, 6));
  if (Number(text[6]) !== expected)
    return reject(`check digit is ${text[6] ?? ''}, expected ${expected} (a typo?)`);
  return accept(text);
};

/** What an MMSI identifies, from its leading digits (ITU-R M.585). */
export type MmsiKind =
  | 'ship'
  | 'group'
  | 'coast-station'
  | 'sar-aircraft'
  | 'handheld'
  | 'craft-associated'
  | 'aid-to-navigation'
  | 'autonomous-device';

/** A normalised MMSI. */
export interface NormalisedMmsi {
  mmsi: string;
  kind: MmsiKind;
  /** Maritime Identification Digits: the flag (201–775). */
  mid?: number;
}

const kindOf = (m: string): { kind: MmsiKind; midAt?: number } | undefined => {
  if (m.startsWith('00')) return { kind: 'coast-station', midAt: 2 };
  if (m.startsWith('0')) return { kind: 'group', midAt: 1 };
  if (m.startsWith('111')) return { kind: 'sar-aircraft', midAt: 3 };
  if (m.startsWith('8')) return { kind: 'handheld', midAt: 1 };
  if (m.startsWith('98')) return { kind: 'craft-associated', midAt: 2 };
  if (m.startsWith('99')) return { kind: 'aid-to-navigation', midAt: 2 };
  if (m.startsWith('970') || m.startsWith('972') || m.startsWith('974')) return { kind: 'autonomous-device' };
  if (/^[2-7]/.test(m)) return { kind: 'ship', midAt: 0 };
  return undefined;
};

/**
 * Normalise a Maritime Mobile Service Identity: 9 digits. Ships' MMSIs start with their flag's MID,
 * which must lie in 201–775; other kinds (coast stations, aids to navigation…) are recognised by their
 * prefix and reported in `kind`.
 */
export const normaliseMmsi = (raw: string): Normalised<NormalisedMmsi> => {
  const text = raw
    .trim()
    .slice(0, 32)
    .toUpperCase()
    .replace(/^MMSI[\s:.-]*/, '')
    .replace(/[\s.-]/g, '');
  if (text === '') return reject('empty MMSI');
  if (!/^\d{9}$/.test(text)) return reject('an MMSI has 9 digits');
  const k = kindOf(text);
  if (k === undefined) return reject(`no MMSI starts with ${text.slice(0, 2)}`);
  if (k.midAt === undefined) return accept({ mmsi: text, kind: k.kind });
  const mid = Number(text.slice(k.midAt, k.midAt + 3));
  if (mid < 201 || mid > 775) return reject(`maritime identification digits ${mid} are outside 201–775`);
  return accept({ mmsi: text, kind: k.kind, mid });
};
