import { randomUUID } from 'node:crypto';
import type { ProgressStatus } from '@zhijiao/contracts';
import type { Insertable } from 'kysely';
import { seededRandom } from '../../platform/demo/seeded-random.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import {
  findCurrentPlanByCode,
  listIndicators,
  listMilestones,
  listPeriods,
  listTasks,
  listTaskUnits,
} from './action-plans.repository.ts';
import type {
  IndicatorValueTable,
  ProgressReportTable,
  ProgressReportValueTable,
} from './action-plans.tables.ts';
import type { ActionPlansModule } from './index.ts';
import { completeMilestones, insertReportHistory } from './progress.repository.ts';

/** The demo district's plan (`plans/shangdang/action-plan.yaml`, imported before the demos run). */
const PLAN = 'shangdang-vet-2020';

/** The module's demo (`demo` of its definition): the plan's history of progress reports. */
export async function actionPlansDemo(ctx: DemoContext<ActionPlansModule>): Promise<DemoSummary> {
  const reports = await loadDemoReports(ctx);
  const acknowledged = await acknowledgeDemoAlerts(ctx);
  return {
    zh: `${reports} 份进展报告、${acknowledged} 条已知悉预警`,
    en: `${reports} progress reports, ${acknowledged} alerts acknowledged`,
  };
}

/**
 * Two bureaus have taken notice (已知悉) of their most urgent plan alert today, one with a note, so
 * the alerts page shows both states and the coordinator sees who has not yet. The schools' alerts
 * are left for their clerks.
 */
async function acknowledgeDemoAlerts(ctx: DemoContext<ActionPlansModule>): Promise<number> {
  const services = ctx.at(ctx.today);
  let acknowledged = 0;
  for (const [username, note] of [
    ['hrss', '已安排专人跟进，下周报送进展。'],
    ['finance', null],
  ] as const) {
    const actor = await ctx.actor(username);
    const [first] = await services.view.alerts(actor, 'zh');
    if (!first) continue;
    const done = await services.view.acknowledgeAlerts(actor, 'zh', {
      items: [{ id: first.id, tier: first.tier }],
      ...(note ? { note } : {}),
    });
    acknowledged += done.acknowledged;
  }
  return acknowledged;
}

