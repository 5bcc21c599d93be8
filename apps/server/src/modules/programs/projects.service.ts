import type { ProjectFileStage, ProjectKind, ProjectLevel, ProjectState } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import {
  averageScore,
  nextProjectState,
  requiredSubject,
  requireText,
  stepDate,
  type ProjectAction,
} from './project-lifecycle.ts';
import { canSeeSchoolRecord, mayManageSchool, mayReview, refusal } from './programs.policy.ts';
import { checkOwnFiles, checkSchoolRefs, resolveSchool } from './programs.repository.ts';
import {
  findProject,
  listProjects,
  projectDetail,
  type ProjectFilter,
  type ProjectRow,
} from './projects.queries.ts';

export interface ProjectInput {
  kind: ProjectKind;
  title: string;
  summary: string;
  majorId?: string | null;
  courseId?: string | null;
  teacherId?: string | null;
  teacherName: string;
  fileIds: string[];
}

/** A review step's outcome: an opinion, an optional date (default today) and files. */
export interface StepInput {
  passed: boolean;
  opinion: string;
  on?: string;
  fileIds: string[];
}

/**
 * Recognised projects through one lifecycle (see project-lifecycle.ts): the school applies with
 * materials; the district's reviewers score; the district approves with a level or rejects, then
 * records the mid-term check and the acceptance. Every step is checked against the lifecycle,
 * kept in the project's history and audited in the same transaction.
 */
