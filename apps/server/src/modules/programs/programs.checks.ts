import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { mayManageSchool } from './programs.policy.ts';
import { findCourse, findMajor } from './programs.repository.ts';
import { majorLabel } from './programs.view.ts';

/**
 * The school a new record belongs to: `schoolId` if given, else the actor's own unit. It must be
 * a vocational school the actor sees (else 404) and keeps — its own school (else 403); its district
 * comes with it.
 */
export async function resolveSchool(
  db: Executor,
  actor: Actor,
  schoolId: string | undefined,
): Promise<{ schoolId: string; districtId: string }> {
  const id = schoolId ?? actor.orgUnitId;
  const [unit] = await listOrgUnitInfo(db, { ids: [id] });
  if (!unit || !(actor.scope.all || actor.scope.orgUnitIds.includes(id))) throw notFound();
  if (!keepsVocationalRecords(unit)) {
    throw new AppError('PROGRAM_NOT_A_SCHOOL', 400, [
      {
        field: 'schoolId',
        code: 'PROGRAM_NOT_A_SCHOOL',
        message: `${unit.name}不是职业学校，请选择职业学校`,
        messageEn: `${unit.name} is not a vocational school; choose one`,
      },
    ]);
  }
  assertManages(actor, id);
  return { schoolId: id, districtId: actor.districtId ?? id };
}

/** 403 unless the actor keeps the records of this school. */
export function assertManages(actor: Actor, schoolId: string): void {
  if (!mayManageSchool(actor, schoolId)) throw new AppError('FORBIDDEN', 403);
}

/** Checks that a major and a course (when given) exist and belong to `schoolId`. */
export async function checkSchoolRefs(
  db: Executor,
  schoolId: string,
  refs: { majorId?: string | null; courseId?: string | null },
): Promise<{ majorName: string | null; courseName: string | null; courseMajorId: string | null }> {
  let majorName: string | null = null;
  let courseName: string | null = null;
  let courseMajorId: string | null = null;
  if (refs.majorId) {
    const m = await findMajor(db, refs.majorId);
    if (!m) throw fieldError('majorId', 'UNKNOWN', '专业不存在', 'No such major');
    if (m.schoolId !== schoolId) throw otherSchool('majorId');
    majorName = majorLabel(m);
  }
  if (refs.courseId) {
    const c = await findCourse(db, refs.courseId);
    if (!c) throw fieldError('courseId', 'UNKNOWN', '课程不存在', 'No such course');
    if (c.schoolId !== schoolId) throw otherSchool('courseId');
    courseName = c.name;
    courseMajorId = c.majorId;
  }
  return { majorName, courseName, courseMajorId };
}

function otherSchool(field: string): AppError {
  return new AppError('PROGRAM_OTHER_SCHOOL', 400, [
    {
      field,
      code: 'PROGRAM_OTHER_SCHOOL',
      message: '所选记录不属于该学校',
      messageEn: 'The record belongs to another school',
    },
  ]);
}
