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

/**
 * A birth date as stored: encrypted, and its year in clear (the age in the list and its sort). Never
 * the date in clear: beside the masked ID (first 6, last 4) it would be the rest of the number.
 */
export function birthColumns(crypto: FieldCrypto, birthDate: string) {
  return { birthDateCipher: crypto.encrypt(birthDate), birthYear: Number(birthDate.slice(0, 4)) };
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