export function createProjectsService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;

  async function loadFor(actor: Actor, id: string) {
    const p = await findProject(db, id);
    if (!p || !canSeeSchoolRecord(actor, p.schoolId)) throw notFound();
    return p;
  }

  /** Loads a project for `action`: 404 hidden, 403 not the actor's to act on, 409 wrong state. */
  async function loadForAction(actor: Actor, id: string, action: ProjectAction) {
    const p = await loadFor(actor, id);
    const school = ['edit', 'submit', 'withdraw'].includes(action);
    const may = school ? mayManageSchool(actor, p.schoolId) : mayReview(actor, p.districtId);
    if (!may || nextProjectState(p.state, action) === null) throw refusal(may);
    return p;
  }

  async function event(trx: Executor, actor: Actor, p: ProjectRow, action: string, details: object = {}) {
    const comment = 'comment' in details ? String((details as { comment: unknown }).comment) : null;
    await trx
      .insertInto('programProjectEvent')
      .values({ projectId: p.id, at: clock.now(), actorId: actor.userId, action, comment })
      .execute();
    await audit.record(trx, auditActorOf(actor), {
      action: `programs.project.${action}`,
      objectType: 'program_project',
      objectId: p.id,
      details: { kind: p.kind, ...details },
    });
  }

  /** Moves the project from its current state, refusing if someone else moved it first. */
  async function move(trx: Executor, p: ProjectRow, action: ProjectAction, set: Partial<ProjectRow> = {}) {
    const to = nextProjectState(p.state, action)!;
    const updated = await trx
      .updateTable('programProject')
      .set({ ...set, state: to, updatedAt: clock.now() })
      .where('id', '=', p.id)
      .where('state', '=', p.state)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('PROGRAM_INVALID_TRANSITION', 409);
  }

  async function checkSubject(schoolId: string, input: ProjectInput) {
    await checkSchoolRefs(db, schoolId, { majorId: input.majorId, courseId: input.courseId });
    const need = requiredSubject(input.kind);
    const missing =
      (need === 'major' && !input.majorId) ||
      (need === 'course' && !input.courseId) ||
      (need === 'teacher' && !input.teacherName.trim());
    if (missing) {
      const field = need === 'teacher' ? 'teacherName' : `${need}Id`;
      throw new AppError('PROGRAM_PROJECT_SUBJECT_REQUIRED', 400, [
        {
          field,
          code: 'PROGRAM_PROJECT_SUBJECT_REQUIRED',
          message: { major: '品牌专业须选择专业', course: '精品课程须选择课程', teacher: '须填写教师姓名' }[
            need!
          ],
          messageEn: `This kind of project must name its ${need}`,
        },
      ]);
    }
  }

  function columns(input: ProjectInput) {
    return {
      kind: input.kind,
      title: input.title.trim(),
      summary: input.summary.trim(),
      majorId: input.majorId ?? null,
      courseId: input.courseId ?? null,
      teacherId: input.teacherId ?? null,
      teacherName: input.teacherName.trim(),
    };
  }

  async function attach(trx: Executor, projectId: string, fileIds: string[], stage: ProjectFileStage) {
    if (fileIds.length === 0) return;
    await trx
      .insertInto('programProjectFile')
      .values([...new Set(fileIds)].map((fileId) => ({ projectId, fileId, stage })))
      .onConflict((oc) => oc.columns(['projectId', 'fileId']).doNothing())
      .execute();
  }

  function afterWrite(actor: Actor, id: string) {
    deps.onWrite?.();
    return getProject(actor, id);
  }

  async function getProject(actor: Actor, id: string) {
    return projectDetail(db, actor, await loadFor(actor, id));
  }

  async function createProject(actor: Actor, input: ProjectInput & { schoolId?: string; submit: boolean }) {
    const { schoolId, districtId } = await resolveSchool(db, actor, input.schoolId);
    await checkSubject(schoolId, input);
    await checkOwnFiles(db, actor, input.fileIds, (i) => `fileIds.${i}`);
    const id = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const row = await trx
        .insertInto('programProject')
        .values({
          schoolId,
          districtId,
          ...columns(input),
          state: input.submit ? 'applied' : 'draft',
          appliedAt: input.submit ? now : null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await attach(trx, row.id, input.fileIds, 'application');
      await event(trx, actor, row, 'created', { title: row.title });
      if (input.submit) await event(trx, actor, row, 'submitted');
      return row.id;
    });
    return afterWrite(actor, id);
  }

  async function updateProject(actor: Actor, id: string, input: ProjectInput) {
    const p = await loadForAction(actor, id, 'edit');
    await checkSubject(p.schoolId, input);
    await checkOwnFiles(db, actor, input.fileIds, (i) => `fileIds.${i}`);
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('programProject')
        .set({ ...columns(input), updatedAt: clock.now() })
        .where('id', '=', id)
        .where('state', '=', 'draft')
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('PROGRAM_INVALID_TRANSITION', 409);
      await trx.deleteFrom('programProjectFile').where('projectId', '=', id).execute();
      await attach(trx, id, input.fileIds, 'application');
      await event(trx, actor, p, 'updated');
    });
    return afterWrite(actor, id);
  }

  async function submitProject(actor: Actor, id: string) {
    const p = await loadForAction(actor, id, 'submit');
    await db.transaction().execute(async (trx) => {
      await move(trx, p, 'submit', { appliedAt: clock.now() });
      await event(trx, actor, p, 'submitted');
    });
    return afterWrite(actor, id);
  }

  async function withdrawProject(actor: Actor, id: string) {
    const p = await loadForAction(actor, id, 'withdraw');
    await db.transaction().execute(async (trx) => {
      await move(trx, p, 'withdraw');
      await event(trx, actor, p, 'withdrawn');
    });
    return afterWrite(actor, id);
  }

  /** Records (or revises) the actor's score and opinion; the project's average follows. */
  async function scoreProject(actor: Actor, id: string, input: { score: number; opinion: string }) {
    const p = await loadForAction(actor, id, 'score');
    const opinion = requireText(input.opinion, 'opinion');
    const score = Math.round(input.score * 10) / 10;
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await trx
        .insertInto('programProjectScore')
        .values({ projectId: id, reviewerId: actor.userId, score, opinion, scoredAt: now })
        .onConflict((oc) =>
          oc.columns(['projectId', 'reviewerId']).doUpdateSet({ score, opinion, scoredAt: now }),
        )
        .execute();
      const scores = await trx
        .selectFrom('programProjectScore')
        .select('score')
        .where('projectId', '=', id)
        .execute();
      await move(trx, p, 'score', { averageScore: averageScore(scores.map((s) => Number(s.score))) });
      await event(trx, actor, p, 'scored', { score });
    });
    return afterWrite(actor, id);
  }

  async function approveProject(
    actor: Actor,
    id: string,
    input: { level: ProjectLevel; note: string; on?: string },
  ) {
    const p = await loadForAction(actor, id, 'approve');
    if (p.averageScore === null) throw new AppError('PROGRAM_PROJECT_NOT_SCORED', 409);
    const on = stepDate(chinaDate(clock.now()), input.on, p.appliedAt ? chinaDate(p.appliedAt) : null);
    await db.transaction().execute(async (trx) => {
      await move(trx, p, 'approve', { level: input.level, approvedOn: on, decisionNote: input.note.trim() });
      await event(trx, actor, p, 'approved', { level: input.level, on, comment: input.note.trim() });
    });
    return afterWrite(actor, id);
  }

  async function rejectProject(actor: Actor, id: string, input: { reason: string; on?: string }) {
    const p = await loadForAction(actor, id, 'reject');
    const reason = requireText(input.reason, 'reason');
    const on = stepDate(chinaDate(clock.now()), input.on, p.appliedAt ? chinaDate(p.appliedAt) : null);
    await db.transaction().execute(async (trx) => {
      await move(trx, p, 'reject', { closedOn: on, decisionNote: reason });
      await event(trx, actor, p, 'rejected', { on, comment: reason });
    });
    return afterWrite(actor, id);
  }

  /** 中期检查 (stage midterm) or 验收 (stage acceptance): passed or failed, with an opinion. */
  async function recordStep(actor: Actor, id: string, stage: 'midterm' | 'acceptance', input: StepInput) {
    const action: ProjectAction =
      stage === 'midterm'
        ? input.passed
          ? 'passMidterm'
          : 'failMidterm'
        : input.passed
          ? 'accept'
          : 'failAcceptance';
    const p = await loadForAction(actor, id, action);
    const opinion = requireText(input.opinion, 'opinion');
    const on = stepDate(chinaDate(clock.now()), input.on, stage === 'midterm' ? p.approvedOn : p.midtermOn);
    await checkOwnFiles(db, actor, input.fileIds, (i) => `fileIds.${i}`);
    const to: ProjectState = nextProjectState(p.state, action)!;
    await db.transaction().execute(async (trx) => {
      await move(trx, p, action, {
        ...(stage === 'midterm' ? { midtermOn: on } : {}),
        ...(to === 'accepted' || to === 'failed' ? { closedOn: on } : {}),
      });
      await attach(trx, id, input.fileIds, stage);
      await event(trx, actor, p, `${stage}_${input.passed ? 'passed' : 'failed'}`, { on, comment: opinion });
    });
    return afterWrite(actor, id);
  }

  return {
    listProjects: (actor: Actor, f: ProjectFilter) => listProjects(db, actor, f),
    getProject,
    createProject,
    updateProject,
    submitProject,
    withdrawProject,
    scoreProject,
    approveProject,
    rejectProject,
    recordStep,
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
