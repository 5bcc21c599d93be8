import type { ProgressStatus } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import * as repo from './action-plans.repository.ts';
import {
  canEditReport,
  canReportOnTask,
  canReviewReport,
  canSeeReport,
  mayEditReport,
  mayReviewReport,
  scopeUnitIds,
} from './action-plans.policy.ts';
import { findReportRow, reportParts, reportSummary } from './progress.queries.ts';

export interface ReportContent {
  progress: ProgressStatus;
  narrative: string;
  values: Array<{ indicatorId: string; value: number; note?: string }>;
  fileIds: string[];
  completedMilestones: string[];
  submit: boolean;
}

/**
 * Progress reports: a responsible unit writes one per task and period (draft → submitted), the
 * coordinator approves it or returns it with a comment; approval records the reported indicator
 * values and completed milestones, which is what moves the dashboard. Every step is audited and
 * kept in the report's history.
 */
export function createProgressService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;

  async function loadTaskFor(actor: Actor, taskId: string) {
    const task = await repo.findTaskById(db, taskId);
    if (!task) throw notFound();
    const units = await repo.listInvolvedUnitIds(db, taskId);
    const scope = scopeUnitIds(actor);
    if (scope && !units.some((u) => scope.includes(u.id))) throw notFound();
    if (!canReportOnTask(actor, units)) throw new AppError('PROGRESS_NOT_RESPONSIBLE', 403);
    return task;
  }

  /** Checks values, milestones and files against the task and the actor's unit. */
  async function validateContent(trx: Executor, actor: Actor, taskId: string, c: ReportContent) {
    const indicators = await repo.listIndicators(trx, { taskId });
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const problems: Array<{ field: string; code: string; message: string; messageEn: string }> = [];
    const seen = new Set<string>();
    c.values.forEach((v, i) => {
      const ind = byId.get(v.indicatorId);
      if (!ind) {
        problems.push({
          field: `values.${i}.indicatorId`,
          code: 'PROGRESS_INDICATOR_NOT_IN_TASK',
          message: '指标不属于该任务',
          messageEn: 'The indicator does not belong to this task',
        });
      } else if (ind.kind === 'computed') {
        problems.push({
          field: `values.${i}.indicatorId`,
          code: 'PROGRESS_INDICATOR_COMPUTED',
          message: `指标 ${ind.code} 由系统自动计算，不能填报`,
          messageEn: `Indicator ${ind.code} is computed and cannot be reported`,
        });
      } else if (seen.has(v.indicatorId)) {
        problems.push({
          field: `values.${i}.indicatorId`,
          code: 'DUPLICATE',
          message: `指标 ${ind.code} 重复填报`,
          messageEn: `Indicator ${ind.code} is reported twice`,
        });
      }
      seen.add(v.indicatorId);
    });
    const milestones = new Set((await repo.listMilestones(trx, { taskId })).map((m) => m.id));
    c.completedMilestones.forEach((id, i) => {
      if (!milestones.has(id))
        problems.push({
          field: `completedMilestones.${i}`,
          code: 'MILESTONE_NOT_IN_TASK',
          message: '里程碑不属于该任务',
          messageEn: 'The milestone does not belong to this task',
        });
    });
    if (c.fileIds.length > 0) {
      const files = await trx
        .selectFrom('storedFile')
        .select(['id', 'orgUnitId'])
        .where('id', 'in', c.fileIds)
        .execute();
      const own = new Set(files.filter((f) => f.orgUnitId === actor.orgUnitId).map((f) => f.id));
      c.fileIds.forEach((id, i) => {
        if (!own.has(id))
          problems.push({
            field: `fileIds.${i}`,
            code: 'FILE_UNKNOWN',
            message: '附件不存在或不属于本单位',
            messageEn: 'Unknown file, or not uploaded by your unit',
          });
      });
    }
    if (c.narrative.trim().length === 0) {
      problems.push({
        field: 'narrative',
        code: 'REQUIRED',
        message: '请填写工作进展情况',
        messageEn: 'The narrative is required',
      });
    }
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  }

  async function writeParts(trx: Executor, reportId: string, c: ReportContent) {
    await trx.deleteFrom('progressReportValue').where('reportId', '=', reportId).execute();
    await trx.deleteFrom('progressReportFile').where('reportId', '=', reportId).execute();
    if (c.values.length > 0) {
      await trx
        .insertInto('progressReportValue')
        .values(
          c.values.map((v) => ({ reportId, indicatorId: v.indicatorId, value: v.value, note: v.note ?? '' })),
        )
        .execute();
    }
    if (c.fileIds.length > 0) {
      await trx
        .insertInto('progressReportFile')
        .values([...new Set(c.fileIds)].map((fileId) => ({ reportId, fileId })))
        .execute();
    }
  }

  async function event(
    trx: Executor,
    actor: Actor,
    reportId: string,
    action: 'created' | 'updated' | 'submitted' | 'returned' | 'approved',
    comment: string | null = null,
  ) {
    await trx
      .insertInto('progressReportEvent')
      .values({ reportId, at: clock.now(), actorId: actor.userId, action, comment })
      .execute();
    await audit.record(trx, auditActorOf(actor), {
      action: `progress.${action}`,
      objectType: 'progress_report',
      objectId: reportId,
      details: comment ? { comment } : {},
    });
  }

  async function createReport(actor: Actor, input: ReportContent & { taskId: string; periodId: string }) {
    const task = await loadTaskFor(actor, input.taskId);
    const period = (await repo.listPeriods(db, task.planId)).find((p) => p.id === input.periodId);
    if (!period)
      throw fieldError(
        'periodId',
        'PERIOD_UNKNOWN',
        '填报周期不属于该计划',
        'The period does not belong to this plan',
      );
    if (period.startsOn > chinaDate(clock.now()))
      throw new AppError('PROGRESS_PERIOD_NOT_OPEN', 400, [
        {
          field: 'periodId',
          code: 'PROGRESS_PERIOD_NOT_OPEN',
          message: `${period.label}尚未开始`,
          messageEn: `${period.label} has not started`,
        },
      ]);
    const id = await db.transaction().execute(async (trx) => {
      await validateContent(trx, actor, task.id, input);
      const existing = await trx
        .selectFrom('progressReport')
        .select('id')
        .where('taskId', '=', task.id)
        .where('periodId', '=', period.id)
        .where('orgUnitId', '=', actor.orgUnitId)
        .executeTakeFirst();
      if (existing) {
        throw new AppError('CONFLICT', 409, [
          {
            field: 'periodId',
            code: 'REPORT_EXISTS',
            message: `本单位${period.label}的报告已存在，请在原报告上修改`,
            messageEn: `Your unit already has a report for ${period.label}; edit it instead`,
            reportId: existing.id,
          },
        ]);
      }
      const now = clock.now();
      const row = await trx
        .insertInto('progressReport')
        .values({
          planId: task.planId,
          taskId: task.id,
          periodId: period.id,
          orgUnitId: actor.orgUnitId,
          state: input.submit ? 'submitted' : 'draft',
          progress: input.progress,
          narrative: input.narrative.trim(),
          completedMilestones: input.completedMilestones,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          submittedAt: input.submit ? now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeParts(trx, row.id, input);
      await event(trx, actor, row.id, 'created');
      if (input.submit) await event(trx, actor, row.id, 'submitted');
      return row.id;
    });
    return afterWrite(actor, id);
  }

  async function loadReportFor(actor: Actor, id: string) {
    const row = await findReportRow(db, id);
    if (!row || !canSeeReport(actor, row)) throw notFound();
    return row;
  }

  async function updateReport(actor: Actor, id: string, input: ReportContent) {
    const row = await loadReportFor(actor, id);
    if (!canEditReport(actor, row)) throw refusal(mayEditReport(actor, row));
    await db.transaction().execute(async (trx) => {
      await validateContent(trx, actor, row.taskId, input);
      const now = clock.now();
      const updated = await trx
        .updateTable('progressReport')
        .set({
          progress: input.progress,
          narrative: input.narrative.trim(),
          completedMilestones: input.completedMilestones,
          updatedAt: now,
          ...(input.submit ? { state: 'submitted' as const, submittedAt: now } : {}),
        })
        .where('id', '=', id)
        .where('state', 'in', ['draft', 'returned'])
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('PROGRESS_INVALID_TRANSITION', 409);
      await writeParts(trx, id, input);
      await event(trx, actor, id, 'updated');
      if (input.submit) await event(trx, actor, id, 'submitted');
    });
    return afterWrite(actor, id);
  }

  async function submitReport(actor: Actor, id: string) {
    const row = await loadReportFor(actor, id);
    if (!canEditReport(actor, row)) throw refusal(mayEditReport(actor, row));
    await transition(actor, id, ['draft', 'returned'], 'submitted', { submittedAt: clock.now() });
    return afterWrite(actor, id);
  }

  async function approveReport(actor: Actor, id: string) {
    const row = await loadReportFor(actor, id);
    if (!canReviewReport(actor, row)) throw refusal(mayReviewReport(actor, row));
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await transition(
        actor,
        id,
        ['submitted'],
        'approved',
        { reviewedAt: now, reviewedBy: actor.userId, reviewComment: null },
        trx,
      );
      const values = await trx
        .selectFrom('progressReportValue')
        .select(['indicatorId', 'value'])
        .where('reportId', '=', id)
        .execute();
      for (const v of values) {
        await trx
          .insertInto('indicatorValue')
          .values({
            indicatorId: v.indicatorId,
            periodId: row.periodId,
            value: v.value,
            reportId: id,
            recordedAt: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['indicatorId', 'periodId'])
              .doUpdateSet({ value: v.value, reportId: id, recordedAt: now }),
          )
          .execute();
      }
      if (row.completedMilestones.length > 0) {
        await trx
          .updateTable('milestone')
          .set({ completedOn: chinaDate(now) })
          .where('id', 'in', row.completedMilestones)
          .where('completedOn', 'is', null)
          .execute();
      }
    });
    return afterWrite(actor, id);
  }

  async function returnReport(actor: Actor, id: string, comment: string) {
    const row = await loadReportFor(actor, id);
    if (!comment.trim())
      throw new AppError('PROGRESS_RETURN_COMMENT_REQUIRED', 400, [
        {
          field: 'comment',
          code: 'REQUIRED',
          message: '退回时须填写意见',
          messageEn: 'A comment is required when returning a report',
        },
      ]);
    if (!canReviewReport(actor, row)) throw refusal(mayReviewReport(actor, row));
    await transition(
      actor,
      id,
      ['submitted'],
      'returned',
      { reviewedAt: clock.now(), reviewedBy: actor.userId, reviewComment: comment.trim() },
      undefined,
      comment.trim(),
    );
    return afterWrite(actor, id);
  }

  async function transition(
    actor: Actor,
    id: string,
    from: Array<'draft' | 'submitted' | 'returned'>,
    to: 'submitted' | 'returned' | 'approved',
    set: Record<string, unknown>,
    trx?: Executor,
    comment: string | null = null,
  ) {
    const run = async (t: Executor) => {
      const updated = await t
        .updateTable('progressReport')
        .set({ ...set, state: to, updatedAt: clock.now() })
        .where('id', '=', id)
        .where('state', 'in', from)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('PROGRESS_INVALID_TRANSITION', 409);
      await event(t, actor, id, to, comment);
    };
    if (trx) await run(trx);
    else await db.transaction().execute(run);
  }

  /** After a committed change: drop cached dashboards, answer with the report as it is now. */
  function afterWrite(actor: Actor, id: string) {
    deps.onWrite?.();
    return getReport(actor, id);
  }

  async function getReport(actor: Actor, id: string) {
    const row = await loadReportFor(actor, id);
    const parts = await reportParts(db, id);
    return {
      ...reportSummary(actor, row),
      narrative: row.narrative,
      completedMilestones: row.completedMilestones,
      ...parts,
    };
  }

  return { createReport, updateReport, submitReport, approveReport, returnReport, getReport };
}

/** Allowed to act on the report, just not in its state → 409; not allowed at all → 403. */
function refusal(mayAct: boolean): AppError {
  return mayAct ? new AppError('PROGRESS_INVALID_TRANSITION', 409) : new AppError('FORBIDDEN', 403);
}

export type ProgressService = ReturnType<typeof createProgressService>;
