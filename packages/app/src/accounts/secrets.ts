import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** A random bearer secret (session cookie, API token): 32 bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a bearer secret: its SHA-256, so a stolen table opens no session. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compare two strings in constant time (CSRF tokens). */
export const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const totp = (secret: string, label: string): TOTP =>
  new TOTP({
    issuer: 'Clew',
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });

/** A new TOTP secret (base32) and the otpauth:// URI an authenticator app scans. */
export const newTotp = (label: string): { secret: string; uri: string } => {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, label).toString() };
};

/** Whether a 6-digit code is valid now for the secret (one step of clock drift either way). */
export const totpValid = (secret: string, code: string, now: number = Date.now()): boolean =>
  /^\d{6}$/.test(code) && totp(secret, 'check').validate({ token: code, timestamp: now, window: 1 }) !== null;

/** The code for a secret at a time (tests and the CLI's enrolment check). */
export const totpCode = (secret: string, now: number = Date.now()): string =>
  totp(secret, 'check').generate({ timestamp: now });
