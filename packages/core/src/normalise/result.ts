/**
 * What every normaliser returns: a value, or the reason the input could not be normalised. Normalisers
 * never throw on user data; a rejection is a result, so a batch of a million records is never stopped
 * by one bad value and the reason can be shown to the analyst.
 */
export type Normalised<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A successful normalisation. */
export const accept = <T>(value: T): Normalised<T> => ({ ok: true, value });

/** A rejection with a human-readable reason. */
export const reject = <T = never>(reason: string): Normalised<T> => ({ ok: false, reason });
