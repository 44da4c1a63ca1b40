import {
  electronicFormatIBAN,
  extractBIC,
  validateBIC,
  validateIBAN,
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
} from 'ibantools';
import { accept, reject, type Normalised } from './result.js';

/** A normalised IBAN. */
export interface NormalisedIban {
  /** Electronic format: upper case, no spaces ("DE89370400440532013000"). The matching key. */
  iban: string;
  /** ISO country of the account. */
  country: string;
  /** The national account number (BBAN) inside the IBAN. */
  bban: string;
}

const IBAN_REASONS: Readonly<Record<number, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'empty IBAN',
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown IBAN country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'wrong account number format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check digits are not digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'check digits do not match (a typo?)',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'national check digit does not match',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'QR-IBAN not allowed',
};

/**
 * Normalise an IBAN with ibantools: electronic format, then country, length, format and both the
 * IBAN check digits and, where the country has them, the national ones. Rejects with the first
 * failing check.
 */
export const normaliseIban = (raw: string): Normalised<NormalisedIban> => {
  const text = raw.trim().replace(/^iban[:\s]*/i, '');
  if (text === '') return reject('empty IBAN');
  if (text.length > 64) return reject('longer than 64 characters');
  const iban = electronicFormatIBAN(text);
  if (iban === null || !/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return reject('not an IBAN');
  const result = validateIBAN(iban);
  if (!result.valid) {
    return reject(result.errorCodes.map((c) => IBAN_REASONS[c] ?? 'invalid IBAN').join('; '));
  }
  return accept({ iban, country: iban.slice(0, 2), bban: iban.slice(4) });
};

/** A normalised BIC (SWIFT code). */
export interface NormalisedBic {
  /** The 11-character form ("DEUTDEFFXXX"; an 8-character BIC gets the primary office "XXX"). */
  bic: string;
  /** The first eight characters: bank, country, location. Two BICs with one bic8 are one institution. */
  bic8: string;
  bankCode: string;
  country: string;
  locationCode: string;
  branchCode: string;
}

const BIC_REASONS: Readonly<Record<number, string>> = {
  [ValidationErrorsBIC.NoBICProvided]: 'empty BIC',
  [ValidationErrorsBIC.NoBICCountry]: 'unknown BIC country',
  [ValidationErrorsBIC.WrongBICFormat]: 'not a BIC (8 or 11 characters: bank, country, location, branch)',
};

/** Normalise a BIC: upper case, no spaces, validated by ibantools, padded to 11 characters. */
export const normaliseBic = (raw: string): Normalised<NormalisedBic> => {
  const text = raw.replace(/[\s-]/g, '').toUpperCase();
  if (text === '') return reject('empty BIC');
  if (!/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(text))
    return reject(BIC_REASONS[ValidationErrorsBIC.WrongBICFormat] ?? '');
  const result = validateBIC(text);
  if (!result.valid) return reject(result.errorCodes.map((c) => BIC_REASONS[c] ?? 'invalid BIC').join('; '));
  const parts = extractBIC(text);
  const bic = text.length === 8 ? `${text}XXX` : text;
  return accept({
    bic,
    bic8: bic.slice(0, 8),
    bankCode: parts.bankCode ?? bic.slice(0, 4),
    country: parts.countryCode ?? bic.slice(4, 6),
    locationCode: parts.locationCode ?? bic.slice(6, 8),
    branchCode: bic.slice(8),
  });
};
