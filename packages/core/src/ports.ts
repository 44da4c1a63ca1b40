/**
 * Hash functions the domain needs but cannot implement fast in pure JavaScript; the platform
 * (node:crypto on the server, SubtleCrypto or a library in the browser) supplies them.
 */
export interface Hashing {
  /** SHA-1 of the UTF-8 bytes, as 40 lowercase hex characters. */
  sha1Hex(input: string): string;
  /**
   * SHA-1 of `key NUL input`, as 40 lowercase hex characters: a namespace signature. The keys (hub
   * and dataset names) are not secret, so an HMAC would add cost (3× here) and no protection.
   */
  keyedSha1Hex(key: string, input: string): string;
}
