/**
 * The Multikey form of an Ed25519 public key (W3C Controlled Identifiers): `z` (multibase
 * base58btc) followed by the base58btc of the multicodec prefix `0xed 0x01` and the 32 key bytes,
 * so it always starts with `z6Mk`. Data Integrity tools and did-jwt read keys in this form.
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ED25519_PUB_PREFIX = [0xed, 0x01];

/**
 * Base58btc (the Bitcoin alphabet) of bytes; each leading zero byte becomes a leading `1`.
 *
 * @example base58btc(Uint8Array.of(0, 0, 1)) // '112'
 */
export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let digits = '';
  while (value > 0n) {
    digits = ALPHABET[Number(value % 58n)] + digits;
    value /= 58n;
  }
  return '1'.repeat(zeros) + digits;
}

/**
 * The Multikey (`publicKeyMultibase`) of an Ed25519 public key given as its JWK `x`.
 *
 * @example ed25519Multikey(publicJwk.x) // 'z6Mk…'
 */
export function ed25519Multikey(x: string): string {
  const key = Buffer.from(x, 'base64url');
  if (key.length !== 32) throw new Error('multikey: an Ed25519 public key is 32 bytes');
  return `z${base58btc(Uint8Array.from([...ED25519_PUB_PREFIX, ...key]))}`;
}
