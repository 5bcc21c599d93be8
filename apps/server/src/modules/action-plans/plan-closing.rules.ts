import type {
  FinalVerdict,
  IndicatorStatus,
  PlanPhase,
  ProgressStatus,
  TaskOutcome,
} from '@zhijiao/contracts';
import { AppError } from '../../platform/errors/app-error.ts';

/*
 * Closing a plan (收官) by its final evaluation (终期评估): pure rules, no I/O.
 */

/**
 * Where a plan stands on `today`: closed once its final evaluation is closed, ended once `today`
 * is after its end date, running before.
 */
export function planPhase(endDate: string, today: string, evaluationState: string | null): PlanPhase {
  if (evaluationState === 'closed') return 'closed';
  return today > endDate ? 'ended' : 'running';
}

/**
 * The final verdict of an indicator from the status `evaluateIndicators` gives on its deadline:
 * met → 已达成; no value at all → 无数据; anything else (on track, at risk, off track) → 未达成,
 * since on the deadline there is no time left to catch up.
 */
export function verdictOf(status: IndicatorStatus): FinalVerdict {
  if (status === 'met') return 'met';
  return status === 'no_data' ? 'no_data' : 'not_met';
}

/**
 * A task's outcome proposed to the coordinator from its latest approved progress: 已完成 →
 * completed; 正常推进 or 存在风险 → partly; 滞后 or never reported → not completed.
 */
export function proposedOutcome(progress: ProgressStatus | null): TaskOutcome {
  if (progress === 'completed') return 'completed';
  return progress === 'on_track' || progress === 'at_risk' ? 'partly' : 'not_completed';
}

/**
 * The plan's coordinating unit (统筹单位), to which plan-level alerts go: the unit that leads the
 * most tasks (区教育局 in the Shangdang plan), ties to the one leading the earliest task; the
 * district itself when no task names a lead. The plan file names no coordinator of its own.
 *
 * @example coordinatingUnitId([{ unitId: 'edu', taskNumber: 1 }, { unitId: 'fin', taskNumber: 20 },
 *   { unitId: 'edu', taskNumber: 2 }], 'district') // 'edu'
 */
export function coordinatingUnitId(
  leads: ReadonlyArray<{ unitId: string; taskNumber: number }>,
  districtId: string,
): string {
  const tally = new Map<string, { n: number; first: number }>();
  for (const l of leads) {
    const t = tally.get(l.unitId) ?? { n: 0, first: l.taskNumber };
    tally.set(l.unitId, { n: t.n + 1, first: Math.min(t.first, l.taskNumber) });
  }
  const best = [...tally].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0];
  return best?.[0] ?? districtId;
}

/** Refuses to evaluate or close a plan before its end date, or once it is closed (409, bilingual). */
export function assertClosable(plan: { endDate: string }, today: string, evaluationState: string | null) {
  if (evaluationState === 'closed')
    throw new AppError('PLAN_CLOSED', 409, [
      {
        field: 'plan',
        code: 'PLAN_CLOSED',
        message: '计划已收官，终期评估不能再修改',
        messageEn: 'The plan is closed; its final evaluation can no longer change',
      },
    ]);
  if (today <= plan.endDate)
    throw new AppError('PLAN_NOT_ENDED', 409, [
      {
        field: 'plan.endDate',
        code: 'PLAN_NOT_ENDED',
        message: `计划 ${plan.endDate} 到期，到期后方可开展终期评估`,
        messageEn: `The plan ends on ${plan.endDate}; it can be evaluated only after that`,
      },
    ]);
}

/**
 * The tasks a closing evaluation leaves without an outcome, as field errors (`tasks.<label>`);
 * empty when every task of the plan has one.
 */
export function missingOutcomes(
  tasks: ReadonlyArray<{ id: string; label: string }>,
  outcomes: ReadonlyArray<{ taskId: string }>,
) {
  const done = new Set(outcomes.map((o) => o.taskId));
  return tasks
    .filter((t) => !done.has(t.id))
    .map((t) => ({
      field: `tasks.${t.label}`,
      code: 'OUTCOME_REQUIRED',
      message: `任务${t.label}尚未选定完成情况`,
      messageEn: `Task ${t.label} has no outcome yet`,
    }));
}

/** Tasks named in a draft that are not the plan's (field errors naming their index). */
export function foreignTasks(planTaskIds: ReadonlySet<string>, input: ReadonlyArray<{ taskId: string }>) {
  return input.flatMap((o, i) =>
    planTaskIds.has(o.taskId)
      ? []
      : [
          {
            field: `tasks.${i}.taskId`,
            code: 'TASK_NOT_IN_PLAN',
            message: '该任务不属于此计划',
            messageEn: 'The task is not part of this plan',
          },
        ],
  );
}
