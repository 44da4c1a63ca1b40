import { isClewError, type ClewError } from '@clew/core';

const where = (e: ClewError): string => {
  const w = e.where;
  if (!w) return '';
  const parts: string[] = [];
  if (w.file) parts.push(w.file);
  if (w.line !== undefined) parts.push(`line ${w.line}`);
  if (w.entity) parts.push(`entity ${w.entity}`);
  if (w.property) parts.push(`property ${w.property}`);
  const msg = e.message;
  const extra = parts.filter((p) => !msg.includes(p));
  return extra.length > 0 ? ` (${extra.join(', ')})` : '';
};

/** Exit codes: 1 for a domain error, 2 for usage, 70 for a bug. */
export const exitCodeOf = (e: unknown): number => (isClewError(e) ? (e.code === 'Invalid' ? 2 : 1) : 70);

/** One clear line for an error; unknown errors say so and point at the debug variable. */
export const describeError = (e: unknown): string => {
  if (isClewError(e)) return `clew: ${e.message}${where(e)}`;
  const err = e instanceof Error ? e : new Error(String(e));
  if (process.env.CLEW_DEBUG) return `clew: internal error: ${err.stack ?? err.message}`;
  return `clew: internal error: ${err.message} (set CLEW_DEBUG=1 for details)`;
};
