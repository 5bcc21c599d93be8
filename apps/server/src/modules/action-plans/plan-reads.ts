import type { Actor } from '../../platform/auth/actor.ts';
import type { ReadCache } from '../../platform/cache/read-cache.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { canSeePlan, canSeeTask, scopeUnitIds } from './action-plans.policy.ts';
import * as repo from './action-plans.repository.ts';
import { withLifecycle, type LifecycleState } from './plan-lifecycle.ts';
import { loadPlanState, type PlanRow } from './plan-state.ts';

/** A plan's state as the dashboards read it, cached; null when the period asked for is unknown. */
export type CachedState =
  | (LifecycleState & { sections: Awaited<ReturnType<typeof repo.listSections>>; pendingReviews: number })
  | null;

/** The read side's dependencies: the module's and a cache of plan states. */
export interface PlanViewDeps extends ModuleDeps {
  cache: ReadCache<CachedState>;
}

/** Today in China (`YYYY-MM-DD`), the day dashboards and alerts are computed for. */
export function todayOf(deps: Pick<ModuleDeps, 'clock'>): string {
  return chinaDate(deps.clock.now());
}

/** The current version of a plan the actor may see, else 404. */
export async function findVisiblePlan(deps: ModuleDeps, actor: Actor, code: string): Promise<PlanRow> {
  const plan = await repo.findCurrentPlanByCode(deps.db, code);
  if (!plan || !canSeePlan(actor, plan)) throw notFound();
  return plan;
}

/** Current plans of the actor's district (every plan for installation-wide roles). */
export async function listVisiblePlans(deps: ModuleDeps, actor: Actor): Promise<PlanRow[]> {
  const plans = await repo.listCurrentPlans(deps.db, { publishedOnly: false });
  return plans.filter((p) => canSeePlan(actor, p));
}

/** The units involved in a task the actor sees, else 404 (an unknown task too). */
export async function findVisibleTaskUnits(deps: ModuleDeps, actor: Actor, taskId: string) {
  const units = await repo.listInvolvedUnitIds(deps.db, taskId);
  if (!canSeeTask(actor, units)) throw notFound();
  return units;
}

/**
 * The state of a plan as one actor's scope sees it, cached briefly: dashboards are read far
 * more often than reports are written, and every write of any module drops the cache.
 */
export async function loadCachedState(
  deps: PlanViewDeps,
  actor: Actor,
  code: string,
  periodId?: string,
): Promise<NonNullable<CachedState>> {
  const scope = scopeUnitIds(actor);
  const today = todayOf(deps);
  const key = `${code}|${periodId ?? ''}|${today}|${scope ? [...scope].sort().join(',') : '*'}`;
  const state = await deps.cache.get(key, async () => {
    const plan = await findVisiblePlan(deps, actor, code);
    const loaded = await loadPlanState(deps.db, deps.metrics, plan, { periodId, orgUnitIds: scope, today });
    if (!loaded) return null;
    const [lived, sections, pending] = await Promise.all([
      withLifecycle(deps.db, deps.metrics, loaded, { today, orgUnitIds: scope }),
      repo.listSections(deps.db, plan.id),
      repo.countPendingReviews(deps.db, plan.id),
    ]);
    return { ...lived, sections, pendingReviews: Number(pending.n) };
  });
  if (!state) throw notFound();
  return state;
}
