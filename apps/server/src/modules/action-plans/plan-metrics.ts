import type { Executor } from '../../platform/db/database.ts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import * as repo from './action-plans.repository.ts';
import { completeByRecords } from './milestone-completion.ts';

/** The plans a metric is about: the asking plan, or every current plan of the org unit's district. */
async function plansOf(ctx: MetricContext): Promise<string[]> {
  if (ctx.planId) return [ctx.planId];
  return repo.listCurrentPlanIdsOfDistrict(ctx.db, ctx.orgUnitId);
}

async function tasksWithLead(db: Executor, planId: string) {
  const tasks = await repo.listTasks(db, planId, null);
  const units = await repo.listTaskUnits(
    db,
    tasks.map((t) => t.id),
  );
  return tasks.map((t) => ({ ...t, lead: units.find((u) => u.taskId === t.id && u.role === 'lead') }));
}

const tasksOnTrackShare: MetricDefinition = {
  name: 'plan.tasksOnTrackShare',
  title: { zh: '正常推进或已完成的任务占比', en: 'Share of tasks on track or completed' },
  description: {
    zh: '截至期末最近一次审核通过的进展报告为“正常推进”或“已完成”的任务数 ÷ 行动计划任务总数 × 100%',
    en: 'Tasks whose latest approved progress report by the period’s end says on track or completed ÷ all tasks of the action plan × 100%',
  },
  unit: '%',
  async compute(ctx) {
    let on = 0;
    let all = 0;
    const drillDown = [];
    for (const planId of await plansOf(ctx)) {
      const progress = await repo.latestApprovedProgress(ctx.db, planId, ctx.period.endsOn);
      for (const t of await repo.listTasks(ctx.db, planId, null)) {
        const p = progress.get(t.id)?.progress;
        const ok = p === 'on_track' || p === 'completed';
        all++;
        if (ok) on++;
        drillDown.push({ label: `${t.label}${t.title}`, value: ok ? 1 : 0, ref: { type: 'task', id: t.id } });
      }
    }
    return {
      value: all === 0 ? 0 : Math.round((on / all) * 1000) / 10,
      numerator: on,
      denominator: all,
      drillDown,
    };
  },
};

const overdueReports: MetricDefinition = {
  name: 'plan.overdueReports',
  title: { zh: '逾期未报的进展报告（期次）', en: 'Overdue progress reports (task-periods)' },
  description: {
    zh: '截止日期已过、牵头单位仍未报送进展报告的填报周期数，按任务逐项累计',
    en: 'Reporting periods past their due date for which the lead unit has not handed in a progress report, summed over the tasks',
  },
  unit: '期',
  async compute(ctx) {
    let total = 0;
    const drillDown = [];
    for (const planId of await plansOf(ctx)) {
      const periods = (await repo.listPeriods(ctx.db, planId)).filter(
        (p) => p.dueOn < ctx.today && p.endsOn <= ctx.period.endsOn,
      );
      const handedIn = await repo.leadReportKeys(ctx.db, planId);
      for (const t of await tasksWithLead(ctx.db, planId)) {
        const missing = periods.filter((p) => !handedIn.has(`${t.id}:${p.id}`)).length;
        total += missing;
        if (missing > 0)
          drillDown.push({
            label: `${t.label}${t.title}（${t.lead?.name ?? ''}）`,
            value: missing,
            ref: { type: 'task', id: t.id },
          });
      }
    }
    return { value: total, drillDown };
  },
};

const milestonesDue: MetricDefinition = {
  name: 'plan.milestonesDue',
  title: { zh: '到期未完成的里程碑', en: 'Milestones due and not completed' },
  description: {
    zh: '完成时限不晚于期末、仍未完成的里程碑个数',
    en: 'Milestones due by the period’s end and not yet completed',
  },
  unit: '个',
  async compute(ctx) {
    const drillDown = [];
    let due = 0;
    let open = 0;
    for (const planId of await plansOf(ctx)) {
      const plan = (await repo.findPlanById(ctx.db, planId))!;
      const rows = await repo.listMilestones(ctx.db, { planId });
      // A milestone completed by records is done once its metric holds, as the dashboard shows it.
      const milestones = ctx.metrics
        ? await completeByRecords(ctx.db, ctx.metrics, plan, rows, ctx.today)
        : rows;
      for (const m of milestones) {
        if (m.due > ctx.period.endsOn) continue;
        due++;
        if (!m.completedOn) {
          open++;
          drillDown.push({ label: m.title, value: 1, ref: { type: 'milestone', id: m.id } });
        }
      }
    }
    return { value: open, numerator: open, denominator: due, drillDown };
  },
};

/** The plan's own metrics, the first users of the metric seam. */
export const PLAN_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  tasksOnTrackShare,
  overdueReports,
  milestonesDue,
];
