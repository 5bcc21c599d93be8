import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import {
  checkEvidence,
  criteriaSnapshot,
  reasonRequired,
  recognitionValues,
  teacherFor,
} from './application-checks.ts';
import { applicationFor, applicationSummary, loadApplicationDetail } from './application-detail.ts';
import { dqDecisionNotice } from './dq-application.notices.ts';
import { dqApplications, OPEN_STATES } from './dq-application.workflow.ts';
import {
  findApplicationOfTeacher,
  insertApplication,
  insertRecognition,
  listApplicationIdsWithFile,
  listApplicationRows,
} from './dq.repository.ts';
import type {
  ApplicationBody,
  ApplicationListQuery,
  DecisionBody,
  RecordRecognitionBody,
  SchoolReviewBody,
} from './dq.schema.ts';
import { isEmployedOn } from './ratio.rules.ts';
import { loadParts } from './teacher-parts.repository.ts';
import { mayManageSchool, mayReviewDistrict, visibleSchoolIds } from './teachers.policy.ts';

/*
 * 双师型 recognition (认定): applications taken through their workflow (dq-application.workflow.ts)
 * — the school applies with evidence, reviews, withdraws or resubmits; the district approves (a
 * recognition is recorded) or refuses with a reason — and recognitions from before the system.
 */

type ApplicationInput = Static<typeof ApplicationBody>;
const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** What a (re)submission writes: the content, the evidence checked, the criteria as of today. */
async function submission(
  deps: ModuleDeps,
  trx: Executor,
  actor: Actor,
  teacher: Parameters<typeof criteriaSnapshot>[1] & { schoolId: string },
  input: ApplicationInput,
) {
  await checkEvidence(trx, actor, teacher.schoolId, input.evidenceFileIds);
  return {
    level: input.level,
    statement: input.statement.trim(),
    evidenceFileIds: [...new Set(input.evidenceFileIds)],
    criteria: JSON.stringify(await criteriaSnapshot(trx, teacher, input.level, today(deps))),
    submittedBy: actor.userId,
    submittedAt: deps.clock.now(),
  };
}

/**
 * An application with the file `fileId` among its evidence that the actor may read (as
 * `getApplication` would let them), or null: the file route serves evidence through it.
 */
export async function readableApplicationWithFile(deps: ModuleDeps, actor: Actor, fileId: string) {
  const ids = await listApplicationIdsWithFile(deps.db, fileId);
  return firstReadable(ids, (id) => applicationFor(deps.db, actor, id));
}

/** One application for its reviewers (evidence, history, criteria met / not met). */
export async function getApplication(deps: ModuleDeps, actor: Actor, id: string) {
  return loadApplicationDetail(deps.db, actor, id, today(deps));
}

/** Applications of schools the actor sees, newest first (the review queues filter by state). */
export async function listApplications(
  deps: ModuleDeps,
  actor: Actor,
  f: Static<typeof ApplicationListQuery>,
) {
  const rows = await listApplicationRows(deps.db, { ...f, schoolIds: visibleSchoolIds(actor) });
  const schools = await unitRefsByIds(
    deps.db,
    rows.map((a) => a.schoolId),
  );
  return rows.map((a) => applicationSummary(actor, a, schools.get(a.schoolId)!));
}

/** The school applies for a 双师型 level for an employed teacher with no open application. */
export async function applyForRecognition(
  deps: ModuleDeps,
  actor: Actor,
  teacherId: string,
  input: ApplicationInput,
) {
  const t = await teacherFor(deps.db, actor, teacherId);
  if (!mayManageSchool(actor, t.schoolId)) throw forbidden();
  if (!isEmployedOn(t, today(deps))) throw new AppError('TEACHER_LEFT', 409);
  const id = await deps.transaction(async (trx) => {
    const open = await findApplicationOfTeacher(trx, teacherId, OPEN_STATES);
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
    const { submittedAt, ...content } = await submission(deps, trx, actor, t, input);
    const id = await insertApplication(trx, {
      ...content,
      teacherId,
      schoolId: t.schoolId,
      districtId: t.districtId,
      state: 'submitted',
      submittedAt,
      updatedAt: submittedAt,
    });
    await dqApplications.record(deps, trx, 'submit', actor, id, {
      details: { teacherId, level: input.level },
    });
    return id;
  });
  return getApplication(deps, actor, id);
}

