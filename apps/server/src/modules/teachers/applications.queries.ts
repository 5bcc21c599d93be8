import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { eligibleOf, evaluateCriteria } from './criteria.rules.ts';
import { districtSettings } from './settings.service.ts';
import { applicationAbilities, canSeeSchool, visibleSchoolIds } from './teachers.policy.ts';
import { loadParts } from './teachers.repository.ts';
import type { DqApplicationState } from '@zhijiao/contracts';

/** Applications with their teacher and school. */
export function applicationsQuery(db: Executor) {
  return db
    .selectFrom('dqApplication as a')
    .innerJoin('teacher as t', 't.id', 'a.teacherId')
    .innerJoin('orgUnit as s', 's.id', 'a.schoolId')
    .select([
      'a.id',
      'a.teacherId',
      'a.schoolId',
      'a.districtId',
      'a.level',
      'a.state',
      'a.statement',
      'a.evidenceFileIds',
      'a.criteria',
      'a.submittedAt',
      'a.schoolReviewedAt',
      'a.schoolComment',
      'a.decidedAt',
      'a.decisionReason',
      'a.updatedAt',
      't.name as teacherName',
      't.idMasked',
      's.code as schoolCode',
      's.name as schoolName',
    ]);
}

type AppRow = Awaited<ReturnType<ReturnType<typeof applicationsQuery>['executeTakeFirstOrThrow']>>;

function summary(actor: Actor, a: AppRow) {
  return {
    id: a.id,
    teacher: { id: a.teacherId, name: a.teacherName, idMasked: a.idMasked },
    school: { id: a.schoolId, code: a.schoolCode, name: a.schoolName },
    level: a.level,
    state: a.state,
    submittedAt: a.submittedAt,
    schoolReviewedAt: a.schoolReviewedAt,
    decidedAt: a.decidedAt,
    eligibleAtSubmission: eligibleOf(a.criteria),
    abilities: applicationAbilities(actor, a),
  };
}

/** Applications of schools the actor sees, newest first (the review queues filter by state). */
export async function listApplications(
  db: Executor,
  actor: Actor,
  f: { state?: DqApplicationState; schoolId?: string; teacherId?: string; limit: number; offset: number },
) {
  const schools = visibleSchoolIds(actor);
  let q = applicationsQuery(db);
  if (schools !== null)
    q = schools.length ? q.where('a.schoolId', 'in', [...schools]) : q.where(sql<boolean>`false`);
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.schoolId) q = q.where('a.schoolId', '=', f.schoolId);
  if (f.teacherId) q = q.where('a.teacherId', '=', f.teacherId);
  const rows = await q
    .orderBy('a.submittedAt', 'desc')
    .orderBy('a.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows.map((a) => summary(actor, a));
}

/** A visible application row, or NOT_FOUND. */
export async function findApplicationFor(db: Executor, actor: Actor, id: string) {
  const row = await applicationsQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  return row;
}

/**
 * One application for its reviewers: the teacher, evidence files, history, the recognition it led
 * to, and the level's criteria checked live against the record on `today` (met / not met with the
 * facts), beside the check made when it was submitted.
 */
export async function getApplication(db: Executor, actor: Actor, id: string, today: string) {
  const a = await findApplicationFor(db, actor, id);
  const teacher = await db
    .selectFrom('teacher')
    .select(['hireDate', 'professionalTitle'])
    .where('id', '=', a.teacherId)
    .executeTakeFirstOrThrow();
  const parts = (await loadParts(db, [a.teacherId])).get(a.teacherId)!;
  const settings = await districtSettings(db, a.districtId);
  const files = a.evidenceFileIds.length
    ? await db
        .selectFrom('storedFile')
        .select(['id', 'originalName as name', 'sizeBytes', 'mime'])
        .where('id', 'in', a.evidenceFileIds)
        .execute()
    : [];
  const events = await db
    .selectFrom('dqApplicationEvent as e')
    .leftJoin('appUser as u', 'u.id', 'e.actorId')
    .select(['e.at', 'e.action', 'e.comment', 'u.displayName as actor'])
    .where('e.applicationId', '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  const recognition = parts.recognitions.find((r) => r.applicationId === id) ?? null;
  return {
    ...summary(actor, a),
    statement: a.statement,
    schoolComment: a.schoolComment,
    decisionReason: a.decisionReason,
    evidence: files,
    events,
    recognition,
    criteriaAtSubmission: a.criteria,
    criteria: evaluateCriteria({ ...teacher, ...parts }, a.level, settings.criteria, today),
    criteriaSource: settings.criteria.source,
  };
}