/** FNV-1a of a string: a seed per task or indicator code. */
function hashCode(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

const NARRATIVES: Record<ProgressStatus, string[]> = {
  on_track: [
    '按计划推进，本期完成既定工作任务，相关制度文件已印发。',
    '牵头单位召开专题推进会，配合单位按分工落实，进度符合预期。',
    '已完成阶段性目标，形成工作台账，佐证材料已归档。',
  ],
  at_risk: [
    '部分工作受资金拨付进度影响，存在延期风险，已协调财政部门加快拨付。',
    '配合单位人员调整，部分事项推进放缓，已明确专人负责。',
  ],
  behind: ['受场地和审批手续影响，本期工作滞后于计划，已制定整改措施。'],
  completed: ['任务已全部完成，已组织验收，相关成果已报送备案。'],
};

/** Expected value of an indicator at fraction `f` of its time, ending at `reach` × target. */
function demoValue(
  ind: {
    comparator: string;
    target: number | null;
    targetLow: number | null;
    targetHigh: number | null;
    baseline: number | null;
    unit: string;
  },
  f: number,
  reach: number,
): number {
  if (ind.comparator === 'between') {
    const mid = ((ind.targetLow ?? 0) + (ind.targetHigh ?? 0)) / 2;
    const start = (ind.targetLow ?? 0) - 8;
    return round(start + f * (mid * reach - start), ind.unit);
  }
  const target = ind.target ?? 0;
  const start = ind.baseline ?? (ind.comparator === 'lte' ? target * 2 : target * 0.3);
  return round(start + f * (target * reach - start), ind.unit);
}

/**
 * A recurring target's value for one year of the plan (`yearIndex` 0 = the first): about the
 * target and rising a little each year, as a floor like 8000 元/生 is kept; about one indicator in
 * two missed its first year (by the hash of its code), so the per-year row shows a red year. A
 * mid-year report (`yearEnd` false) is short of the year's figure (the year is still under way).
 */
function yearlyDemoValue(
  ind: {
    code: string;
    comparator: string;
    target: number | null;
    targetLow: number | null;
    targetHigh: number | null;
    unit: string;
  },
  yearIndex: number,
  yearEnd: boolean,
): number {
  const missed = yearIndex === 0 && hashCode(ind.code) % 2 === 0;
  const factor = (missed ? 0.9 : 1.01 + 0.03 * yearIndex) * (yearEnd ? 1 : 0.9);
  if (ind.comparator === 'between') {
    const mid = ((ind.targetLow ?? 0) + (ind.targetHigh ?? 0)) / 2;
    const half = ((ind.targetHigh ?? 0) - (ind.targetLow ?? 0)) / 2;
    return round(missed ? (ind.targetLow ?? 0) - 2 : mid + (factor - 1) * half, ind.unit);
  }
  const target = ind.target ?? 0;
  const raw = ind.comparator === 'lte' ? target * (2 - factor) : target * factor;
  const value = round(raw, ind.unit);
  // A missed year stays missed after rounding (0.9 × 1 份 rounds back to 1).
  const step = ind.unit.includes('%') ? 0.1 : 1;
  if (missed && (ind.comparator === 'lte' ? value <= target : value >= target))
    return ind.comparator === 'lte' ? target + step : Math.max(0, target - step);
  return value;
}

function round(v: number, unit: string): number {
  return unit === '%' || unit.includes('%') ? Math.round(v * 10) / 10 : Math.max(0, Math.round(v));
}

/**
 * Writes a deterministic history of progress reports for the demo plan, as the bureaus would have
 * kept it: the lead unit of each task reports every period up to the last one; most are approved
 * (by the `coordinator`), a few of the latest are waiting for review, a few tasks have missed
 * recent periods (so overdue alerts are real), and indicator values move toward their targets —
 * most reach them, some don't. In the plan's last period most tasks report their work completed.
 * Milestones due before today are done, but one in seven.
 * Returns how many reports were written.
 */
export async function loadDemoReports(ctx: DemoContext<ActionPlansModule>): Promise<number> {
  const { db, today } = ctx;
  const deps = ctx.depsAt(today);
  const reviewerId = (await ctx.actor('coordinator')).userId;
  const plan = await findCurrentPlanByCode(db, PLAN);
  if (!plan) throw new Error(`The demo plan ${PLAN} is not loaded`);
  const planId = plan.id;
  const periods = (await listPeriods(db, planId)).filter((p) => p.endsOn < today);
  const tasks = await listTasks(db, planId, null);
  const leads = (
    await listTaskUnits(
      db,
      tasks.map((t) => t.id),
    )
  ).filter((u) => u.role === 'lead');
  const indicators = (await listIndicators(db, { planId })).filter((i) => i.kind === 'reported');
  const milestones = await listMilestones(db, { planId });
  // Rows are built in memory and written in a few multi-row inserts: start-up stays short.
  const reportRows: Insertable<ProgressReportTable>[] = [];
  const valueRows: Insertable<ProgressReportValueTable>[] = [];
  const indicatorRows: Insertable<IndicatorValueTable>[] = [];
  const doneMilestones: Array<{ id: string; due: string }> = [];
  for (const task of tasks) {
    const rand = seededRandom(hashCode(task.code));
    const lead = leads.find((l) => l.taskId === task.id)!;
    // Tasks 9, 15 and 21 have not reported lately: 2, 1 and 3 periods missing.
    const missing = ({ 9: 2, 15: 1, 21: 3 } as Record<number, number>)[task.number] ?? 0;
    const reported = periods.slice(0, periods.length - missing);
    const taskIndicators = indicators.filter((i) => i.taskId === task.id);
    for (const [index, period] of reported.entries()) {
      const last = index === reported.length - 1;
      const pendingReview = last && task.number % 5 === 2;
      const roll = rand();
      // The plan's last quarter: most tasks report their work finished (the final evaluation
      // proposes each task's outcome from this report).
      const finalPeriod = period.endsOn === plan.endDate;
      const progress: ProgressStatus =
        finalPeriod && roll < 0.6
          ? 'completed'
          : roll < 0.72
            ? 'on_track'
            : roll < 0.9
              ? 'at_risk'
              : 'behind';
      const narrative = NARRATIVES[progress][Math.floor(rand() * NARRATIVES[progress].length)]!;
      const at = new Date(`${period.dueOn}T09:00:00+08:00`);
      const id = randomUUID();
      reportRows.push({
        id,
        planId,
        taskId: task.id,
        periodId: period.id,
        orgUnitId: lead.id,
        state: pendingReview ? 'submitted' : 'approved',
        progress,
        narrative: `${period.label}：${narrative}`,
        completedMilestones: [],
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        reviewedBy: pendingReview ? null : reviewerId,
        reviewedAt: pendingReview ? null : at,
        reviewComment: null,
      });
      const yearEnd = period.endsOn.endsWith('-12-31');
      for (const ind of taskIndicators) {
        if (!yearEnd && !last) continue;
        const reach = 0.82 + (hashCode(ind.code) % 30) / 100;
        const span = Date.parse(ind.deadline) - Date.parse(plan.startDate);
        const f = Math.min(1, Math.max(0, (Date.parse(period.endsOn) - Date.parse(plan.startDate)) / span));
        const value =
          ind.recurrence === 'once'
            ? demoValue(ind, f, reach)
            : yearlyDemoValue(
                ind,
                Number(period.endsOn.slice(0, 4)) - Number(plan.startDate.slice(0, 4)),
                yearEnd,
              );
        valueRows.push({ reportId: id, indicatorId: ind.id, value, note: '' });
        if (!pendingReview)
          indicatorRows.push({
            indicatorId: ind.id,
            periodId: period.id,
            value,
            reportId: id,
            recordedAt: at,
          });
      }
    }
    for (const m of milestones.filter((x) => x.taskId === task.id)) {
      // Most milestones are done by their due date; one in seven is still open.
      if (m.due < today && hashCode(m.code) % 7 !== 0) doneMilestones.push({ id: m.id, due: m.due });
    }
  }
  const count = reportRows.length;
  await deps.transaction(async (trx) => {
    await insertReportHistory(trx, {
      reports: reportRows,
      values: valueRows,
      indicatorValues: indicatorRows,
    });
    for (const m of doneMilestones) await completeMilestones(trx, [m.id], m.due);
    await deps.audit.record(
      trx,
      { id: null, name: 'system', orgUnitId: null, ip: null },
      { action: 'demo.load', objectType: 'plan', objectId: planId, details: { reports: count } },
    );
  });
  return count;
}
