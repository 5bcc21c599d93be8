import type { DqLevel } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { evaluateCriteria, type CriteriaFacts } from './criteria.rules.ts';
import { addDays, addYears, isRealDate } from './date-math.ts';
import { districtSettings } from './district-settings.ts';
import { loadParts } from './teacher-parts.repository.ts';
import { DEFAULT_VALIDITY_YEARS } from './teachers.config.ts';
import { canSeeSchool } from './teachers.policy.ts';
import { findTeacherById } from './teachers.repository.ts';

/** What a recognition records besides its level. */
export interface RecognitionContent {
  certifyingBody: string;
  recognisedOn: string;
  validFrom?: string;
  validUntil?: string;
  certificateNo?: string;
}

/** The teacher if the actor sees their school, else NOT_FOUND. */
export async function teacherFor(db: Executor, actor: Actor, teacherId: string) {
  const t = await findTeacherById(db, teacherId);
  if (!t || !canSeeSchool(actor, t.schoolId)) throw notFound();
  return t;
}

/**
 * Evidence must be files uploaded by the actor's own unit or by the teacher's school (400
 * FILE_UNKNOWN per file otherwise): a file attached to an application becomes readable to the
 * application's readers, so another unit's file may not be passed on through it.
 */
export async function checkEvidence(trx: Executor, actor: Actor, schoolId: string, ids: readonly string[]) {
  const files = await findStoredFiles(trx, ids);
  const problems = ids.flatMap((id, i) => {
    const file = files.get(id);
    return file && (file.orgUnitId === actor.orgUnitId || file.orgUnitId === schoolId)
      ? []
      : [
          {
            field: `evidenceFileIds.${i}`,
            code: 'FILE_UNKNOWN',
            message: '附件不存在或不属于本单位',
            messageEn: 'Unknown file, or not uploaded by your unit',
          },
        ];
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 400, problems);
}

/** The level's criteria checked against the teacher's record on `today`. */
export async function criteriaSnapshot(
  trx: Executor,
  teacher: Pick<CriteriaFacts, 'hireDate' | 'professionalTitle'> & { id: string; districtId: string },
  level: DqLevel,
  today: string,
) {
  const parts = (await loadParts(trx, [teacher.id])).get(teacher.id)!;
  const settings = await districtSettings(trx, teacher.districtId);
  return evaluateCriteria({ ...teacher, ...parts }, level, settings.criteria, today).checks;
}

/** 400 TEACHER_DQ_REASON_REQUIRED on `field` (returning and refusing need a reason). */
export function reasonRequired(field: string, message: string, messageEn: string) {
  return new AppError('TEACHER_DQ_REASON_REQUIRED', 400, [{ field, code: 'REQUIRED', message, messageEn }]);
}

/**
 * Checks certifying body and dates of a recognition; the validity defaults to
 * DEFAULT_VALIDITY_YEARS from its start (e.g. 2021-05-20 → 2026-05-19).
 */
export function recognitionValues(input: RecognitionContent) {
  const body = input.certifyingBody.trim();
  if (!body)
    throw fieldError('certifyingBody', 'REQUIRED', '请填写认定机构', 'The certifying body is required');
  for (const [field, value] of [
    ['recognisedOn', input.recognisedOn],
    ['validFrom', input.validFrom],
    ['validUntil', input.validUntil],
  ] as const)
    if (value !== undefined && !isRealDate(value))
      throw fieldError(field, 'DATE_INVALID', `${field} 不是有效日期`, `${field} is not a real date`);
  const validFrom = input.validFrom ?? input.recognisedOn;
  const validUntil = input.validUntil ?? addDays(addYears(validFrom, DEFAULT_VALIDITY_YEARS), -1);
  if (validUntil < validFrom)
    throw new AppError('TEACHER_DQ_VALIDITY_INVALID', 400, [
      {
        field: 'validUntil',
        code: 'TEACHER_DQ_VALIDITY_INVALID',
        message: '有效期截止日期须不早于起始日期',
        messageEn: 'The validity must end on or after it starts',
      },
    ]);
  return {
    certifyingBody: body,
    recognisedOn: input.recognisedOn,
    validFrom,
    validUntil,
    certificateNo: (input.certificateNo ?? '').trim(),
  };
}
