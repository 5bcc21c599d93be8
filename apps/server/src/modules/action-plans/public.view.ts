import type * as repo from './action-plans.repository.ts';
import type { FinalVerdict, PlanPhase } from '@zhijiao/contracts';
import type { IndicatorView, PlanRow } from './plan-state.ts';

interface PlanParts {
  sections: Awaited<ReturnType<typeof repo.listSections>>;
  tasks: Awaited<ReturnType<typeof repo.listTasks>>;
  units: Awaited<ReturnType<typeof repo.listTaskUnits>>;
  indicators: Array<IndicatorView & { verdict: FinalVerdict | null }>;
  lifecycle: { phase: PlanPhase; closedOn: string | null };
}

/** A published plan as open data: structure, responsible units by code and name, public indicators. */
export function publicPlanView(plan: PlanRow, parts: PlanParts) {
  return {
    code: plan.code,
    version: plan.version,
    title: plan.title,
    titleEn: plan.titleEn,
    district: { code: plan.districtCode, name: plan.districtName },
    stage: plan.stage,
    startDate: plan.startDate,
    endDate: plan.endDate,
    phase: parts.lifecycle.phase,
    closedOn: parts.lifecycle.closedOn,
    sections: parts.sections.map((s) => ({
      number: s.number,
      label: s.label,
      title: s.title,
      titleEn: s.titleEn,
      tasks: parts.tasks.filter((t) => t.sectionId === s.id).map((t) => publicTask(t, parts.units)),
    })),
    indicators: parts.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      comparator: i.comparator,
      target: i.target,
      targetLow: i.targetLow,
      targetHigh: i.targetHigh,
      deadline: i.deadline,
      recurrence: i.recurrence,
      latestValue: i.latestValue,
      numerator: i.numerator,
      denominator: i.denominator,
      latestPeriod: i.latestPeriod,
      status: i.status,
      periods: i.periods,
      verdict: i.verdict,
      taskLabel: i.taskLabel,
    })),
  };
}

export type PublicPlanView = ReturnType<typeof publicPlanView>;

function publicTask(t: PlanParts['tasks'][number], allUnits: PlanParts['units']) {
  const own = allUnits.filter((u) => u.taskId === t.id);
  const lead = own.find((u) => u.role === 'lead');
  return {
    number: t.number,
    label: t.label,
    title: t.title,
    titleEn: t.titleEn,
    lead: lead ? { code: lead.code, name: lead.name } : null,
    cooperating: own.filter((u) => u.role === 'cooperating').map((u) => ({ code: u.code, name: u.name })),
  };
}
