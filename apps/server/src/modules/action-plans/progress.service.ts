import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { canReportOnTask, canSeeReport, canSeeTask, scopeUnitIds } from './action-plans.policy.ts';
import * as plans from './action-plans.repository.ts';
import { findEvaluationByPlanCode } from './plan-closing.repository.ts';
import type { NewReport, ReportContent, ReportListQuery } from './action-plans.schema.ts';
import { reportReviewedNotice } from './progress.notices.ts';
import * as repo from './progress.repository.ts';
import {
  checkNotRecordCompleted,
  checkReportPeriod,
  contentProblems,
  planClosedForReports,
  reportExists,
  returnCommentRequired,
} from './progress.rules.ts';
import { reportSummary } from './progress.view.ts';
import { reportWorkflow, type ReportSubject } from './progress.workflow.ts';

/*
 * Progress reports: a responsible unit writes one per task and period (draft → submitted), the
 * coordinator approves it or returns it with a comment (`progress.workflow.ts`); approval records
 * the reported indicator values and completed milestones, which is what moves the dashboard.
 * Every step is audited and kept in the report's history. Each use case answers with the report
 * as it is after the change.
 */

/** Reports the actor may see (their units' own, or all for district-wide roles), newest first. */
export async function listReports(deps: ModuleDeps, actor: Actor, filter: Partial<ReportListQuery>) {
  const rows = await repo.listReportRows(deps.db, { ...filter, orgUnitIds: scopeUnitIds(actor) });
  return (await withAuthors(deps.db, rows)).map((r) => reportSummary(actor, r));
}

/** Reports with who created, edited or submitted each (their history), for the review rule. */
async function withAuthors<R extends { id: string }>(db: Executor, rows: R[]) {
  const authors = await reportWorkflow.authorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, authorIds: authors.get(r.id) ?? [] }));
}

/** One report with its values, files and history. */
export async function getReport(deps: ModuleDeps, actor: Actor, id: string) {
  const row = await findVisibleReport(deps.db, actor, id);
  const parts = await repo.findReportParts(deps.db, id);
  return {
    ...reportSummary(actor, row),
    narrative: row.narrative,
    completedMilestones: row.completedMilestones,
    ...parts,
  };
}

/**
 * A report with the file `fileId` among its evidence that the actor may read (as `getReport` would
 * let them), or null: the file route serves evidence through it (`attachments` of the module).
 */
export async function readableReportWithFile(deps: ModuleDeps, actor: Actor, fileId: string) {
  const ids = await repo.listReportIdsWithFile(deps.db, fileId);
  return firstReadable(ids, (id) => findVisibleReport(deps.db, actor, id));
}

/** Writes the unit's report for a task and period, as a draft or (`submit`) handed in at once. */
export async function createReport(deps: ModuleDeps, actor: Actor, input: NewReport) {
  const task = await findReportableTask(deps.db, actor, input.taskId);
  const period = (await plans.listPeriods(deps.db, task.planId)).find((p) => p.id === input.periodId);
  checkReportPeriod(period, chinaDate(deps.clock.now()));
  const id = await deps.transaction(async (trx) => {
    await checkContent(trx, actor, task.id, input, []);
    const key = { taskId: task.id, periodId: period.id, orgUnitId: actor.orgUnitId };
    const existing = await repo.findUnitReport(trx, key);
    if (existing) throw reportExists(period.label, existing.id);
    const reportId = await repo.insertDraftReport(trx, {
      ...key,
      planId: task.planId,
      ...contentColumns(input),
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await repo.replaceReportParts(trx, reportId, input);
    await reportWorkflow.record(deps, trx, 'create', actor, reportId);
    const draft = {
      id: reportId,
      state: 'draft' as const,
      orgUnitId: actor.orgUnitId,
      authorIds: [actor.userId],
    };
    if (input.submit) await submitInside(deps, trx, actor, draft);
    return reportId;
  });
  return getReport(deps, actor, id);
}

/** Edits a draft or returned report (and submits it with `submit`). */
export async function updateReport(deps: ModuleDeps, actor: Actor, id: string, input: ReportContent) {
  const row = await findWritableReport(deps.db, actor, id);
  reportWorkflow.assert('edit', actor, row);
  await deps.transaction(async (trx) => {
    await checkContent(trx, actor, row.taskId, input, await repo.listReportFileIds(trx, id));
    await reportWorkflow.apply(deps, trx, 'edit', actor, row, { set: contentColumns(input) });
    await repo.replaceReportParts(trx, id, input);
    if (input.submit) await submitInside(deps, trx, actor, row);
  });
  return getReport(deps, actor, id);
}

/** Hands a draft or returned report in for review. */
export async function submitReport(deps: ModuleDeps, actor: Actor, id: string) {
  const row = await findWritableReport(deps.db, actor, id);
  await deps.transaction((trx) => submitInside(deps, trx, actor, row));
  return getReport(deps, actor, id);
}

/** Approves (通过) a submitted report: its values count for the indicators, its milestones are done. */
export async function approveReport(deps: ModuleDeps, actor: Actor, id: string) {
  const row = await findWritableReport(deps.db, actor, id);
  await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const set = { reviewedAt: now, reviewedBy: actor.userId, reviewComment: null };
    await reportWorkflow.apply(deps, trx, 'approve', actor, row, { set });
    await repo.recordIndicatorValues(trx, row, now);
    await repo.completeMilestones(trx, row.completedMilestones, chinaDate(now));
    await deps.notifications.publish(trx, reportReviewedNotice(row, { approved: true }));
  });
  return getReport(deps, actor, id);
}

