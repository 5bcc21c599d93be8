import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-log.ts';
import type { FieldCrypto } from './field-crypto.ts';

/** The HKDF purpose of the import-row MAC (`FieldCrypto.authenticate`). */
export const IMPORT_ROW_PURPOSE = 'import-row';

/**
 * What an import keeps of a file row to see, on the next import of the same file, that the row is
 * unchanged: a keyed hash (HMAC under a sub-key of the field key) of the row's sha256. A plain hash
 * would be a dictionary for the row's personal fields — beside the masked ID, the birth year and
 * the masked phone, the ~33 ID numbers and 10⁴ phones left make a few hundred thousand guesses per
 * person, each checked against the stored hash. Keyed, a dump alone checks nothing.
 * `keyedRowDigest` is the same MAC over an already stored sha256 (migration 0030).
 */
export function importRowHash(crypto: FieldCrypto, row: object): string {
  return keyedRowDigest(crypto, createHash('sha256').update(canonicalJson(row)).digest('hex'));
}

export function keyedRowDigest(crypto: FieldCrypto, sha256Hex: string): string {
  return crypto.authenticate(IMPORT_ROW_PURPOSE, sha256Hex);
}
