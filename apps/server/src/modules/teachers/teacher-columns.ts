import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskMobile, maskResidentId } from '../../platform/validation/identifiers.ts';
import type { CheckedTeacher } from './teacher-input.ts';

/** An ID number as stored: encrypted, blind-indexed (to find the teacher again) and masked. */
export function identityColumns(crypto: FieldCrypto, idNumber: string) {
  return {
    idCipher: crypto.encrypt(idNumber),
    idIndex: crypto.blindIndex(idNumber),
    idMasked: maskResidentId(idNumber),
  };
}

/** A mobile as stored (encrypted and masked); null or '' = none, undefined = unchanged (no columns). */
export function phoneColumns(crypto: FieldCrypto, phone: string | null | undefined) {
  if (phone === undefined) return {};
  return {
    phoneCipher: phone ? crypto.encrypt(phone) : null,
    phoneMasked: phone ? maskMobile(phone) : null,
  };
}

/** The plain columns of a checked teacher record. */
export function recordColumns(v: CheckedTeacher) {
  return {
    name: v.name,
    education: v.education,
    professionalTitle: v.professionalTitle,
    post: v.post,
    series: v.series,
    internshipInstructor: v.internshipInstructor,
    hireDate: v.hireDate,
    leaveDate: v.leaveDate,
  };
}
