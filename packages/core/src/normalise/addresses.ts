import { toAlpha2 } from './countries.js';
import { accept, reject, type Normalised } from './result.js';
import { cleanText } from './text.js';
import { transliterate } from './transliterate.js';

/**
 * Light address normalisation: transliterate, lower-case, expand common abbreviations, drop
 * punctuation, collapse whitespace, and pull out the postcode. Addresses are matched on tokens and
 * postcode; parsing them into streets and towns is not attempted here.
 */

/** A normalised address. */
export interface NormalisedAddress {
  /** The address as lower-case ASCII words, abbreviations expanded. */
  text: string;
  tokens: string[];
  /** The postcode found, upper case without spaces, if any. */
  postcode?: string;
  /** ISO alpha-2 country given with the address. */
  country?: string;
  truncated: boolean;
}

/** Options for {@link normaliseAddress}. */
export interface AddressOptions {
  /** Country of the address (ISO alpha-2 or alpha-3): picks its postcode format. */
  country?: string;
}

/**
 * Abbreviation → full word. "st" is "saint" at the start, after a house number or after a street word
 * and before a name (St Mary Street, Rue St Denis); otherwise "street" (Main St).
 */
export const ADDRESS_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['str', 'strasse'],
  ['rd', 'road'],
  ['ave', 'avenue'],
  ['av', 'avenue'],
  ['avda', 'avenida'],
  ['blvd', 'boulevard'],
  ['bd', 'boulevard'],
  ['bld', 'boulevard'],
  ['ln', 'lane'],
  ['dr', 'drive'],
  ['ct', 'court'],
  ['sq', 'square'],
  ['hwy', 'highway'],
  ['pkwy', 'parkway'],
  ['apt', 'apartment'],
  ['fl', 'floor'],
  ['bldg', 'building'],
  ['ul', 'ulitsa'],
  ['prosp', 'prospekt'],
  ['pr', 'prospekt'],
  ['per', 'pereulok'],
  ['kv', 'kvartira'],
  ['pza', 'plaza'],
  ['pzza', 'piazza'],
  ['pta', 'piazza'],
  ['vle', 'viale'],
  ['cso', 'corso'],
  ['ch', 'chemin'],
  ['imp', 'impasse'],
  ['pl', 'place'],
  ['c', 'calle'],
  ['cl', 'calle'],
  ['sok', 'sokak'],
  ['cad', 'caddesi'],
  ['mah', 'mahallesi'],
]);

const STREET_WORDS = new Set([
  'rue',
  'avenue',
  'boulevard',
  'place',
  'via',
  'calle',
  'chemin',
  'route',
  'road',
]);

const POSTCODES: Readonly<Record<string, RegExp>> = {
  GB: /\b([a-z]{1,2}\d[a-z\d]?) ?(\d[a-z]{2})\b/,
  CA: /\b([a-z]\d[a-z]) ?(\d[a-z]\d)\b/,
  NL: /\b(\d{4}) ?([a-z]{2})\b/,
  US: /\b(\d{5})(?:-\d{4})?\b/,
  PL: /\b(\d{2})-(\d{3})\b/,
  PT: /\b(\d{4})-(\d{3})\b/,
  BR: /\b(\d{5})-?(\d{3})\b/,
  JP: /\b(\d{3})-(\d{4})\b/,
};
// Without a country: the distinctive formats first, then the last 4–6 digit number.
const GUESSES = ['GB', 'CA', 'PL', 'PT', 'JP'];
const GENERIC_RE = /\b\d{4,6}\b/g;

const findPostcode = (text: string, country: string | undefined): string | undefined => {
  const re = country === undefined ? undefined : POSTCODES[country];
  const candidates = re !== undefined ? [re] : country === undefined ? GUESSES.map((c) => POSTCODES[c]) : [];
  for (const candidate of candidates) {
    const m = candidate?.exec(text);
    if (m) return m.slice(1).join('').toUpperCase();
  }
  if (re !== undefined) return undefined;
  const generic = text.match(GENERIC_RE);
  return generic?.[generic.length - 1];
};

/** Normalise an address (see above). Rejects input with no letters or digits. */
export const normaliseAddress = (
  raw: string,
  options: AddressOptions = {},
): Normalised<NormalisedAddress> => {
  const clean = cleanText(raw);
  const country = options.country === undefined ? undefined : toAlpha2(options.country);
  if (options.country !== undefined && country === undefined)
    return reject(`unknown country "${options.country}"`);
  const latin = transliterate(clean.text.toLowerCase()).replace(/(?<=[a-z])\.(?=[a-z])/g, '');
  const postcode = findPostcode(latin, country);
  const words = latin.split(/[^a-z0-9-]+|(?<=[a-z])-|-(?=[a-z])/).filter((w) => w !== '' && w !== '-');
  if (words.length === 0)
    return reject(raw.trim() === '' ? 'empty address' : 'address has no letters or digits');
  const tokens = words.map((w, i) => {
    if (w === 'st') {
      const prev = words[i - 1];
      const beforeName = prev === undefined || /^\d/.test(prev) || STREET_WORDS.has(prev);
      return beforeName && /^[a-z]/.test(words[i + 1] ?? '') ? 'saint' : 'street';
    }
    const full = ADDRESS_ABBREVIATIONS.get(w);
    if (full !== undefined) return full;
    return w.length > 5 && w.endsWith('str') ? `${w}asse` : w;
  });
  return accept({
    text: tokens.join(' '),
    tokens,
    ...(postcode === undefined ? {} : { postcode }),
    ...(country === undefined ? {} : { country }),
    truncated: clean.truncated,
  });
};
