import type { DqApplicationState, DqLevel } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import { evaluateCriteria } from './criteria.rules.ts';
import { addDays, addYears, isRealDate } from './date-math.ts';
import { districtSettings } from './settings.service.ts';
import { DEFAULT_VALIDITY_YEARS } from './teachers.config.ts';
import { canSeeSchool } from './teachers.policy.ts';
import { loadParts } from './teachers.repository.ts';

export interface RecognitionContent {
  certifyingBody: string;
  recognisedOn: string;
  validFrom?: string;
  validUntil?: string;
  certificateNo?: string;
}

/**
 * The steps every 双师型 application use case is made of: load the teacher the actor sees, check
 * evidence files, snapshot the criteria, write an event with its audit row, move the state.
 */
export function createApplicationSteps(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  /** The teacher if the actor sees their school, else NOT_FOUND. */
  async function teacherFor(actor: Actor, teacherId: string) {
    const t = await db.selectFrom('teacher').selectAll().where('id', '=', teacherId).executeTakeFirst();
    if (!t || !canSeeSchool(actor, t.schoolId)) throw notFound();
    return t;
  }

  /** Evidence must be files uploaded by a unit the actor sees. */
  async function checkFiles(trx: Executor, actor: Actor, ids: string[]) {
    if (ids.length === 0) return;
    const files = await trx
      .selectFrom('storedFile')
      .select(['id', 'orgUnitId'])
      .where('id', 'in', ids)
      .execute();
    const own = new Set(files.filter((f) => canSeeSchool(actor, f.orgUnitId)).map((f) => f.id));
    const problems = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !own.has(id))
      .map(({ i }) => ({
        field: `evidenceFileIds.${i}`,
        code: 'FILE_UNKNOWN',
        message: '附件不存在或不属于本单位',
        messageEn: 'Unknown file, or not uploaded by your unit',
      }));
    if (problems.length) throw new AppError('VALIDATION_FAILED', 400, problems);
  }

  /** The level's criteria checked against the teacher's record today. */
  async function criteriaSnapshot(
    trx: Executor,
    teacher: {
      id: string;
      districtId: string;
      hireDate: string;
      professionalTitle: Database['teacher']['professionalTitle'];
    },
    level: DqLevel,
  ) {
    const parts = (await loadParts(trx, [teacher.id])).get(teacher.id)!;
    const settings = await districtSettings(trx, teacher.districtId);
    return evaluateCriteria({ ...teacher, ...parts }, level, settings.criteria, today()).checks;
  }

  /** A history event and its audit row, in the caller's transaction. */
  async function event(
    trx: Executor,
    actor: Actor,
    id: string,
    action: string,
    comment: string | null,
    details: Record<string, unknown> = {},
  ) {
    await trx
      .insertInto('dqApplicationEvent')
      .values({ applicationId: id, at: clock.now(), actorId: actor.userId, action, comment })
      .execute();
    await audit.record(trx, auditActorOf(actor), {
      action: `teacher.dq.${action}`,
      objectType: 'dq_application',
      objectId: id,
      details: comment ? { ...details, comment } : details,
    });
  }

  /** Moves the application from one of `from` to `to`, or refuses with 409. */
  async function transition(
    trx: Executor,
    id: string,
    from: DqApplicationState[],
    to: DqApplicationState,
    set: Record<string, unknown>,
  ) {
    const updated = await trx
      .updateTable('dqApplication')
      .set({ ...set, state: to, updatedAt: clock.now() })
      .where('id', '=', id)
      .where('state', 'in', from)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('TEACHER_DQ_INVALID_TRANSITION', 409);
  }

  return { teacherFor, checkFiles, criteriaSnapshot, event, transition };
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
