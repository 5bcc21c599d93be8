import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskResidentId } from '../../platform/validation/identifiers.ts';

/**
 * A learner's ID number and birth date as stored: the ID encrypted, blind-indexed (to find the
 * student again, per school and across sources) and masked (first 6, last 4); the birth date only
 * encrypted (beside the masked ID it would be the rest of the number).
 *
 * @example identityColumns(crypto, '140421200603150034', '2006-03-15')
 * // { idCipher: 'v1:…', idIndex: '…', idMasked: '140421********0034', birthDateCipher: 'v1:…' }
 */
export function identityColumns(crypto: FieldCrypto, idNumber: string, birthDate: string) {
  return {
    idCipher: crypto.encrypt(idNumber),
    idIndex: crypto.blindIndex(idNumber),
    idMasked: maskResidentId(idNumber),
    birthDateCipher: crypto.encrypt(birthDate),
  };
}
