import type { UnitRef } from '../org/index.ts';
import { isEmployedOn } from './ratio.rules.ts';
import type { TeacherRow } from './teachers.repository.ts';

/**
 * The age a teacher reaches in the year of `today` (`YYYY-MM-DD`): that year minus the birth year,
 * never below 0. Only the birth year is in clear (the day would give the masked ID away), so this
 * is the age in the current year, not completed years: a teacher whose birthday is still to come
 * this year shows one year more than their 周岁 until then.
 *
 * @example ageInYear(1986, '2021-05-20') // 35 (34 周岁 until 15 July)
 */
export function ageInYear(birthYear: number, today: string): number {
  return Math.max(0, Number(today.slice(0, 4)) - birthYear);
}

/**
 * A teacher as staff see them in lists: ID number and phone masked, the age in the current year
 * instead of the birth date (the mask hides the birth date on purpose), and the 专业课 / 双师型
 * status on `asOf`; `school` names the teacher's school.
 */
export function teacherSummary(t: TeacherRow, school: UnitRef, asOf: string, today: string) {
  return {
    id: t.id,
    school: { id: school.id, code: school.code, name: school.name },
    name: t.name,
    idMasked: t.idMasked,
    phoneMasked: t.phoneMasked,
    sex: t.sex,
    age: ageInYear(t.birthYear, today),
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
