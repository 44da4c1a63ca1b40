import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// argon2id (Algorithm.Argon2id is a const enum, which isolated modules cannot read): OWASP's
// second recommended setting — 19 MiB, 2 passes, 1 lane.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;

/** Hash a password with argon2id (PHC string). */
export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** Check a password against its hash; a malformed hash is simply a mismatch. */
export const checkPassword = async (hashed: string, password: string): Promise<boolean> => {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
};

/**
 * A hash of a random password, checked when the username is unknown, so an unknown user costs the
 * same time as a wrong password and the two cannot be told apart.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> =>
  (decoy ??= hashPassword(randomBytes(24).toString('base64url')));

/** A one-time password to hand over (first administrator, resets): 20 characters, ~119 bits. */
export const oneTimePassword = (): string => randomBytes(15).toString('base64url');
