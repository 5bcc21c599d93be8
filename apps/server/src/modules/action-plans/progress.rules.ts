import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import { evidenceProblems } from '../../platform/files/evidence-check.ts';
import type { StoredFileRef } from '../../platform/files/files.repository.ts';
import type { ReportContent } from './action-plans.schema.ts';

interface Problem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/** What a report's content is checked against: its task's indicators and milestones, the files named. */
export interface ContentContext {
  indicators: ReadonlyArray<{ id: string; code: string; kind: string; unit: string }>;
  milestoneIds: ReadonlySet<string>;
  files: ReadonlyMap<string, StoredFileRef>;
  /** The one writing: evidence must be their own upload, or already attached to the report. */
  actor: { userId: string; orgUnitId: string };
  /** The files the report holds now (a colleague's evidence stays when another edits the report). */
  attachedFileIds: readonly string[];
}

function valueProblems(values: ReportContent['values'], ctx: ContentContext): Problem[] {
  const byId = new Map(ctx.indicators.map((i) => [i.id, i]));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const ind = byId.get(v.indicatorId);
    const field = `values.${i}.indicatorId`;
    if (!ind)
      problems.push({
        field,
        code: 'PROGRESS_INDICATOR_NOT_IN_TASK',
        message: '指标不属于该任务',
        messageEn: 'The indicator does not belong to this task',
      });
    else if (ind.kind === 'computed')
      problems.push({
        field,
        code: 'PROGRESS_INDICATOR_COMPUTED',
        message: `指标 ${ind.code} 由系统自动计算，不能填报`,
        messageEn: `Indicator ${ind.code} is computed and cannot be reported`,
      });
    else if (seen.has(v.indicatorId))
      problems.push({
        field,
        code: 'DUPLICATE',
        message: `指标 ${ind.code} 重复填报`,
        messageEn: `Indicator ${ind.code} is reported twice`,
      });
    else {
      const ratio = ratioProblem(v, ind);
      if (ratio) problems.push({ ...ratio, field: `values.${i}.${ratio.field}` });
    }
    seen.add(v.indicatorId);
  });
  return problems;
}

/**
 * A value reported with what it was computed from must agree with it: numerator ÷ denominator
 * (× 100 for a percentage), to 0.1 % or 0.05 whichever is larger (the value may be rounded).
 *
 * @example ratioProblem({ value: 8200, numerator: 8_203_500, denominator: 1000 }, { code, unit: '元/生·年' }) // null
 */
export function ratioProblem(
  v: { value: number; numerator?: number | null; denominator?: number | null },
  ind: { code: string; unit: string },
): Problem | null {
  const hasN = v.numerator !== undefined && v.numerator !== null;
  const hasD = v.denominator !== undefined && v.denominator !== null;
  if (!hasN && !hasD) return null;
  if (hasN !== hasD) {
    const missing = hasN ? 'denominator' : 'numerator';
    return {
      field: missing,
      code: 'PROGRESS_RATIO_INCOMPLETE',
      message: `指标 ${ind.code} 填写了${hasN ? '分子' : '分母'}，还需填写${hasN ? '分母' : '分子'}`,
      messageEn: `Indicator ${ind.code}: a ${hasN ? 'numerator' : 'denominator'} needs its ${missing} too`,
    };
  }
  const expected = (v.numerator! / v.denominator!) * (ind.unit === '%' ? 100 : 1);
  // A vanishing denominator makes the quotient infinite, and every value "matches" infinity.
  if (Number.isFinite(expected) && Math.abs(v.value - expected) <= Math.max(0.05, Math.abs(expected) * 0.001))
    return null;
  const shown = Math.round(expected * 100) / 100;
  return {
    field: 'value',
    code: 'PROGRESS_RATIO_MISMATCH',
    message: `指标 ${ind.code} 的值 ${v.value} 与分子 ÷ 分母（${shown}）不一致`,
    messageEn: `Indicator ${ind.code}: the value ${v.value} does not match numerator ÷ denominator (${shown})`,
  };
}