/** Returns (退回) a submitted report to its unit with the reviewer's comment, which is required. */
export async function returnReport(deps: ModuleDeps, actor: Actor, id: string, comment: string) {
  const row = await findWritableReport(deps.db, actor, id);
  const text = comment.trim();
  if (!text) throw returnCommentRequired();
  await deps.transaction(async (trx) => {
    const set = { reviewedAt: deps.clock.now(), reviewedBy: actor.userId, reviewComment: text };
    await reportWorkflow.apply(deps, trx, 'return', actor, row, { set, comment: text });
    await deps.notifications.publish(trx, reportReviewedNotice(row, { approved: false, comment: text }));
  });
  return getReport(deps, actor, id);
}

async function submitInside(deps: ModuleDeps, trx: Executor, actor: Actor, report: ReportSubject) {
  await reportWorkflow.apply(deps, trx, 'submit', actor, report, { set: { submittedAt: deps.clock.now() } });
}

function contentColumns(input: ReportContent) {
  return {
    progress: input.progress,
    narrative: input.narrative.trim(),
    completedMilestones: input.completedMilestones,
  };
}

async function findVisibleReport(db: Executor, actor: Actor, id: string) {
  const row = await repo.findReportRow(db, id);
  if (!row || !canSeeReport(actor, row)) throw notFound();
  return (await withAuthors(db, [row]))[0]!;
}

/**
 * A report the actor sees (else 404) on a plan still open: once the plan is closed (收官) its
 * reports are frozen with the final evaluation, so no edit, submission or review (409).
 */
async function findWritableReport(db: Executor, actor: Actor, id: string) {
  const row = await findVisibleReport(db, actor, id);
  if ((await findEvaluationByPlanCode(db, row.planCode))?.state === 'closed')
    throw planClosedForReports('id');
  return row;
}

/** The task, if the actor sees it (else 404) and its unit reports on it (else 403). */
async function findReportableTask(db: Executor, actor: Actor, taskId: string) {
  const task = await plans.findTaskById(db, taskId);
  if (!task) throw notFound();
  const units = await plans.listInvolvedUnitIds(db, taskId);
  if (!canSeeTask(actor, units)) throw notFound();
  if (!canReportOnTask(actor, units)) throw new AppError('PROGRESS_NOT_RESPONSIBLE', 403);
  // A closed plan (收官) has its final evaluation: nothing more is reported on it.
  if ((await findEvaluationByPlanCode(db, task.planCode))?.state === 'closed')
    throw planClosedForReports('taskId');
  return task;
}

/** Checks values, milestones and files against the task and the actor's unit (400 with fields). */
async function checkContent(
  trx: Executor,
  actor: Actor,
  taskId: string,
  c: ReportContent,
  attachedFileIds: readonly string[],
) {
  const [indicators, milestones, files] = await Promise.all([
    plans.listIndicators(trx, { taskId }),
    plans.listMilestones(trx, { taskId }),
    findStoredFiles(trx, c.fileIds),
  ]);
  const milestoneIds = new Set(milestones.map((m) => m.id));
  const problems = contentProblems(c, { indicators, milestoneIds, files, actor, attachedFileIds });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  checkNotRecordCompleted(c.completedMilestones, milestones);
}
