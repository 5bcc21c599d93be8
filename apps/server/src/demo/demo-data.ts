import { randomUUID } from 'node:crypto';
import type { ProgressStatus, Role } from '@zhijiao/contracts';
import type { Insertable } from 'kysely';
import type {
  IndicatorValueTable,
  ProgressReportTable,
  ProgressReportValueTable,
} from '../modules/action-plans/action-plans.tables.ts';
import { chinaDate } from '../platform/clock/clock.ts';
import { seededRandom } from '../platform/demo/seeded-random.ts';
import type { Runtime } from '../runtime.ts';

/** Demo accounts: the coordinator, three bureaus, five schools, an inspector and the three administrators. */
export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; role: Role; org: string }> = [
  { username: 'coordinator', displayName: '区教育局 计划统筹', role: 'coordinator', org: 'SD-EDU' },
  { username: 'hrss', displayName: '区人社局 填报员', role: 'unit_clerk', org: 'SD-HRSS' },
  { username: 'finance', displayName: '区财政局 填报员', role: 'unit_clerk', org: 'SD-FIN' },
  { username: 'vhs', displayName: '区职业高中 填报员', role: 'unit_clerk', org: 'SD-VHS' },
  { username: 'vec', displayName: '区职教中心 填报员', role: 'unit_clerk', org: 'SD-VEC' },
  { username: 'jhs1', displayName: '上党区第一初级中学 招生联络员', role: 'unit_clerk', org: 'SD-JHS1' },
  { username: 'jhs2', displayName: '上党区实验初级中学 招生联络员', role: 'unit_clerk', org: 'SD-JHS2' },
  { username: 'hs1', displayName: '上党区第一中学 招生办', role: 'unit_clerk', org: 'SD-HS1' },
  { username: 'inspector', displayName: '区教育督导室 督学', role: 'inspector', org: 'SD-EDU' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', org: 'SD' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', org: 'SD' },
  { username: 'auditadmin', displayName: '审计管理员', role: 'audit_admin', org: 'SD' },
];

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

function round(v: number, unit: string): number {
  return unit === '%' || unit.includes('%') ? Math.round(v * 10) / 10 : Math.max(0, Math.round(v));
}

/**
 * Writes a deterministic history of progress reports for a plan, as the bureaus would have kept
 * it: the lead unit of each task reports every period up to the last one; most are approved, a
 * few of the latest are waiting for review, a few tasks have missed recent periods (so overdue
 * alerts are real), and indicator values move toward their targets — most reach them, some don't.
 */
export async function loadDemoReports(rt: Runtime, planId: string, reviewerId: string): Promise<number> {
  const db = rt.database.db;
  const today = chinaDate(rt.clock.now());
  const periods = (
    await db
      .selectFrom('reportingPeriod')
      .selectAll()
      .where('planId', '=', planId)
      .orderBy('startsOn')
      .execute()
  ).filter((p) => p.endsOn < today);
  const tasks = await db
    .selectFrom('planTask')
    .select(['id', 'code', 'number'])
    .where('planId', '=', planId)
    .orderBy('number')
    .execute();
  const leads = await db
    .selectFrom('taskUnit')
    .select(['taskId', 'orgUnitId'])
    .where('role', '=', 'lead')
    .execute();
  const indicators = await db
    .selectFrom('indicator')
    .selectAll()
    .where('planId', '=', planId)
    .where('kind', '=', 'reported')
    .execute();
  const milestones = await db
    .selectFrom('milestone')
    .select(['id', 'taskId', 'due', 'code'])
    .where('planId', '=', planId)
    .execute();
  const plan = await db
    .selectFrom('plan')
    .select(['startDate'])
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
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
      const progress: ProgressStatus = roll < 0.72 ? 'on_track' : roll < 0.9 ? 'at_risk' : 'behind';
      const narrative = NARRATIVES[progress][Math.floor(rand() * NARRATIVES[progress].length)]!;
      const at = new Date(`${period.dueOn}T09:00:00+08:00`);
      const id = randomUUID();
      reportRows.push({
        id,
        planId,
        taskId: task.id,
        periodId: period.id,
        orgUnitId: lead.orgUnitId,
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
        const value = demoValue(ind, f, reach);
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
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < reportRows.length; i += 500)
      await trx
        .insertInto('progressReport')
        .values(reportRows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < valueRows.length; i += 1000)
      await trx
        .insertInto('progressReportValue')
        .values(valueRows.slice(i, i + 1000))
        .execute();
    for (let i = 0; i < indicatorRows.length; i += 1000)
      await trx
        .insertInto('indicatorValue')
        .values(indicatorRows.slice(i, i + 1000))
        .execute();
    for (const m of doneMilestones)
      await trx.updateTable('milestone').set({ completedOn: m.due }).where('id', '=', m.id).execute();
    await rt.services.audit.record(
      trx,
      { id: null, name: 'system', orgUnitId: null, ip: null },
      {
        action: 'demo.load',
        objectType: 'plan',
        objectId: planId,
        details: { reports: count },
      },
    );
  });
  return count;
}

/** Creates the demo accounts with random one-time passwords, returned once for printing. */
export async function createDemoAccounts(
  rt: Runtime,
): Promise<Array<{ username: string; displayName: string; role: Role; password: string }>> {
  const out = [];
  for (const a of DEMO_ACCOUNTS) {
    const { initialPassword } = await rt.services.org.users.createUser(null, {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      orgUnitCode: a.org,
    });
    out.push({ username: a.username, displayName: a.displayName, role: a.role, password: initialPassword! });
  }
  return out;
}
