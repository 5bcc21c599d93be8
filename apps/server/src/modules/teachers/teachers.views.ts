import { ageAt } from '../../platform/validation/identifiers.ts';
import type { UnitRef } from '../org/index.ts';
import { isEmployedOn } from './ratio.rules.ts';
import type { TeacherRow } from './teachers.repository.ts';

/**
 * A teacher as staff see them in lists: ID number and phone masked, age instead of the birth date
 * (the mask hides the birth date on purpose), and the 专业课 / 双师型 status on `asOf`; `school`
 * names the teacher's school.
 */
export function teacherSummary(t: TeacherRow, school: UnitRef, asOf: string, today: string) {
  return {
    id: t.id,
    school: { id: school.id, code: school.code, name: school.name },
    name: t.name,
    idMasked: t.idMasked,
    phoneMasked: t.phoneMasked,
    sex: t.sex,
    age: t.birthDate <= today ? ageAt(t.birthDate, today) : 0,
    education: t.education,
    professionalTitle: t.professionalTitle,
    post: t.post,
    series: t.series,
    internshipInstructor: t.internshipInstructor,
    hireDate: t.hireDate,
    leaveDate: t.leaveDate,
    employed: isEmployedOn(t, asOf),
    specialised: t.specialised,
    majorCodes: t.majorCodes,
    majors: t.majorCodes.map((code, i) => ({ code, name: t.majorNames[i] ?? '' })),
    dq: t.dqLevel && t.dqValidUntil ? { level: t.dqLevel, validUntil: t.dqValidUntil } : null,
  };
}

export type TeacherSummary = ReturnType<typeof teacherSummary>;
