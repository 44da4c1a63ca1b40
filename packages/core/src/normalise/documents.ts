import { toAlpha2, toAlpha3 } from './countries.js';
import { confusableKey, identifierText, identifierWords } from './identifier-text.js';
import { accept, reject, type Normalised } from './result.js';

/** A normalised passport or identity document number. */
export interface NormalisedDocument {
  /** Upper case, Latin, no spaces or dashes, country prefix removed. The strict matching key. */
  number: string;
  /** {@link confusableKey} of the number: O/0, I/L/1… folded. The weaker matching key. */
  confusable: string;
  /** ISO alpha-2 country: the one given, or the one found as a prefix. */
  country?: string;
}

/** Options for {@link normaliseDocumentNumber}. */
export interface DocumentOptions {
  /** Issuing country (ISO alpha-2 or alpha-3): its code is stripped when the number starts with it. */
  country?: string;
}

/**
 * Normalise a passport or ID number. A country prefix is stripped when the issuing country is given
 * and the number starts with its alpha-2 or alpha-3 code followed by a digit, or when any country code
 * is written apart before the number ("DEU C01X00T47", "FR-12AB34567"). Numbers of fewer than 4 or
 * more than 24 characters, or with characters other than letters and digits, are rejected.
 */
export const normaliseDocumentNumber = (
  raw: string,
  options: DocumentOptions = {},
): Normalised<NormalisedDocument> => {
  const { text } = identifierText(raw);
  if (text === '') return reject('empty document number');
  const given = options.country === undefined ? undefined : toAlpha2(options.country);
  if (options.country !== undefined && given === undefined)
    return reject(`unknown country "${options.country}"`);
  let number = text;
  let country = given;
  const words = identifierWords(raw);
  const first = words[0] ?? '';
  if (
    words.length > 1 &&
    /^[A-Z]{2,3}$/.test(first) &&
    toAlpha2(first) !== undefined &&
    (given === undefined || toAlpha2(first) === given)
  ) {
    number = text.slice(first.length);
    country = toAlpha2(first);
  } else if (given !== undefined) {
    for (const code of [toAlpha3(given), given]) {
      if (code !== undefined && number.startsWith(code) && /^\d/.test(number.slice(code.length))) {
        number = number.slice(code.length);
        break;
      }
    }
  }
  if (!/^[A-Z0-9]+$/.test(number)) return reject('document numbers have only letters and digits');
  if (number.length < 4) return reject('too short for a document number');
  if (number.length > 24) return reject('too long for a document number');
  return accept({ number, confusable: confusableKey(number), ...(country === undefined ? {} : { country }) });
};
