import { composeIBAN } from 'ibantools';
import type { Rng } from '../prng.js';
import { MID_BY_FLAG, country } from './countries.js';

/** A bank of the demo world: national bank code (the start of the BBAN), name and BIC. */
export interface Bank {
  code: string;
  name: string;
  bic: string;
}

// BBAN = bank code + the rest of the national layout (digits unless noted), from the IBAN registry.
const BANKS: Readonly<Record<string, { rest: (rng: Rng) => string; banks: readonly Bank[] }>> = {
  it: {
    rest: (rng) => rng.digits(5) + rng.digits(12),
    banks: [
      { code: '03069', name: 'Intesa Sanpaolo', bic: 'BCITITMM' },
      { code: '02008', name: 'UniCredit', bic: 'UNCRITMM' },
      { code: '07601', name: 'Poste Italiane', bic: 'BPPIITRR' },
    ],
  },
  de: {
    rest: (rng) => rng.digits(10),
    banks: [
      { code: '10010010', name: 'Postbank', bic: 'PBNKDEFF' },
      { code: '37040044', name: 'Commerzbank', bic: 'COBADEFF' },
      { code: '50010517', name: 'ING-DiBa', bic: 'INGDDEFF' },
    ],
  },
  gb: {
    rest: (rng) => rng.digits(6) + rng.digits(8),
    banks: [
      { code: 'NWBK', name: 'NatWest', bic: 'NWBKGB2L' },
      { code: 'BARC', name: 'Barclays', bic: 'BARCGB22' },
      { code: 'LOYD', name: 'Lloyds Bank', bic: 'LOYDGB2L' },
    ],
  },
  gr: {
    rest: (rng) => rng.digits(4) + rng.digits(16),
    banks: [
      { code: '011', name: 'National Bank of Greece', bic: 'ETHNGRAA' },
      { code: '017', name: 'Piraeus Bank', bic: 'PIRBGRAA' },
    ],
  },
  tr: {
    rest: (rng) => `0${rng.digits(16)}`,
    banks: [
      { code: '00010', name: 'Ziraat Bankası', bic: 'TCZBTR2A' },
      { code: '00064', name: 'İş Bankası', bic: 'ISBKTRIS' },
    ],
  },
  at: {
    rest: (rng) => rng.digits(11),
    banks: [{ code: '12000', name: 'UniCredit Bank Austria', bic: 'BKAUATWW' }],
  },
  al: {
    rest: (rng) => rng.digits(5) + rng.digits(16),
    banks: [
      { code: '202', name: 'Banka Kombëtare Tregtare', bic: 'NCBAALTX' },
      { code: '212', name: 'Raiffeisen Bank Albania', bic: 'SGSBALTX' },
    ],
  },
  ly: {
    rest: (rng) => rng.digits(3) + rng.digits(15),
    banks: [{ code: '002', name: 'Jumhouria Bank', bic: 'JUMBLYLT' }],
  },
};

/** Countries whose accounts the world can give IBANs to. */
export const IBAN_COUNTRIES: readonly string[] = Object.keys(BANKS);

/** A valid IBAN (check digits computed by ibantools) at one of the country's banks. */
export const makeIban = (rng: Rng, iso2: string): { iban: string; bank: Bank } => {
  const spec = BANKS[iso2];
  if (!spec) throw new Error(`no IBAN layout for "${iso2}"`);
  const bank = rng.pick(spec.banks);
  const prefix = iso2 === 'it' ? rng.letters(1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') : '';
  const iban = composeIBAN({ countryCode: iso2.toUpperCase(), bban: prefix + bank.code + spec.rest(rng) });
  if (!iban) throw new Error(`could not compose an IBAN for "${iso2}"`);
  return { iban, bank };
};

/** The IMO check digit of the first six digits: weights 7..2, sum mod 10. */
export const imoCheckDigit = (six: string): number => {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six.charAt(i)) * (7 - i);
  return sum % 10;
};

/** True when a 7-digit IMO number has a valid check digit ("IMO " prefix allowed). */
export const isValidImo = (imo: string): boolean => {
  const digits = imo.replace(/^IMO\s*/i, '');
  return /^\d{7}$/.test(digits) && imoCheckDigit(digits) === Number(digits.charAt(6));
};

/** A valid 7-digit IMO ship number. */
export const makeImo = (rng: Rng): string => {
  const six = String(rng.int(7, 9)) + rng.digits(5);
  return six + String(imoCheckDigit(six));
};

/** A 9-digit ship MMSI whose first three digits are a maritime identification digit of the flag. */
export const makeMmsi = (rng: Rng, flag: string): string => {
  const mids = MID_BY_FLAG[flag];
  if (!mids) throw new Error(`no MID for flag "${flag}"`);
  return String(rng.pick(mids)) + rng.digits(6);
};

/** True when a string is a ship-station MMSI: 9 digits, starting with a MID (201–775). */
export const isValidShipMmsi = (mmsi: string): boolean => {
  if (!/^\d{9}$/.test(mmsi)) return false;
  const mid = Number(mmsi.slice(0, 3));
  return mid >= 201 && mid <= 775;
};

