import { accept, reject, type Normalised } from './result.js';

/** A normalised e-mail address. */
export interface NormalisedEmail {
  /** The address, trimmed and lower-cased, the domain in ASCII (IDNA). */
  address: string;
  local: string;
  domain: string;
  /** The matching key: `address` with the provider aliases of the options removed. */
  key: string;
}

/** Options for {@link normaliseEmail}. */
export interface EmailOptions {
  /** Gmail ignores dots in the local part: remove them (and read googlemail.com as gmail.com). */
  gmailDots?: boolean;
  /** Remove "+tag" from the local part (Gmail, Outlook, iCloud, Proton, Fastmail… deliver it to the same box). */
  plusTags?: boolean;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);
const LOCAL_RE = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

// The domain in ASCII: IDNA via the URL parser that browsers and Node both have.
const asciiDomain = (domain: string): string | undefined => {
  if (/^[a-z0-9.-]+$/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
};

/**
 * Normalise an e-mail address: trim, drop a "mailto:" prefix and angle brackets, lower-case (mail
 * providers treat local parts case-insensitively in practice), convert an international domain to
 * ASCII, and check the shape. The options strip provider aliases into `key`.
 */
export const normaliseEmail = (raw: string, options: EmailOptions = {}): Normalised<NormalisedEmail> => {
  const text = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (text === '') return reject('empty e-mail address');
  if (text.length > 254) return reject('longer than 254 characters');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1)
    return reject('not an e-mail address: needs a local part, "@" and a domain');
  const local = text.slice(0, at);
  const domain = asciiDomain(text.slice(at + 1).normalize('NFKC'));
  if (local.length > 64) return reject('local part longer than 64 characters');
  if (!LOCAL_RE.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return reject(`"${local}" is not a valid local part`);
  }
  if (domain === undefined) return reject('the domain is not a valid host name');
  const labels = domain.split('.');
  if (
    labels.length < 2 ||
    !labels.every((l) => LABEL_RE.test(l)) ||
    /^\d+$/.test(labels[labels.length - 1] ?? '')
  ) {
    return reject(`"${domain}" is not a valid domain`);
  }
  let keyLocal = local;
  let keyDomain = domain;
  if (options.plusTags === true) keyLocal = keyLocal.replace(/\+.*$/, '') || keyLocal;
  if (options.gmailDots === true && GMAIL.has(domain)) {
    keyLocal = keyLocal.replace(/\./g, '');
    keyDomain = 'gmail.com';
  }
  return accept({ address: `${local}@${domain}`, local, domain, key: `${keyLocal}@${keyDomain}` });
};
