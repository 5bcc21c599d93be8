import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import {
  averageScore,
  nextProjectState,
  projectLifecycle,
  requiredSubject,
  requireText,
  stepDate,
  type ProjectAction,
} from './project-lifecycle.ts';
import { checkSchoolRefs, resolveSchool } from './programs.checks.ts';
import { publishProjectDecision, type DecisionDetails } from './projects.notices.ts';
import { canSeeSchoolRecord } from './programs.policy.ts';
import {
  attachProjectFiles,
  deleteProjectFiles,
  findProject,
  insertProject,
  listProjectFiles,
  listProjectIdsWithFile,
  listProjectScores,
  listProjectsInScope,
  upsertProjectScore,
  type ProjectRow,
} from './projects.repository.ts';
import type {
  ApproveBody,
  CreateProjectBody,
  ProjectBody,
  ProjectQuery,
  RejectBody,
  ScoreBody,
  StepBody,
} from './projects.schema.ts';
import { describeProject, describeProjects } from './projects.view.ts';

/*
 * Recognised projects through one lifecycle (project-lifecycle.ts): the school applies with
 * materials; the district's reviewers score; the district approves with a level or rejects, then
 * records the mid-term check and the acceptance. Every step is checked against the lifecycle,
 * kept in the project's history and audited in the same transaction.
 */

/** Projects of the schools the actor sees, newest first. */
export async function listProjects(deps: ModuleDeps, actor: Actor, filter: Static<typeof ProjectQuery>) {
  return describeProjects(deps.db, actor, await listProjectsInScope(deps.db, actor, filter));
}

/** One project with files, reviews and history. */
export async function getProject(deps: ModuleDeps, actor: Actor, id: string) {
  return describeProject(deps.db, actor, await loadFor(deps, actor, id));
}

/** Writes an application: a draft, or applied at once (`submit`). */
export async function createProject(deps: ModuleDeps, actor: Actor, input: Static<typeof CreateProjectBody>) {
  const { schoolId, districtId } = await resolveSchool(deps.db, actor, input.schoolId);
  await checkSubject(deps.db, schoolId, input);
  await checkEvidenceFiles(deps.db, actor, input.fileIds);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const row = await insertProject(trx, {
      schoolId,
      districtId,
      ...columns(input),
      state: input.submit ? 'applied' : 'draft',
      appliedAt: input.submit ? now : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await attachProjectFiles(trx, row.id, input.fileIds, 'application');
    await writeHistory(deps, trx, 'create', actor, row, { title: row.title });
    if (input.submit) await writeHistory(deps, trx, 'submit', actor, row);
    return row.id;
  });
  return getProject(deps, actor, id);
}

/** Edits a draft application and replaces its materials. */
export async function updateProject(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ProjectBody>,
) {
  const p = await loadForAction(deps, actor, id, 'edit');
  await checkSubject(deps.db, p.schoolId, input);
  const attached = (await listProjectFiles(deps.db, id)).map((f) => f.fileId);
  await checkEvidenceFiles(deps.db, actor, input.fileIds, { attached });
  await deps.transaction(async (trx) => {
    await takeStep(deps, trx, 'edit', actor, p, { set: columns(input) });
    await deleteProjectFiles(trx, id);
    await attachProjectFiles(trx, id, input.fileIds, 'application');
  });
  return getProject(deps, actor, id);
}

/** Applies (申报). */
export async function submitProject(deps: ModuleDeps, actor: Actor, id: string) {
  const p = await loadForAction(deps, actor, id, 'submit');
  await deps.transaction((trx) =>
    takeStep(deps, trx, 'submit', actor, p, { set: { appliedAt: deps.clock.now() } }),
  );
  return getProject(deps, actor, id);
}

/** Withdraws a draft or an undecided application. */
export async function withdrawProject(deps: ModuleDeps, actor: Actor, id: string) {
  const p = await loadForAction(deps, actor, id, 'withdraw');
  await deps.transaction((trx) => takeStep(deps, trx, 'withdraw', actor, p));
  return getProject(deps, actor, id);
}

/** Records (or revises) the actor's score and opinion; the project's average follows. */
export async function scoreProject(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ScoreBody>,
) {
  const p = await loadForAction(deps, actor, id, 'score');
  const opinion = requireText(input.opinion, 'opinion');
  const score = Math.round(input.score * 10) / 10;
  await deps.transaction(async (trx) => {
    const scoredAt = deps.clock.now();
    await upsertProjectScore(trx, { projectId: id, reviewerId: actor.userId, score, opinion, scoredAt });
    const scores = (await listProjectScores(trx, id)).map((s) => Number(s.score));
    await takeStep(deps, trx, 'score', actor, p, {
      set: { averageScore: averageScore(scores) },
      details: { score },
    });
  });
  return getProject(deps, actor, id);
}

/** Approves (立项) a scored project at a level. */
export async function approveProject(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ApproveBody>,
) {
  const p = await loadForAction(deps, actor, id, 'approve');
  if (p.averageScore === null) throw new AppError('PROGRAM_PROJECT_NOT_SCORED', 409);
  const on = stepDate(today(deps), input.on, p.appliedAt ? chinaDate(p.appliedAt) : null);
  const note = input.note.trim();
  await deps.transaction((trx) =>
    takeStep(deps, trx, 'approve', actor, p, {
      set: { level: input.level, approvedOn: on, decisionNote: note },
      details: { level: input.level, on, comment: note },
    }),
  );
  return getProject(deps, actor, id);
}

