import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unavailable, type ChainHashing, type CheckpointSigner, type SignatureVerifier } from '@clew/core';

/** SHA-256 on node:crypto's one-shot hash. */
export const nodeChainHashing: ChainHashing = { sha256Hex: (s) => hash('sha256', s, 'hex') };

/** The key id of a public key (SPKI DER, base64): the first 128 bits of its SHA-256, hex. */
export const keyIdOf = (publicKey: string): string =>
  hash('sha256', Buffer.from(publicKey, 'base64'), 'hex').slice(0, 32);

const publicKeys = new Map<string, KeyObject>();
const publicKeyObject = (publicKey: string): KeyObject => {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    publicKeys.set(publicKey, key);
  }
  return key;
};

/** Ed25519 signature checks on node:crypto; a malformed key or signature simply does not verify. */
export const nodeSignatureVerifier: SignatureVerifier = {
  keyIdOf,
  verify: (publicKey, message, signature) => {
    try {
      return verify(null, Buffer.from(message), publicKeyObject(publicKey), Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  },
};

/** A signer over an Ed25519 private key. */
export const signerOf = (privateKey: KeyObject): CheckpointSigner => {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    publicKey,
    keyId: keyIdOf(publicKey),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
};

/** Where the audit key is: CLEW_AUDIT_KEY, else `<dataDir>/audit-key.pem`. */
export const auditKeyPath = (dataDir: string, keyFile: string | undefined): string =>
  resolve(keyFile ?? join(dataDir, 'audit-key.pem'));

/**
 * Load the hub's Ed25519 checkpoint key (PEM, PKCS#8), creating it with mode 0600 on first start.
 * The key lives outside the database, so whoever can rewrite the database cannot re-sign it.
 */
export const loadAuditSigner = (file: string): CheckpointSigner => {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw unavailable(`cannot read the audit key ${file}: ${(e as Error).message}`, { file });
    }
    pem = createKeyFile(file);
  }
  const mode = statSync(file).mode;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw unavailable(
      `the audit key ${file} is readable by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 on it`,
      { file },
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw unavailable(`the audit key ${file} is not a PEM private key: ${(e as Error).message}`, { file });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw unavailable(
      `the audit key ${file} must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}`,
      {
        file,
      },
    );
  }
  return signerOf(key);
};

const createKeyFile = (file: string): string => {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw unavailable(`cannot create the audit key ${file}: ${(e as Error).message}`, { file });
  }
};