/** The school edits and resubmits a returned application. */
export async function resubmitApplication(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: ApplicationInput,
) {
  const a = await applicationFor(deps.db, actor, id);
  dqApplications.assert('resubmit', actor, a);
  const t = await teacherFor(deps.db, actor, a.teacherId);
  await deps.transaction(async (trx) => {
    const set = await submission(deps, trx, actor, t, input);
    await dqApplications.apply(deps, trx, 'resubmit', actor, a, { set, details: { level: input.level } });
  });
  return getApplication(deps, actor, id);
}

/** The school withdraws an application it has not passed yet. */
export async function withdrawApplication(deps: ModuleDeps, actor: Actor, id: string) {
  const a = await applicationFor(deps.db, actor, id);
  await deps.transaction((trx) => dqApplications.apply(deps, trx, 'withdraw', actor, a));
  return getApplication(deps, actor, id);
}

/** The school's review: pass it on to the district, or return it with a comment. */
export async function reviewAtSchool(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof SchoolReviewBody>,
) {
  const a = await applicationFor(deps.db, actor, id);
  const step = input.decision === 'pass' ? 'schoolPass' : 'schoolReturn';
  // Who may not take the step hears so (403) before anything about what they sent (400).
  dqApplications.assert(step, actor, a);
  const comment = input.comment.trim();
  if (input.decision === 'return' && !comment)
    throw reasonRequired('comment', '退回时须填写意见', 'A comment is required when returning');
  await deps.transaction(async (trx) => {
    const set = {
      schoolReviewedBy: actor.userId,
      schoolReviewedAt: deps.clock.now(),
      schoolComment: comment || null,
    };
    await dqApplications.apply(deps, trx, step, actor, a, { set, comment: comment || null });
  });
  return getApplication(deps, actor, id);
}

/** The district's decision: approve (a recognition is recorded) or refuse with a reason. */
export async function decideApplication(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof DecisionBody>,
) {
  const a = await applicationFor(deps.db, actor, id);
  const step = input.decision === 'approve' ? 'approve' : 'refuse';
  dqApplications.assert(step, actor, a);
  const reason = input.reason.trim();
  if (step === 'refuse' && !reason)
    throw reasonRequired('reason', '不予认定时须填写理由', 'A reason is required when refusing');
  const values =
    step === 'approve'
      ? recognitionValues({
          ...input,
          certifyingBody: input.certifyingBody ?? '',
          recognisedOn: input.recognisedOn ?? today(deps),
        })
      : null;
  // Approving against the level's criteria (checked live, as the reviewer sees them) is a
  // recorded judgement: it needs its written reason, kept on the application and in the audit.
  const criteriaMet = (await loadApplicationDetail(deps.db, actor, id, today(deps))).criteria.eligible;
  if (values && !criteriaMet && !reason)
    throw reasonRequired(
      'reason',
      '所申请等级的认定条件未全部满足，批准认定时须填写理由',
      'The criteria of the level are not all met: a reason is required to approve',
    );
  await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const set = { decidedBy: actor.userId, decidedAt: now, decisionReason: reason || null };
    await dqApplications.apply(deps, trx, step, actor, a, {
      set,
      comment: reason || null,
      details: { ...values, criteriaMet },
    });
    if (values)
      await insertRecognition(trx, {
        teacherId: a.teacherId,
        applicationId: id,
        level: a.level,
        ...values,
        recordedBy: actor.userId,
        recordedAt: now,
      });
    await deps.notifications.publish(trx, dqDecisionNotice(a, { approved: values !== null, reason }));
  });
  return getApplication(deps, actor, id);
}

/** Records a recognition obtained before the system (district only), e.g. from an earlier round. */
export async function recordRecognition(
  deps: ModuleDeps,
  actor: Actor,
  teacherId: string,
  input: Static<typeof RecordRecognitionBody>,
) {
  const t = await teacherFor(deps.db, actor, teacherId);
  if (!mayReviewDistrict(actor, t.districtId)) throw forbidden();
  const values = recognitionValues(input);
  const id = await deps.transaction(async (trx) => {
    const row = { teacherId, applicationId: null, level: input.level, ...values };
    const id = await insertRecognition(trx, {
      ...row,
      recordedBy: actor.userId,
      recordedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.dq.recorded',
      objectType: 'dq_recognition',
      objectId: id,
      details: { teacherId, level: input.level, ...values },
    });
    return id;
  });
  return (await loadParts(deps.db, [teacherId])).get(teacherId)!.recognitions.find((r) => r.id === id)!;
}
