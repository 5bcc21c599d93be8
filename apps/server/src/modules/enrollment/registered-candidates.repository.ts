import type { Executor } from '../../platform/db/database.ts';

/**
 * What the student register (learners module) reads of 报到, through `index.ts`: a season's
 * district and year, and the candidates registered at one school's programs. The ID number leaves
 * this module only as its FieldCrypto cipher (never in clear); the reader decrypts it with the
 * platform's key when it must.
 */

/** A season's district and admission year, or undefined when there is no such season. */
export function findSeasonFacts(db: Executor, seasonId: string) {
  return db
    .selectFrom('enrollmentSeason')
    .select(['id', 'districtId', 'admissionYear'])
    .where('id', '=', seasonId)
    .executeTakeFirst();
}

/**
 * The candidates registered (报到, status `registered`) in a season at the programs of one school,
 * with what a register entry needs: the registration's id (the candidate's), name, sex, the ID
 * number's cipher, the program (code, name, track) and the day 报到 was recorded. By program code,
 * then exam number.
 *
 * @example
 * await listRegisteredCandidates(db, { seasonId, schoolId })
 * // [{ registrationId, name: '王三', sex: 'F', idCipher: 'v1:…', programCode: 'VHS-WELD', … }]
 */
export function listRegisteredCandidates(db: Executor, where: { seasonId: string; schoolId: string }) {
  return db
    .selectFrom('enrollmentRegistration as r')
    .innerJoin('enrollmentCandidate as c', 'c.id', 'r.candidateId')
    .innerJoin('enrollmentProgram as p', 'p.id', 'r.programId')
    .select([
      'r.candidateId as registrationId',
      'r.recordedAt',
      'c.name',
      'c.sex',
      'c.idCipher',
      'c.examNumber',
      'p.id as programId',
      'p.code as programCode',
      'p.name as programName',
      'p.track',
    ])
    .where('p.seasonId', '=', where.seasonId)
    .where('p.schoolId', '=', where.schoolId)
    .where('r.status', '=', 'registered')
    .orderBy('p.code')
    .orderBy('c.examNumber')
    .execute();
}
