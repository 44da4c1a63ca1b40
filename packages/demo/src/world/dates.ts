import type { Rng } from '../prng.js';

const DAY = 86_400_000;

/** An ISO date (YYYY-MM-DD) n days after another. */
export const addDays = (iso: string, n: number): string => new Date(Date.parse(iso) + n * DAY).toISOString().slice(0, 10);

/** Whole days from a to b (ISO dates). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** A random ISO date from `from` to `to`, both included. */
export const dateBetween = (rng: Rng, from: string, to: string): string => {
  const span = Math.max(0, daysBetween(from, to));
  return addDays(from, rng.int(0, span));
};

/** The earlier of two ISO dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b);
