import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import { eligibleOf, evaluateCriteria } from './criteria.rules.ts';
import { districtSettings } from './district-settings.ts';
import { applicationAbilities } from './dq-application.workflow.ts';
import { findApplicationRow, listApplicationEvents, type ApplicationRow } from './dq.repository.ts';
import { loadParts } from './teacher-parts.repository.ts';
import { canSeeSchool } from './teachers.policy.ts';
import { findTeacherById } from './teachers.repository.ts';

/** An application as the review queues list it, with what the actor may do with it. */
export function applicationSummary(actor: Actor, a: ApplicationRow, school: UnitRef) {
  return {
    id: a.id,
    teacher: { id: a.teacherId, name: a.teacherName, idMasked: a.idMasked },
    school: { id: school.id, code: school.code, name: school.name },
    level: a.level,
    state: a.state,
    submittedAt: a.submittedAt,
    schoolReviewedAt: a.schoolReviewedAt,
    decidedAt: a.decidedAt,
    eligibleAtSubmission: eligibleOf(a.criteria),
    abilities: applicationAbilities(actor, a),
  };
}

/** A visible application row, or NOT_FOUND. */
export async function applicationFor(db: Executor, actor: Actor, id: string) {
  const row = await findApplicationRow(db, id);
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  return row;
}

/** The history of an application with the name of who took each step. */
async function historyOf(db: Executor, id: string) {
  const events = await listApplicationEvents(db, id);
  const users = await findUserRefs(
    db,
    events.map((e) => e.actorId),
  );
  return events.map(({ actorId, ...e }) => ({
    ...e,
    actor: actorId ? (users.get(actorId)?.displayName ?? null) : null,
  }));
}

/** The evidence files of an application, in the order given. */
async function evidenceOf(db: Executor, ids: readonly string[]) {
  const files = await findStoredFiles(db, ids);
  return ids.flatMap((id) => {
    const f = files.get(id);
    return f ? [{ id: f.id, name: f.name, sizeBytes: f.sizeBytes, mime: f.mime }] : [];
  });
}

/**
 * One application for its reviewers: the teacher, evidence files, history, the recognition it led
 * to, and the level's criteria checked live against the record on `today` (met / not met with the
 * facts), beside the check made when it was submitted.
 */
export async function loadApplicationDetail(db: Executor, actor: Actor, id: string, today: string) {
  const a = await applicationFor(db, actor, id);
  const teacher = (await findTeacherById(db, a.teacherId))!;
  const parts = (await loadParts(db, [a.teacherId])).get(a.teacherId)!;
  const settings = await districtSettings(db, a.districtId);
  const school = (await unitRefsByIds(db, [a.schoolId])).get(a.schoolId)!;
  return {
    ...applicationSummary(actor, a, school),
    statement: a.statement,
    schoolComment: a.schoolComment,
    decisionReason: a.decisionReason,
    evidence: await evidenceOf(db, a.evidenceFileIds),
    events: await historyOf(db, id),
    recognition: parts.recognitions.find((r) => r.applicationId === id) ?? null,
    criteriaAtSubmission: a.criteria,
    criteria: evaluateCriteria({ ...teacher, ...parts }, a.level, settings.criteria, today),
    criteriaSource: settings.criteria.source,
  };
}
