/**
 * String similarities used by the comparison levels. Small and allocation-light: they run for every
 * candidate pair.
 */

/** Jaro similarity of two strings, 0..1 (1 when equal, 0 when nothing matches). */
export const jaro = (a: string, b: string): number => {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedB = new Uint8Array(lb);
  const matchedA = new Uint8Array(la);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
};

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4 characters), 0..1. */
export const jaroWinkler = (a: string, b: string): number => {
  const j = jaro(a, b);
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
};

/**
 * True when two keys of equal length differ in at most one character, or by one swap of neighbours,
 * or when one is the other with one character inserted: a typing slip, not a different number.
 */
export const oneEditApart = (a: string, b: string): boolean => {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
};

const COUNTS = new Int32Array(65_536);

/**
 * An upper bound on jaroWinkler(a, b), cheap (linear): Jaro's matches are at most the characters the
 * two strings have in common (as multisets), and the common prefix (up to 4) adds its tenths of what
 * is left. Most pairs of different strings are far below their bound's threshold and skip the
 * quadratic part.
 */
export const jaroWinklerCeiling = (a: string, b: string): number => {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    COUNTS[c] = (COUNTS[c] ?? 0) + 1;
  }
  let common = 0;
  for (let i = 0; i < lb; i++) {
    const c = b.charCodeAt(i);
    const n = COUNTS[c] ?? 0;
    if (n > 0) {
      COUNTS[c] = n - 1;
      common++;
    }
  }
  for (let i = 0; i < la; i++) COUNTS[a.charCodeAt(i)] = 0;
  const bound = (common / la + common / lb + 1) / 3;
  // Jaro–Winkler grows with Jaro at a given prefix: the bound on Jaro with the strings' own prefix.
  let prefix = 0;
  const max = Math.min(4, la, lb);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return bound + prefix * 0.1 * (1 - bound);
};

/**
 * jaroWinkler(a, b) ≥ threshold, answered cheaply when it cannot be (see {@link jaroWinklerCeiling}).
 */
export const jaroWinklerAtLeast = (a: string, b: string, threshold: number): boolean => {
  if (a === b) return true;
  if (a.length === 0 || b.length === 0) return threshold <= 0;
  // The margin keeps rounding from turning a bound that equals the similarity into a miss.
  if (jaroWinklerCeiling(a, b) < threshold - 1e-9) return false;
  return jaroWinkler(a, b) >= threshold;
};
