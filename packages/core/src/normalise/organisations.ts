import { LEGAL_FORMS, type LegalFormKind } from './legal-forms.js';
import { accept, reject, type Normalised } from './result.js';
import { detectScript, type Script } from './scripts.js';
import { cleanText, isAscii } from './text.js';
import { transliterate } from './transliterate.js';

/** A legal form found in an organisation's name. */
export interface LegalForm {
  /** Canonical code ("ltd", "gmbh", "ooo"…). */
  code: string;
  /** What kind of form it is, comparable across countries. */
  kind: LegalFormKind;
}

/** A normalised organisation name. */
export interface NormalisedOrganisation {
  /** Name tokens without the legal form, transliterated and lower-cased, in written order. */
  tokens: string[];
  /** The tokens sorted and joined by a space. */
  key: string;
  /** The legal form that was stripped, or null. */
  legalForm: LegalForm | null;
  /** The script most of the original's letters are in. */
  script: Script;
  /** True when the input was cut. */
  truncated: boolean;
}

// Organisation tokens: letters and digits; "&" is "and"; dots inside abbreviations join (S.p.A.).
const orgTokens = (text: string): string[] =>
  transliterate(text.toLowerCase())
    .replace(/&/g, ' and ')
    .replace(/(?<=\b[a-z])\.(?=[a-z]\b)|\.(?=\s|$)|['`"]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');

interface FormIndex {
  suffix: Map<string, LegalForm>;
  prefix: Map<string, LegalForm>;
  longest: number;
}

const buildIndex = (): FormIndex => {
  const suffix = new Map<string, LegalForm>();
  const prefix = new Map<string, LegalForm>();
  let longest = 1;
  for (const entry of LEGAL_FORMS) {
    const form: LegalForm = { code: entry.code, kind: entry.kind };
    for (const variant of entry.variants) {
      const tokens = orgTokens(variant);
      longest = Math.max(longest, tokens.length);
      const joined = tokens.join('');
      if (!suffix.has(joined)) suffix.set(joined, form);
      if (entry.prefix === true && !prefix.has(joined)) prefix.set(joined, form);
    }
  }
  return { suffix, prefix, longest };
};

const INDEX = buildIndex();
const STOPWORDS = new Set(['the']);

/**
 * Normalise an organisation's name: transliterate, lower-case, split into tokens, and strip the legal
 * form (longest match of trailing tokens, and a leading Russian/Ukrainian/Indonesian form) into
 * `legalForm`. A name that is nothing but a legal form keeps it as its name.
 */
export const normaliseOrganisation = (raw: string): Normalised<NormalisedOrganisation> => {
  const clean = cleanText(raw);
  const lower = clean.text.toLowerCase();
  const tokens = orgTokens(lower).filter((t) => !STOPWORDS.has(t));
  if (tokens.length === 0) return reject(raw.trim() === '' ? 'empty name' : 'name has no letters or digits');
  let legalForm: LegalForm | null = null;
  let start = 0;
  let end = tokens.length;
  for (let n = Math.min(INDEX.longest, tokens.length - 1); n >= 1 && legalForm === null; n--) {
    const form = INDEX.suffix.get(tokens.slice(end - n).join(''));
    if (form !== undefined) {
      legalForm = form;
      end -= n;
    }
  }
  // A leading form too (PT … Tbk): stripped, and reported when no trailing form was.
  for (let n = Math.min(2, end - 1); n >= 1 && start === 0; n--) {
    const form = INDEX.prefix.get(tokens.slice(0, n).join(''));
    if (form !== undefined) {
      legalForm ??= form;
      start = n;
    }
  }
  const kept = tokens.slice(start, end);
  const script = isAscii(lower) ? 'latin' : detectScript(lower);
  return accept({
    tokens: kept,
    key: [...new Set(kept)].sort().join(' '),
    legalForm,
    script,
    truncated: clean.truncated,
  });
};
