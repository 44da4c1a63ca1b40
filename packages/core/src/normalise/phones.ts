import {
  isSupportedCountry,
  parsePhoneNumberWithError,
  ParseError,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { accept, reject, type Normalised } from './result.js';

/**
 * Phone numbers to E.164 with libphonenumber-js (full metadata: validity is checked against each
 * country's numbering plan, not only its lengths). A number written nationally ("030 1234567") needs
 * the region it was written in — the agency's country — and then equals the international form
 * ("+49 30 1234567").
 */

/** A normalised phone number. */
export interface NormalisedPhone {
  /** E.164: "+" and up to 15 digits. The matching key. */
  e164: string;
  /** ISO country of the number, when the numbering plan tells one. */
  country?: string;
  /** Mobile, fixed line… when the numbering plan tells it. */
  type?: string;
  /** Extension, kept apart from the number. */
  extension?: string;
}

/** Options for {@link normalisePhone}. */
export interface PhoneOptions {
  /** ISO 3166 alpha-2 region that national numbers are read in (e.g. the agency's country). */
  defaultRegion?: string;
  /** Whether to say the number's type (mobile, fixed line…): a second pass over the plan; default true. */
  type?: boolean;
}

const REASONS: Readonly<Record<string, string>> = {
  INVALID_COUNTRY: 'no country: the number is not international and no default region was given',
  NOT_A_NUMBER: 'not a phone number',
  TOO_SHORT: 'too short to be a phone number',
  TOO_LONG: 'too long to be a phone number',
  INVALID_LENGTH: 'wrong length for its country',
};

const MAX_PHONE_LENGTH = 64;

/**
 * Normalise a phone number to E.164. "00" before a country code is read as "+" when no default region
 * says otherwise. Numbers that do not fit their country's numbering plan are rejected with the reason.
 */
export const normalisePhone = (raw: string, options: PhoneOptions = {}): Normalised<NormalisedPhone> => {
  const text = raw.trim();
  if (text === '') return reject('empty phone number');
  if (text.length > MAX_PHONE_LENGTH) return reject(`longer than ${MAX_PHONE_LENGTH} characters`);
  const region = options.defaultRegion?.toUpperCase();
  if (region !== undefined && !isSupportedCountry(region))
    return reject(`unknown region "${options.defaultRegion ?? ''}"`);
  const input = region === undefined ? text.replace(/^\s*00(?=[1-9])/, '+') : text;
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(input, region === undefined ? {} : { defaultCountry: region });
  } catch (error) {
    if (error instanceof ParseError) return reject(REASONS[error.message] ?? error.message);
    return reject('not a phone number');
  }
  if (!phone.isValid()) {
    return reject(
      phone.isPossible()
        ? `not a valid number in the numbering plan of +${phone.countryCallingCode}`
        : `impossible length for +${phone.countryCallingCode}`,
    );
  }
  const type = options.type === false ? undefined : phone.getType();
  return accept({
    e164: phone.number,
    ...(phone.country === undefined ? {} : { country: phone.country }),
    ...(type === undefined ? {} : { type }),
    ...(phone.ext === undefined ? {} : { extension: phone.ext }),
  });
};
