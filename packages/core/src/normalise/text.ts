/**
 * Shared text hygiene for the normalisers: caps on work, control characters, Unicode normalisation.
 */

/**
 * Longest input, in UTF-16 code units, that any text normaliser looks at. Real names and addresses are
 * far shorter (the longest FollowTheMoney name values are 384 characters); beyond this a value is
 * junk or an attack, and we keep the work per value bounded. Longer input is cut, and the result says so.
 */
export const MAX_INPUT_LENGTH = 512;

// C0 and C1 controls and DEL become spaces; default-ignorable characters (zero-width spaces and
// joiners, bidirectional controls, soft hyphen, variation selectors, the BOM) are removed.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE_RE = /\p{Default_Ignorable_Code_Point}/gu;
// eslint-disable-next-line no-control-regex -- a plain ASCII check
const ASCII_RE = /^[\u0000-\u007f]*$/;

/** True when every character of `text` is ASCII. */
export const isAscii = (text: string): boolean => ASCII_RE.test(text);

/** Cut `text` to at most `max` code units without splitting a surrogate pair. */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
};

/** Result of {@link cleanText}: the cleaned text and whether the input had to be cut. */
export interface CleanText {
  text: string;
  truncated: boolean;
}

/**
 * Cut to {@link MAX_INPUT_LENGTH}, turn control characters into spaces, drop invisible formatting
 * characters, apply NFKC (full-width and compatibility forms become plain letters) and trim.
 */
export const cleanText = (raw: string, max = MAX_INPUT_LENGTH): CleanText => {
  const cut = truncate(raw, max);
  let text = cut.replace(CONTROL_RE, ' ');
  if (!isAscii(text)) text = text.replace(INVISIBLE_RE, '').normalize('NFKC');
  return { text: text.trim(), truncated: cut.length < raw.length };
};
