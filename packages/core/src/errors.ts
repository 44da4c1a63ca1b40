/** The kinds of failure the domain can report; each edge (HTTP, CLI) maps them in one place. */
export type ErrorCode = 'NotFound' | 'Invalid' | 'Conflict' | 'Forbidden' | 'Unauthenticated' | 'Unavailable';

/** Where in an input a problem was found: file, line or row, entity, property. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  entity?: string;
  property?: string;
  field?: string;
}

/** A domain error: a code, a message a person can act on, and where it happened. */
export class ClewError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, where?: ErrorLocation) {
    super(message);
    this.name = 'ClewError';
    this.code = code;
    this.where = where;
  }
}

/** Shorthand constructors, so call sites read as sentences. */
export const notFound = (message: string, where?: ErrorLocation): ClewError =>
  new ClewError('NotFound', message, where);
/** An input that breaks a rule of the model or the request. */
export const invalid = (message: string, where?: ErrorLocation): ClewError =>
  new ClewError('Invalid', message, where);
/** A state that forbids the operation (a name taken, a store locked). */
export const conflict = (message: string, where?: ErrorLocation): ClewError =>
  new ClewError('Conflict', message, where);
/** A resource (database, file) that cannot be used right now. */
export const unavailable = (message: string, where?: ErrorLocation): ClewError =>
  new ClewError('Unavailable', message, where);

/** True when the value is a ClewError. */
export const isClewError = (e: unknown): e is ClewError => e instanceof ClewError;
