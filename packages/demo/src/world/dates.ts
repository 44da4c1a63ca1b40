import type { Rng } from '../prng.js';

const DAY = 86_400_000;
// ISO strings of days are cached: the world spans a few decades, and formatting dates is hot.
const isoCache = new Map<number, string>();

const toDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

const toIso = (day: number): string => {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
};

/** An ISO date (YYYY-MM-DD) n days after another. */
export const addDays = (iso: string, n: number): string => toIso(toDay(iso) + n);

/** Whole days from a to b (ISO dates). */
export const daysBetween = (a: string, b: string): number => toDay(b) - toDay(a);

/** A random ISO date from `from` to `to`, both included. */
export const dateBetween = (rng: Rng, from: string, to: string): string => {
  const start = toDay(from);
  return toIso(start + rng.int(0, Math.max(0, toDay(to) - start)));
};

/** The earlier of two ISO dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b);
