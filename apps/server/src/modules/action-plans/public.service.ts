import type { ReadCache } from '../../platform/cache/read-cache.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import * as repo from './action-plans.repository.ts';
import { todayOf } from './plan-reads.ts';
import { findEvaluationByPlanCode, listEvaluationIndicators } from './plan-closing.repository.ts';
import { planPhase } from './plan-closing.rules.ts';
import { verdictsAtDeadlines } from './plan-lifecycle.ts';
import { currentPeriod, evaluateIndicators, type PlanRow } from './plan-state.ts';
import { publicPlanView, type PublicPlanView } from './public.view.ts';

/** The open-data side's dependencies: open data is read by anyone, so it is cached like the dashboards. */
export interface PublicPlanDeps extends ModuleDeps {
  publicCache: ReadCache<unknown>;
}

/*
 * Open data: published plans with their structure and public indicators, for the portal, a city
 * platform or a journalist. Only published, current versions; no person appears anywhere in it.
 */

/** Every published plan (current versions), described in full. */
export async function listPublishedPlans(deps: PublicPlanDeps): Promise<PublicPlanView[]> {
  return deps.publicCache.get(`list|${todayOf(deps)}`, async () => {
    const plans = await repo.listCurrentPlans(deps.db, { publishedOnly: true });
    return Promise.all(plans.map((p) => describePlan(deps, p)));
  }) as Promise<PublicPlanView[]>;
}

/** One published plan by code (404 when unknown or not published). */
export async function getPublishedPlan(deps: PublicPlanDeps, code: string): Promise<PublicPlanView> {
  const found = (await deps.publicCache.get(`plan|${code}|${todayOf(deps)}`, async () => {
    const plan = await repo.findCurrentPlanByCode(deps.db, code);
    return plan && plan.status === 'published' ? describePlan(deps, plan) : null;
  })) as PublicPlanView | null;
  if (!found) throw notFound();
  return found;
}

async function describePlan(deps: ModuleDeps, plan: PlanRow): Promise<PublicPlanView> {
  const today = todayOf(deps);
  const [sections, tasks, indicatorRows, periods] = await Promise.all([
    repo.listSections(deps.db, plan.id),
    repo.listTasks(deps.db, plan.id, null),
    repo.listIndicators(deps.db, { planId: plan.id }),
    repo.listPeriods(deps.db, plan.id),
  ]);
  const units = await repo.listTaskUnits(
    deps.db,
    tasks.map((t) => t.id),
  );
  const period = currentPeriod(periods, today);
  const publicRows = indicatorRows.filter((i) => i.isPublic);
  const indicators = period
    ? await evaluateIndicators(deps.db, deps.metrics, plan, publicRows, period, today)
    : [];
  const evaluation = await findEvaluationByPlanCode(deps.db, plan.code);
  const phase = planPhase(plan.endDate, today, evaluation?.state ?? null);
  const verdicts =
    phase === 'running'
      ? []
      : evaluation?.state === 'closed'
        ? await listEvaluationIndicators(deps.db, evaluation.id)
        : await verdictsAtDeadlines(deps.db, deps.metrics, plan, publicRows, periods);
  const verdictOf = new Map(verdicts.map((v) => [v.indicatorId, v.verdict]));
  return publicPlanView(plan, {
    sections,
    tasks,
    units,
    indicators: indicators.map((i) => ({ ...i, verdict: verdictOf.get(i.id) ?? null })),
    lifecycle: { phase, closedOn: evaluation?.closedOn ?? null },
  });
}
