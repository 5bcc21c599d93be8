import type { Kysely } from 'kysely';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import type { ReadCache } from '../../platform/cache/read-cache.ts';
import * as repo from './action-plans.repository.ts';
import { currentPeriod, evaluateIndicators, type PlanRow } from './plan-state.ts';

/**
 * Open data: published plans with their structure and public indicators, for the portal, a city
 * platform or a journalist. Only published, current versions; no person appears anywhere in it.
 */
export function createPublicPlanService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  metrics: MetricRegistry;
  /** Open data is read by anyone, so it is cached like the dashboards. */
  cache: ReadCache<unknown>;
}) {
  const { db, clock, metrics, cache } = deps;

  async function describe(plan: PlanRow) {
    const today = chinaDate(clock.now());
    const [sections, tasks, indicatorRows, periods] = await Promise.all([
      repo.listSections(db, plan.id),
      repo.listTasks(db, plan.id, null),
      repo.listIndicators(db, { planId: plan.id }),
      repo.listPeriods(db, plan.id),
    ]);
    const units = await repo.listTaskUnits(
      db,
      tasks.map((t) => t.id),
    );
    const period = currentPeriod(periods, today);
    const publicRows = indicatorRows.filter((i) => i.isPublic);
    const indicators = period ? await evaluateIndicators(db, metrics, plan, publicRows, period, today) : [];
    return {
      code: plan.code,
      version: plan.version,
      title: plan.title,
      titleEn: plan.titleEn,
      district: { code: plan.districtCode, name: plan.districtName },
      stage: plan.stage,
      startDate: plan.startDate,
      endDate: plan.endDate,
      sections: sections.map((s) => ({
        number: s.number,
        label: s.label,
        title: s.title,
        titleEn: s.titleEn,
        tasks: tasks
          .filter((t) => t.sectionId === s.id)
          .map((t) => {
            const own = units.filter((u) => u.taskId === t.id);
            const lead = own.find((u) => u.role === 'lead');
            return {
              number: t.number,
              label: t.label,
              title: t.title,
              titleEn: t.titleEn,
              lead: lead ? { code: lead.code, name: lead.name } : null,
              cooperating: own
                .filter((u) => u.role === 'cooperating')
                .map((u) => ({ code: u.code, name: u.name })),
            };
          }),
      })),
      indicators: indicators.map((i) => ({
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        unit: i.unit,
        comparator: i.comparator,
        target: i.target,
        targetLow: i.targetLow,
        targetHigh: i.targetHigh,
        deadline: i.deadline,
        latestValue: i.latestValue,
        latestPeriod: i.latestPeriod,
        status: i.status,
        taskLabel: i.taskLabel,
      })),
    };
  }

  const today = () => chinaDate(clock.now());

  async function listPublishedPlans() {
    return cache.get(`list|${today()}`, async () => {
      const plans = await repo.listCurrentPlans(db, { publishedOnly: true });
      return Promise.all(plans.map(describe));
    }) as Promise<Array<Awaited<ReturnType<typeof describe>>>>;
  }

  async function getPublishedPlan(code: string) {
    const found = (await cache.get(`plan|${code}|${today()}`, async () => {
      const plan = await repo.findCurrentPlanByCode(db, code);
      return plan && plan.status === 'published' ? describe(plan) : null;
    })) as Awaited<ReturnType<typeof describe>> | null;
    if (!found) throw notFound();
    return found;
  }

  return { listPublishedPlans, getPublishedPlan };
}

export type PublicPlanService = ReturnType<typeof createPublicPlanService>;
