import { MODULES } from '../modules.ts';
import { chinaDate } from '../platform/clock/clock.ts';
import type { DemoSummary } from '../platform/modules/module-definition.ts';
import type { AnyModule } from '../platform/modules/module-registry.ts';
import type { Runtime } from '../runtime.ts';
import { findCurrentPlanSpan } from '../modules/action-plans/index.ts';
import { loadShangdangPlan, SHANGDANG_PLAN_CODE } from './bootstrap.ts';
import { createDemoAccounts } from './demo-accounts.ts';
import { createDemoContext } from './demo-context.ts';

/**
 * Fills an empty database with the Shangdang district: its org units, the action plan and the demo
 * accounts, then each module's records through its own `demo` (in `MODULES` order, so a demo may
 * read what an earlier one made). Each module keeps a history in the plan's past years (`planYears`:
 * progress reports, meetings, inspections, enrolment seasons, 双师型 recognitions, projects) beside
 * the open work of today (this year's inspections and meetings, a public consultation on a revised
 * draft, the last admission year's season, applications and projects under review). Deterministic
 * for a given date (but for the challenge nonces of the public comments). Returns the accounts with
 * their one-time passwords and a line saying what was loaded, in Chinese and English.
 */
export async function loadDemo(rt: Runtime) {
  const today = chinaDate(rt.clock.now());
  await loadShangdangPlan(rt);
  const planYears = await demoPlanYears(rt, today);
  const accounts = await createDemoAccounts(rt);
  const loaded: DemoSummary[] = [];
  for (const module of MODULES as readonly AnyModule[]) {
    if (!module.demo) continue;
    const summary = await module.demo(createDemoContext(rt, module.key, today, planYears));
    if (summary) loaded.push(summary);
    // The demo wrote through services built for past days: the running app's caches (the plan's
    // dashboards, computed from every module's records) hear of it as of any other write.
    rt.services.events.publish({ type: 'records.changed', module: module.key });
  }
  return { accounts, summary: demoSummaryLine(loaded) };
}

/**
 * The start-up line from the modules' fragments, in Chinese and in English.
 *
 * @example demoSummaryLine([{ zh: '60 名教师', en: '60 teachers' }])
 * // '已载入上党区行动计划与演示数据（60 名教师） / Demo plan loaded with 60 teachers.'
 */
export function demoSummaryLine(loaded: readonly DemoSummary[]): string {
  const zh = loaded.map((s) => s.zh).join('，');
  const en = loaded.map((s) => s.en).join(', ');
  return `已载入上党区行动计划与演示数据（${zh}） / Demo plan loaded with ${en}.`;
}

/**
 * The demo plan's calendar years before `today`'s year, for the modules' histories.
 *
 * @example await demoPlanYears(rt, '2026-12-06') // [2020, 2021, 2022]
 */
export async function demoPlanYears(rt: Pick<Runtime, 'database'>, today: string): Promise<number[]> {
  const plan = await findCurrentPlanSpan(rt.database.db, SHANGDANG_PLAN_CODE);
  if (!plan) return [];
  return planYearsBefore(plan.startDate, plan.endDate, today);
}

/**
 * The calendar years from `startDate`'s to `endDate`'s that end before `today`'s year begins.
 *
 * @example planYearsBefore('2020-01-01', '2022-12-31', '2022-05-20') // [2020, 2021]
 */
export function planYearsBefore(startDate: string, endDate: string, today: string): number[] {
  const last = Math.min(Number(endDate.slice(0, 4)), Number(today.slice(0, 4)) - 1);
  const years: number[] = [];
  for (let y = Number(startDate.slice(0, 4)); y <= last; y++) years.push(y);
  return years;
}