/** Does not approve (不予立项), with the reason. */
export async function rejectProject(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof RejectBody>,
) {
  const p = await loadForAction(deps, actor, id, 'reject');
  const reason = requireText(input.reason, 'reason');
  const on = stepDate(today(deps), input.on, p.appliedAt ? chinaDate(p.appliedAt) : null);
  await deps.transaction((trx) =>
    takeStep(deps, trx, 'reject', actor, p, {
      set: { closedOn: on, decisionNote: reason },
      details: { on, comment: reason },
    }),
  );
  return getProject(deps, actor, id);
}

/** 中期检查 (stage midterm) or 验收 (stage acceptance): passed or failed, with an opinion. */
export async function recordStep(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  stage: 'midterm' | 'acceptance',
  input: Static<typeof StepBody>,
) {
  const action = checkAction(stage, input.passed);
  const p = await loadForAction(deps, actor, id, action);
  const opinion = requireText(input.opinion, 'opinion');
  const on = stepDate(today(deps), input.on, stage === 'midterm' ? p.approvedOn : p.midtermOn);
  await checkEvidenceFiles(deps.db, actor, input.fileIds);
  const to = nextProjectState(p.state, action);
  const set = {
    ...(stage === 'midterm' ? { midtermOn: on } : {}),
    ...(to === 'accepted' || to === 'failed' ? { closedOn: on } : {}),
  };
  await deps.transaction(async (trx) => {
    await takeStep(deps, trx, action, actor, p, { set, details: { on, comment: opinion } });
    await attachProjectFiles(trx, id, input.fileIds, stage);
  });
  return getProject(deps, actor, id);
}

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/**
 * A project with the file `fileId` among its documents that the actor may read (as `getProject`
 * would let them), or null: the file route serves project documents through it.
 */
export async function readableProjectWithFile(deps: ModuleDeps, actor: Actor, fileId: string) {
  const ids = await listProjectIdsWithFile(deps.db, fileId);
  return firstReadable(ids, (id) => loadFor(deps, actor, id));
}

async function loadFor(deps: ModuleDeps, actor: Actor, id: string) {
  const p = await findProject(deps.db, id);
  if (!p || !canSeeSchoolRecord(actor, p.schoolId)) throw notFound();
  return p;
}

/** Loads a project for `action`: 404 hidden, 403 not the actor's to act on, 409 wrong state. */
async function loadForAction(deps: ModuleDeps, actor: Actor, id: string, action: ProjectAction) {
  const p = await loadFor(deps, actor, id);
  projectLifecycle.assert(action, actor, p);
  return p;
}

type StepDetails = Record<string, unknown> & DecisionDetails;

/** Takes a step of the lifecycle (the guarded move writing `set`, its history and audit rows). */
async function takeStep(
  deps: ModuleDeps,
  trx: Executor,
  action: ProjectAction,
  actor: Actor,
  p: ProjectRow,
  write: { set?: Record<string, unknown>; details?: StepDetails } = {},
) {
  await projectLifecycle.apply(deps, trx, action, actor, p, {
    set: write.set,
    ...stepWrite(p, write.details),
  });
  await publishProjectDecision(deps.notifications, trx, p, action, write.details);
}

/** Records a step for a project just written (its history and audit rows). */
function writeHistory(
  deps: ModuleDeps,
  trx: Executor,
  action: ProjectAction,
  actor: Actor,
  p: ProjectRow,
  details: StepDetails = {},
) {
  return projectLifecycle.record(deps, trx, action, actor, p.id, stepWrite(p, details));
}

/** The history comment (a reason, an opinion) and the audit details, which name the kind. */
function stepWrite(p: ProjectRow, details: StepDetails = {}) {
  return { comment: details.comment ?? null, details: { kind: p.kind, ...details } };
}

function checkAction(stage: 'midterm' | 'acceptance', passed: boolean): ProjectAction {
  if (stage === 'midterm') return passed ? 'passMidterm' : 'failMidterm';
  return passed ? 'accept' : 'failAcceptance';
}

async function checkSubject(db: Executor, schoolId: string, input: Static<typeof ProjectBody>) {
  await checkSchoolRefs(db, schoolId, { majorId: input.majorId, courseId: input.courseId });
  const need = requiredSubject(input.kind);
  const missing =
    (need === 'major' && !input.majorId) ||
    (need === 'course' && !input.courseId) ||
    (need === 'teacher' && !input.teacherName.trim());
  if (!need || !missing) return;
  throw new AppError('PROGRAM_PROJECT_SUBJECT_REQUIRED', 400, [
    {
      field: need === 'teacher' ? 'teacherName' : `${need}Id`,
      code: 'PROGRAM_PROJECT_SUBJECT_REQUIRED',
      message: { major: '品牌专业须选择专业', course: '精品课程须选择课程', teacher: '须填写教师姓名' }[need],
      messageEn: `This kind of project must name its ${need}`,
    },
  ]);
}

function columns(input: Static<typeof ProjectBody>) {
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
