import { toAlpha2 } from './countries.js';
import { confusableKey, identifierText } from './identifier-text.js';
import { accept, reject, type Normalised } from './result.js';

/** Whether the VIN's ninth character is a check digit that was verified. */
export type VinCheck = 'valid' | 'not-applicable';

/** A normalised vehicle identification number. */
export interface NormalisedVin {
  vin: string;
  /** World manufacturer identifier: the first three characters. */
  wmi: string;
  /**
   * `valid` for North American VINs (first character 1–5), whose ninth character must be the check
   * digit; `not-applicable` elsewhere (Europe and Asia do not require it).
   */
  checkDigit: VinCheck;
  /** True when I, O or Q (never used in VINs) were read as 1, 0, 0. */
  corrected: boolean;
}

const VALUES: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check character (0–9 or X) a 17-character VIN should have in position 9. */
export const vinCheckCharacter = (vin: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i] ?? '0';
    sum += (/\d/.test(c) ? Number(c) : (VALUES[c] ?? 0)) * (WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
};

/**
 * Normalise a VIN: upper case, no separators, 17 characters from A–Z and 0–9 without I, O and Q
 * (which VINs never use, so they are read as 1, 0, 0 and flagged). The check digit is verified for
 * North American VINs, where it is mandatory; a failing one is rejected.
 */
export const normaliseVin = (raw: string): Normalised<NormalisedVin> => {
  const { text } = identifierText(raw);
  if (text === '') return reject('empty VIN');
  if (text.length !== 17) return reject(`a VIN has 17 characters, this has ${text.length}`);
  if (!/^[A-Z0-9]+$/.test(text)) return reject('a VIN has only letters and digits');
  const vin = text.replace(/I/g, '1').replace(/[OQ]/g, '0');
  const corrected = vin !== text;
  const northAmerican = /^[1-5]/.test(vin);
  if (northAmerican) {
    const expected = vinCheckCharacter(vin);
    if (vin[8] !== expected) return reject(`check digit is ${vin[8] ?? ''}, expected ${expected} (a typo?)`);
  }
  return accept({
    vin,
    wmi: vin.slice(0, 3),
    checkDigit: northAmerican ? 'valid' : 'not-applicable',
    corrected,
  });
};

/** A normalised vehicle registration plate. */
export interface NormalisedPlate {
  /** Upper case, Latin look-alikes for Cyrillic and Greek letters, no spaces, dashes or dots. */
  plate: string;
  /** Confusable key (O/0, I/1…), as for document numbers. */
  confusable: string;
  /** ISO alpha-2 country given with the plate. */
  country?: string;
}

/** Options for {@link normalisePlate}. */
export interface PlateOptions {
  /** Registering country (ISO alpha-2 or alpha-3). Plates are only unique within a country. */
  country?: string;
}

/** Normalise a registration plate: 2–12 letters and digits once separators are gone. */
export const normalisePlate = (raw: string, options: PlateOptions = {}): Normalised<NormalisedPlate> => {
  const { text } = identifierText(raw);
  if (text === '') return reject('empty plate');
  const country = options.country === undefined ? undefined : toAlpha2(options.country);
  if (options.country !== undefined && country === undefined)
    return reject(`unknown country "${options.country}"`);
  if (!/^[A-Z0-9]+$/.test(text)) return reject('a plate has only letters and digits');
  if (text.length < 2 || text.length > 12) return reject('a plate has 2 to 12 letters and digits');
  return accept({
    plate: text,
    confusable: confusableKey(text),
    ...(country === undefined ? {} : { country }),
  });
};
