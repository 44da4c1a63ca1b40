/** SHA-256, which the chain needs and the platform supplies (node:crypto on the server). */
export interface ChainHashing {
  /** SHA-256 of the UTF-8 bytes, as 64 lowercase hex characters. */
  sha256Hex(input: string): string;
}

/** Ed25519 signing of checkpoints; the private key stays with the platform, outside the database. */
export interface CheckpointSigner {
  /** The public key, SPKI DER in base64: stored with every checkpoint. */
  readonly publicKey: string;
  /** The key id: a fingerprint of the public key. */
  readonly keyId: string;
  /** Signature of the UTF-8 message, base64. */
  sign(message: string): string;
}

/** Checking checkpoint signatures: needs only the public key each checkpoint carries. */
export interface SignatureVerifier {
  /** Whether `signature` (base64) is the Ed25519 signature of `message` under `publicKey` (SPKI DER base64). */
  verify(publicKey: string, message: string, signature: string): boolean;
  /** The key id of a public key (the same fingerprint CheckpointSigner.keyId gives). */
  keyIdOf(publicKey: string): string;
}
