import { foldAbdCompound, foldToken } from './name-fold.js';
import { NAME_COGNATES, NAME_EQUIVALENTS, type NameGroup } from './name-tables.js';
import { mergeCompounds, splitTokens } from './name-tokens.js';
import { type Script } from './scripts.js';
import { transliterate } from './transliterate.js';

/**
 * Lookups built once from name-tables.ts: canonical spellings, cognate groups, and the index that
 * matches a token from a script without short vowels (Arabic, Hebrew) to a table name.
 *
 * The table lists the common names in their own scripts too, so "محمد" is found directly. For other
 * spellings, the abjad match: an Arabic-script token ("mhmd") is compared with the canonical spelling of
 * every group (which writes long vowels and diphthongs) that has the same consonants, slot by slot (the vowels before, between and after the consonants):
 *  - where the abjad token has no vowel, the table spelling may have one short vowel but not a long
 *    one or a diphthong (those the script writes: Sulaiman is سليمان, so سلمان "slman" is not Sulaiman);
 *  - where the abjad token has a vowel letter, the table spelling must have a vowel of that quality
 *    (waw u/o, yeh i/e, alef a/e: سعود "sud" is Saud, not Said);
 *  - a leading vowel (alef, ayn) must be matched by a leading vowel of any quality (عمر "amr" is Umar).
 * A token is mapped only when the compatible spellings all belong to one group.
 */

// A table entry goes through the same steps as a name, so entries need not be written pre-folded.
const tableForm = (entry: string): string | undefined => {
  const merged = mergeCompounds(splitTokens(transliterate(entry.toLowerCase())).map(foldToken));
  return merged.length === 1 ? foldAbdCompound(merged[0] ?? '') : undefined;
};

interface Shape {
  consonants: string;
  slots: string[];
}

const VOWEL_RE = /[aeiou]/;
const shapeOf = (token: string): Shape => {
  let consonants = '';
  const slots: string[] = [];
  let slot = '';
  for (const ch of token) {
    if (VOWEL_RE.test(ch)) slot += ch;
    else {
      consonants += ch;
      slots.push(slot);
      slot = '';
    }
  }
  slots.push(slot);
  return { consonants, slots };
};

const QUALITY: Readonly<Record<string, RegExp>> = { a: /[ae]/, e: /[ei]/, i: /[ie]/, o: /[ou]/, u: /[uo]/ };

const compatible = (abjad: Shape, table: Shape): boolean =>
  abjad.slots.every((a, i) => {
    const b = table.slots[i] ?? '';
    if (i === 0) return (a === '') === (b === '');
    if (a === '') return b.length <= 1;
    if (b === '') return false;
    for (const v of a) if (QUALITY[v]?.test(b) !== true) return false;
    return true;
  });

interface Lookups {
  canonical: Map<string, string>;
  abjad: Map<string, { shape: Shape; head: string }[]>;
  arabic: Set<string>;
  cognates: Map<string, string>;
}

const buildLookups = (): Lookups => {
  const canonical = new Map<string, string>();
  const abjad = new Map<string, { shape: Shape; head: string }[]>();
  const arabic = new Set<string>();
  const addGroup = (group: NameGroup, isArabic: boolean): void => {
    const head = tableForm(group[0] ?? '');
    if (head === undefined) return;
    for (const entry of group) {
      const form = tableForm(entry);
      if (form === undefined) continue;
      if (!canonical.has(form)) canonical.set(form, head);
      if (isArabic) arabic.add(form);
    }
    // Only the canonical spelling, which writes long vowels and diphthongs, is an abjad candidate.
    const shape = shapeOf(head);
    const list = abjad.get(shape.consonants) ?? [];
    list.push({ shape, head });
    abjad.set(shape.consonants, list);
  };
  for (const [tradition, groups] of Object.entries(NAME_EQUIVALENTS)) {
    for (const group of groups) addGroup(group, tradition === 'arabic');
  }
  const cognates = new Map<string, string>();
  for (const group of NAME_COGNATES) {
    const head = tableForm(group[0] ?? '');
    if (head === undefined) continue;
    for (const entry of group) {
      const form = tableForm(entry);
      if (form !== undefined) cognates.set(canonical.get(form) ?? form, head);
    }
  }
  return { canonical, abjad, arabic, cognates };
};

const LOOKUPS = buildLookups();
// Scripts that leave short vowels unwritten.
const ABJADS: ReadonlySet<Script> = new Set(['arabic', 'hebrew', 'syriac', 'thaana']);
const ARTICLE_PREFIX_RE = /^(?:al|el)(?=[a-z]{4})/;

const abjadMatch = (token: string): string | undefined => {
  const shape = shapeOf(token);
  const candidates = LOOKUPS.abjad.get(shape.consonants);
  if (candidates === undefined || shape.consonants.length < 2) return undefined;
  let found: string | undefined;
  for (const c of candidates) {
    if (!compatible(shape, c.shape)) continue;
    if (found !== undefined && found !== c.head) return undefined;
    found = c.head;
  }
  return found;
};

/** The canonical spelling of one folded name token (itself when it is in no equivalence group). */
export const canonicalNameToken = (token: string, script: Script = 'latin'): string => {
  const direct = LOOKUPS.canonical.get(token);
  if (direct !== undefined) return direct;
  if (ARTICLE_PREFIX_RE.test(token)) {
    const stripped = LOOKUPS.canonical.get(token.slice(2));
    if (stripped !== undefined) return stripped;
  }
  return ABJADS.has(script) ? (abjadMatch(token) ?? token) : token;
};

/** True when a canonical or variant token is in an Arabic equivalence group. */
export const isArabicName = (token: string): boolean => LOOKUPS.arabic.has(token);

/** The cognate group of a canonical token (john and yohannes share one), for weak evidence in matching. */
export const nameCognateKey = (token: string): string | undefined => LOOKUPS.cognates.get(token);

/** The table form of a written name (one token), or undefined when it does not make one token. */
export const nameTableForm = tableForm;
