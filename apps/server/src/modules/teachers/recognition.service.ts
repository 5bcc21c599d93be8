import type { DqLevel } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { createApplicationSteps, recognitionValues, type RecognitionContent } from './application-steps.ts';
import { findApplicationFor, getApplication, listApplications } from './applications.queries.ts';
import { isEmployedOn } from './ratio.rules.ts';
import { applicationAbilities, mayManageSchool, mayReviewDistrict, refusal } from './teachers.policy.ts';
import { loadParts } from './teachers.repository.ts';

export interface ApplicationContent {
  level: DqLevel;
  statement: string;
  evidenceFileIds: string[];
}

/**
 * 双师型 recognition (认定) as a workflow: the school applies for a teacher with evidence
 * (submitted) → the school reviews it (passed, or returned and resubmitted) → the district approves
 * it with certifying body, date and validity (a recognition is recorded) or refuses it with a
 * reason. The school may withdraw an application until it has passed. Each step is an event and
 * an audit row in the same transaction; an illegal step is refused with
 * TEACHER_DQ_INVALID_TRANSITION (409), a step the actor may not take at all with 403.
 */
export function createRecognitionService(deps: {
  db: Kysely<Database>;
  transaction: Transact;
  audit: AuditLog;
  clock: Clock;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  const { teacherFor, checkFiles, criteriaSnapshot, event, transition } = createApplicationSteps(deps);

  function done(actor: Actor, id: string) {
    deps.onWrite?.();
    return getApplication(db, actor, id, today());
  }

  async function applyForRecognition(actor: Actor, teacherId: string, input: ApplicationContent) {
    const t = await teacherFor(actor, teacherId);
    if (!mayManageSchool(actor, t.schoolId)) throw forbidden();
    if (!isEmployedOn(t, today())) throw new AppError('TEACHER_LEFT', 409);
    const id = await deps.transaction(async (trx) => {
      const open = await trx
        .selectFrom('dqApplication')
        .select('id')
        .where('teacherId', '=', teacherId)
        .where('state', 'in', ['submitted', 'returned', 'school_passed'])
        .executeTakeFirst();
      if (open)
        throw new AppError('TEACHER_DQ_APPLICATION_OPEN', 409, [
          {
            field: 'teacherId',
            code: 'TEACHER_DQ_APPLICATION_OPEN',
            message: '该教师已有未办结的申请',
            messageEn: 'An application is already open',
            applicationId: open.id,
          },
        ]);
      await checkFiles(trx, actor, input.evidenceFileIds);
      const now = clock.now();
      const row = await trx
        .insertInto('dqApplication')
        .values({
          teacherId,
          schoolId: t.schoolId,
          districtId: t.districtId,
          level: input.level,
          state: 'submitted',
          statement: input.statement.trim(),
          evidenceFileIds: [...new Set(input.evidenceFileIds)],
          criteria: JSON.stringify(await criteriaSnapshot(trx, t, input.level)),
          submittedBy: actor.userId,
          submittedAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await event(trx, actor, row.id, 'submitted', null, { teacherId, level: input.level });
      return row.id;
    });
    return done(actor, id);
  }

  async function resubmitApplication(actor: Actor, id: string, input: ApplicationContent) {
    const a = await findApplicationFor(db, actor, id);
    if (!applicationAbilities(actor, a).resubmit) throw refusal(mayManageSchool(actor, a.schoolId));
    const t = await teacherFor(actor, a.teacherId);
    await deps.transaction(async (trx) => {
      await checkFiles(trx, actor, input.evidenceFileIds);
      await transition(trx, id, ['returned'], 'submitted', {
        level: input.level,
        statement: input.statement.trim(),
        evidenceFileIds: [...new Set(input.evidenceFileIds)],
        criteria: JSON.stringify(await criteriaSnapshot(trx, t, input.level)),
        submittedBy: actor.userId,
        submittedAt: clock.now(),
      });
      await event(trx, actor, id, 'resubmitted', null, { level: input.level });
    });
    return done(actor, id);
  }

  async function withdrawApplication(actor: Actor, id: string) {
    const a = await findApplicationFor(db, actor, id);
    if (!applicationAbilities(actor, a).withdraw) throw refusal(mayManageSchool(actor, a.schoolId));
    await deps.transaction(async (trx) => {
      await transition(trx, id, ['submitted', 'returned'], 'withdrawn', {});
      await event(trx, actor, id, 'withdrawn', null);
    });
    return done(actor, id);
  }

  /** The school's review: pass it on to the district, or return it with a comment. */
  async function reviewAtSchool(
    actor: Actor,
    id: string,
    input: { decision: 'pass' | 'return'; comment: string },
  ) {
    const a = await findApplicationFor(db, actor, id);
    const comment = input.comment.trim();
    if (input.decision === 'return' && !comment)
      throw new AppError('TEACHER_DQ_REASON_REQUIRED', 400, [
        {
          field: 'comment',
          code: 'REQUIRED',
          message: '退回时须填写意见',
          messageEn: 'A comment is required when returning',
        },
      ]);
    if (!applicationAbilities(actor, a).schoolReview) throw refusal(mayManageSchool(actor, a.schoolId));
    await deps.transaction(async (trx) => {
      const passed = input.decision === 'pass';
      await transition(trx, id, ['submitted'], passed ? 'school_passed' : 'returned', {
        schoolReviewedBy: actor.userId,
        schoolReviewedAt: clock.now(),
        schoolComment: comment || null,
      });
      await event(trx, actor, id, passed ? 'school_passed' : 'returned', comment || null);
    });
    return done(actor, id);
  }

  /** The district's decision: approve (a recognition is recorded) or refuse with a reason. */
  async function decideApplication(
    actor: Actor,
    id: string,
    input: { decision: 'approve' | 'refuse'; reason: string } & Partial<RecognitionContent>,
  ) {
    const a = await findApplicationFor(db, actor, id);
    const reason = input.reason.trim();
    if (input.decision === 'refuse' && !reason)
      throw new AppError('TEACHER_DQ_REASON_REQUIRED', 400, [
        {
          field: 'reason',
          code: 'REQUIRED',
          message: '不予认定时须填写理由',
          messageEn: 'A reason is required when refusing',
        },
      ]);
    const values =
      input.decision === 'approve'
        ? recognitionValues({
            certifyingBody: input.certifyingBody ?? '',
            recognisedOn: input.recognisedOn ?? today(),
            validFrom: input.validFrom,
            validUntil: input.validUntil,
            certificateNo: input.certificateNo,
          })
        : null;
    if (!applicationAbilities(actor, a).decide) throw refusal(mayReviewDistrict(actor, a.districtId));
    await deps.transaction(async (trx) => {
      const now = clock.now();
      await transition(trx, id, ['school_passed'], values ? 'approved' : 'refused', {
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: reason || null,
      });
      if (values) {
        await trx
          .insertInto('dqRecognition')
          .values({
            teacherId: a.teacherId,
            applicationId: id,
            level: a.level,
            ...values,
            recordedBy: actor.userId,
            recordedAt: now,
          })
          .execute();
      }
      await event(
        trx,
        actor,
        id,
        values ? 'approved' : 'refused',
        reason || null,
        values ? { ...values } : {},
      );
    });
    return done(actor, id);
  }

  /** Records a recognition obtained before the system (district only), e.g. from an earlier round. */
  async function recordRecognition(
    actor: Actor,
    teacherId: string,
    input: RecognitionContent & { level: DqLevel },
  ) {
    const t = await teacherFor(actor, teacherId);
    if (!mayReviewDistrict(actor, t.districtId)) throw forbidden();
    const values = recognitionValues(input);
    const id = await deps.transaction(async (trx) => {
      const row = await trx
        .insertInto('dqRecognition')
        .values({
          teacherId,
          applicationId: null,
          level: input.level,
          ...values,
          recordedBy: actor.userId,
          recordedAt: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'teacher.dq.recorded',
        objectType: 'dq_recognition',
        objectId: row.id,
        details: { teacherId, level: input.level, ...values },
      });
      return row.id;
    });
    deps.onWrite?.();
    return (await loadParts(db, [teacherId])).get(teacherId)!.recognitions.find((r) => r.id === id)!;
  }

  return {
    applyForRecognition,
    resubmitApplication,
    withdrawApplication,
    reviewAtSchool,
    decideApplication,
    recordRecognition,
    getApplication: (actor: Actor, id: string) => getApplication(db, actor, id, today()),
    listApplications: (actor: Actor, f: Parameters<typeof listApplications>[2]) =>
      listApplications(db, actor, f),
  };
}

export type RecognitionService = ReturnType<typeof createRecognitionService>;
