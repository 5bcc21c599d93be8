import type { PlanPhase } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import * as repo from './action-plans.repository.ts';
import * as closing from './plan-closing.repository.ts';
import { proposedOutcome } from './plan-closing.rules.ts';
import type { EvaluationView } from './plan-closing.schema.ts';
import { verdictsAtDeadlines, type DeadlineVerdict } from './plan-lifecycle.ts';
import type { PlanRow } from './plan-state.ts';

type EvaluationRow = NonNullable<Awaited<ReturnType<typeof closing.findEvaluationByPlanCode>>>;

/** What an evaluation is made of: the plan's tasks and indicators, outcomes, verdicts, progress. */
export interface EvaluationParts {
  tasks: Awaited<ReturnType<typeof repo.listTasks>>;
  leads: Map<string, string>;
  progress: Awaited<ReturnType<typeof repo.latestApprovedProgress>>;
  outcomes: Awaited<ReturnType<typeof closing.listEvaluationTasks>>;
  indicators: Awaited<ReturnType<typeof repo.listIndicators>>;
  verdicts: DeadlineVerdict[];
}

/**
 * Reads an evaluation's parts: the whole plan whoever reads it (the evaluation is the plan's, not
 * a unit's); verdicts frozen at closing when closed, else computed at each deadline now.
 */
export async function loadEvaluationParts(
  deps: Pick<ModuleDeps, 'db' | 'metrics'>,
  plan: PlanRow,
  evaluation: EvaluationRow | null,
  today: string,
): Promise<EvaluationParts> {
  const db: Executor = deps.db;
  const [tasks, indicators, periods, progress, outcomes] = await Promise.all([
    repo.listTasks(db, plan.id, null),
    repo.listIndicators(db, { planId: plan.id }),
    repo.listPeriods(db, plan.id),
    repo.latestApprovedProgress(db, plan.id, today),
    evaluation ? closing.listEvaluationTasks(db, evaluation.id) : Promise.resolve([]),
  ]);
  const units = await repo.listTaskUnits(
    db,
    tasks.map((t) => t.id),
  );
  const leads = new Map(units.filter((u) => u.role === 'lead').map((u) => [u.taskId, u.name]));
  const verdicts =
    evaluation?.state === 'closed'
      ? await closing.listEvaluationIndicators(db, evaluation.id)
      : await verdictsAtDeadlines(db, deps.metrics, plan, indicators, periods);
  return { tasks, leads, progress, outcomes, indicators, verdicts };
}

/** The evaluation page's view of a plan's final evaluation (see `EvaluationSchema`). */
export function evaluationView(
  plan: PlanRow,
  evaluation: EvaluationRow | null,
  parts: EvaluationParts,
  abilities: { phase: PlanPhase; save: boolean; close: boolean },
): EvaluationView {
  const outcomeOf = new Map(parts.outcomes.map((o) => [o.taskId, o]));
  const verdictOf = new Map(parts.verdicts.map((v) => [v.indicatorId, v]));
  return {
    plan: {
      code: plan.code,
      title: plan.title,
      titleEn: plan.titleEn,
      startDate: plan.startDate,
      endDate: plan.endDate,
      district: { code: plan.districtCode, name: plan.districtName },
    },
    phase: abilities.phase,
    state: evaluation?.state ?? null,
    narrative: evaluation?.narrative ?? '',
    closedOn: evaluation?.closedOn ?? null,
    updatedAt: evaluation ? evaluation.updatedAt.toISOString() : null,
    tasks: parts.tasks.map((t) => {
      const p = parts.progress.get(t.id);
      const progress = (p?.progress ?? null) as EvaluationView['tasks'][number]['progress'];
      return {
        id: t.id,
        label: t.label,
        title: t.title,
        titleEn: t.titleEn,
        lead: parts.leads.get(t.id) ?? null,
        progress,
        lastReportedPeriod: p?.periodLabel ?? null,
        proposedOutcome: proposedOutcome(progress),
        outcome: outcomeOf.get(t.id)?.outcome ?? null,
        remark: outcomeOf.get(t.id)?.remark ?? '',
      };
    }),
    indicators: parts.indicators.flatMap((i) => {
      const v = verdictOf.get(i.id);
      if (!v) return [];
      return [
        {
          id: i.id,
          code: i.code,
          name: i.name,
          nameEn: i.nameEn,
          unit: i.unit,
          taskLabel: i.taskLabel,
          comparator: i.comparator,
          target: i.target,
          targetLow: i.targetLow,
          targetHigh: i.targetHigh,
          deadline: i.deadline,
          isPublic: i.isPublic,
          value: v.value,
          valuePeriod: v.valuePeriod,
          status: v.status,
          verdict: v.verdict,
        },
      ];
    }),
    abilities: { save: abilities.save, close: abilities.close },
  };
}