/** A mobile number in E.164 form (+ and digits) for a country. */
export const makeMobile = (rng: Rng, iso2: string): string => {
  const c = country(iso2);
  const prefix = rng.pick(c.mobilePrefixes);
  return `+${c.callingCode}${prefix}${rng.digits(c.mobileDigits - prefix.length)}`;
};

// Passport number layouts: L = letter, 9 = digit, anything else literal.
const PASSPORT_LAYOUT: Readonly<Record<string, string>> = {
  er: 'P9999999',
  et: 'EP9999999',
  so: 'P99999999',
  sd: 'P99999999',
  ly: 'L9999999',
  ng: 'A99999999',
  ne: 'NE9999999',
  sy: 'N999999999',
  iq: 'A99999999',
  tr: 'U99999999',
  gr: 'LL9999999',
  rs: '099999999',
  ru: '759999999',
  al: 'BL9999999',
  vn: 'C9999999',
  it: 'YL9999999',
  gb: '999999999',
  de: 'CLLLL9999',
};

const ID_CARD_LAYOUT: Readonly<Record<string, string>> = {
  al: 'L99999999L',
  it: 'CA99999LL',
  gr: 'LL999999',
  ng: '99999999999',
  tr: '99999999999',
  de: 'L99999999',
  vn: '999999999999',
  sy: '99999999999',
  iq: '999999999999',
  er: '9999999',
  et: 'ID99999999',
};

const fill = (rng: Rng, layout: string): string => {
  let s = '';
  for (const ch of layout) {
    if (ch === 'L') s += rng.letters(1);
    else if (ch === '9') s += rng.digits(1);
    else s += ch;
  }
  return s;
};

/** A passport number in the issuing country's layout. */
export const makePassportNumber = (rng: Rng, iso2: string): string => fill(rng, PASSPORT_LAYOUT[iso2] ?? 'P9999999');

/** Countries whose people the world gives identity cards. */
export const ID_CARD_COUNTRIES: readonly string[] = Object.keys(ID_CARD_LAYOUT);

/** An identity-card number in the issuing country's layout, or undefined where the world has no ID cards. */
export const makeIdCardNumber = (rng: Rng, iso2: string): string | undefined => {
  const layout = ID_CARD_LAYOUT[iso2];
  return layout ? fill(rng, layout) : undefined;
};

// Registration plate layouts as printed (with the country's spaces and dashes).
const PLATE_LAYOUT: Readonly<Record<string, readonly string[]>> = {
  it: ['LL 999LL'],
  gr: ['LLL-9999'],
  de: ['B-LL 9999', 'M-LL 999', 'HH-LL 999', 'F-L 9999'],
  gb: ['LL99 LLL'],
  fr: ['LL-999-LL'],
  al: ['LL 999 LL'],
  tr: ['34 LLL 999', '35 LL 9999'],
  rs: ['BG 999-LL', 'SU 999-LL'],
  ly: ['5-999999', '1-999999'],
  ne: ['8L 9999 RN'],
  sd: ['KH 9999'],
  pl: ['WX 99999', 'FZ 99999'],
  be: ['1-LLL-999'],
  at: ['W-99999L'],
  hu: ['LLL-999'],
};

/** A registration plate in the country's layout. */
export const makePlate = (rng: Rng, iso2: string): string => fill(rng, rng.pick(PLATE_LAYOUT[iso2] ?? ['LL 9999']));

/** Countries with a plate layout. */
export const PLATE_COUNTRIES: readonly string[] = Object.keys(PLATE_LAYOUT);

/** Vehicle models by kind. */
export const VEHICLE_MODELS: Readonly<Record<'van' | 'lorry' | 'pickup' | 'car', readonly string[]>> = {
  van: ['Mercedes-Benz Sprinter', 'Ford Transit', 'Iveco Daily', 'Renault Master', 'Fiat Ducato', 'VW Crafter'],
  lorry: ['Volvo FH', 'Scania R450', 'DAF XF', 'MAN TGX', 'Mercedes-Benz Actros'],
  pickup: ['Toyota Hilux', 'Toyota Land Cruiser 79', 'Nissan Navara'],
  car: ['VW Passat', 'Skoda Octavia', 'BMW 520d', 'Audi A6', 'Toyota Corolla', 'Mercedes-Benz E 220'],
};

/** Vessel names by kind (synthetic: none is a real ship). */
export const VESSEL_NAMES: Readonly<Record<'fishing' | 'cargo' | 'yacht', readonly string[]>> = {
  fishing: ['Nour al Bahr', 'Baraka 3', 'Sea Falcon', 'Hamza II', 'Al Mukhtar 7', 'Marina K', 'Lady Mariam', 'Ayman 2'],
  cargo: ['Aegean Star', 'Golden Wave', 'Karim S', 'Ocean Hope', 'Mira Express', 'Liberty Sun'],
  yacht: ['Aura', 'Odyssey', 'Blue Pearl', 'Kalypso', 'Meltemi'],
};