/**
 * Field problems of a report's content: values of indicators outside the task, computed or
 * reported twice; milestones outside the task; files that are not the unit's own; no narrative.
 */
export function contentProblems(c: ReportContent, ctx: ContentContext): Problem[] {
  const problems = valueProblems(c.values, ctx);
  c.completedMilestones.forEach((id, i) => {
    if (!ctx.milestoneIds.has(id))
      problems.push({
        field: `completedMilestones.${i}`,
        code: 'MILESTONE_NOT_IN_TASK',
        message: '里程碑不属于该任务',
        messageEn: 'The milestone does not belong to this task',
      });
  });
  problems.push(...evidenceProblems(ctx.files, ctx.actor, c.fileIds, { attached: ctx.attachedFileIds }));
  if (c.narrative.trim().length === 0)
    problems.push({
      field: 'narrative',
      code: 'REQUIRED',
      message: '请填写工作进展情况',
      messageEn: 'The narrative is required',
    });
  return problems;
}

/**
 * Refuses (409) a report ticking milestones that records complete (`completedBy`): those are done
 * when the metric says so, never by hand.
 */
export function checkNotRecordCompleted(
  ticked: readonly string[],
  milestones: ReadonlyArray<{ id: string; code: string; completedBy: string | null }>,
): void {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const problems = ticked.flatMap((id, i) => {
    const m = byId.get(id);
    if (!m?.completedBy) return [];
    return [
      {
        field: `completedMilestones.${i}`,
        code: 'MILESTONE_COMPLETED_BY_RECORDS',
        message: `里程碑 ${m.code} 由系统记录（${m.completedBy}）自动完成，不能在报告中手动勾选`,
        messageEn: `Milestone ${m.code} is completed by records (${m.completedBy}) and cannot be ticked in a report`,
      },
    ];
  });
  if (problems.length > 0) throw new AppError('MILESTONE_COMPLETED_BY_RECORDS', 409, problems);
}

/**
 * Refuses a period a report cannot be written for: one of another plan, or one not started on
 * `today`.
 */
export function checkReportPeriod(
  period: { label: string; startsOn: string } | undefined,
  today: string,
): asserts period {
  if (!period)
    throw fieldError(
      'periodId',
      'PERIOD_UNKNOWN',
      '填报周期不属于该计划',
      'The period does not belong to this plan',
    );
  if (period.startsOn > today)
    throw new AppError('PROGRESS_PERIOD_NOT_OPEN', 400, [
      {
        field: 'periodId',
        code: 'PROGRESS_PERIOD_NOT_OPEN',
        message: `${period.label}尚未开始`,
        messageEn: `${period.label} has not started`,
      },
    ]);
}

/** The unit has a report for the period already: edit that one. */
export function reportExists(periodLabel: string, reportId: string): AppError {
  return new AppError('CONFLICT', 409, [
    {
      field: 'periodId',
      code: 'REPORT_EXISTS',
      message: `本单位${periodLabel}的报告已存在，请在原报告上修改`,
      messageEn: `Your unit already has a report for ${periodLabel}; edit it instead`,
      reportId,
    },
  ]);
}

/** A return without a comment (blank after trimming). */
export function returnCommentRequired(): AppError {
  return new AppError('PROGRESS_RETURN_COMMENT_REQUIRED', 400, [
    {
      field: 'comment',
      code: 'REQUIRED',
      message: '退回时须填写意见',
      messageEn: 'A comment is required when returning a report',
    },
  ]);
}

/** The task's plan is closed (收官): no more reports (409, naming the task). */
export function planClosedForReports(field: 'taskId' | 'id'): AppError {
  return new AppError('PLAN_CLOSED', 409, [
    {
      field,
      code: 'PLAN_CLOSED',
      message: '该任务所属计划已收官（终期评估已完成），不能再填报进展',
      messageEn: 'The plan of this task is closed (final evaluation done); no more progress can be reported',
    },
  ]);
}
