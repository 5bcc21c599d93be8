import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import type { ActionPlansModule } from '../action-plans/index.ts';
import type { SupervisionServices } from './index.ts';
import { supervisionHistory } from './supervision-history.demo.ts';

const PLAN = 'shangdang-vet-2020';

/**
 * Supervision records as a district would have them: the plan's past years held, closed and
 * published (`supervisionHistory`), and half-way through this year a regular
 * inspection done and published, with one order closed on time and one long overdue (红); a
 * special inspection running, with orders due soon (蓝), overdue (黄) and answered; an interview
 * and a reward. Every record goes through the service use cases on the day it happened.
 * Returns the start-up line's fragment: how many findings were recorded, past years' included.
 */
export async function supervisionDemo(ctx: DemoContext<SupervisionServices>): Promise<DemoSummary> {
  const { today } = ctx;
  const on = (days: number) => ctx.at(addDays(today, days));
  const coordinator = await ctx.actor('coordinator');
  const inspector = await ctx.actor('inspector');
  const clerks = { fin: await ctx.actor('finance'), hrss: await ctx.actor('hrss') };
  const units = {
    fin: await ctx.unitId('SD-FIN'),
    hrss: await ctx.unitId('SD-HRSS'),
    vhs: await ctx.unitId('SD-VHS'),
    vec: await ctx.unitId('SD-VEC'),
  };
  const past = await supervisionHistory(ctx);
  // The plan's indicators off track today (the plan's demo reports are in): findings name them.
  const indicators = await ctx.peer<ActionPlansModule>('plans').view.listIndicators(coordinator, PLAN);
  const late = indicators.filter((i) => i.status === 'off_track' || i.status === 'at_risk');

  // 1. The regular inspection of the first half-year: done, its report published.
  let s = on(-150);
  const regular = await s.inspections.createInspection(coordinator, {
    kind: 'regular',
    title: `${today.slice(0, 4)}年上半年职业教育改革定期督导`,
    purpose: '对照《上党区推进职业教育改革发展行动计划》，检查各责任单位任务推进和指标完成情况。',
    documentNumber: `上党督〔${today.slice(0, 4)}〕2号`,
    startsOn: addDays(today, -150),
    endsOn: addDays(today, -30),
    schedule: [
      { date: addDays(today, -145), activity: '听取区人社局、区财政局工作汇报，查阅台账资料' },
      { date: addDays(today, -130), activity: '实地察看区职业高中、区职教中心实训基地' },
    ],
    inspectorIds: [inspector.userId],
    leadInspectorId: inspector.userId,
    scope: [
      { type: 'unit', id: units.fin },
      { type: 'unit', id: units.hrss },
      { type: 'school', id: units.vhs },
      { type: 'school', id: units.vec },
    ],
  });
  await s.inspections.startInspection(coordinator, regular.id);
  s = on(-140);
  // Closed on time (销号) by 区财政局, then rewarded; never depends on which indicators are late.
  const closedOnTime = await s.findings.addFinding(inspector, regular.id, {
    orgUnitId: units.fin,
    subjectType: 'other',
    title: '中职生均拨款标准文件未按期印发',
    description: '行动计划（二十）要求生均财政拨款每年不低于8000元，督导时相关标准文件尚未印发。',
    severity: 'general',
  });
  const closedOrder = await s.orders.issueOrder(inspector, closedOnTime.id, {
    requirements: '制定专项整改方案，明确时间表和责任人，按期报送整改情况及佐证材料。',
    dueDate: addDays(today, -100),
  });
  await on(-110).orders.answerOrder(clerks.fin, closedOrder.id, {
    measures: '1. 已印发生均拨款标准文件；2. 已将相关经费纳入年度预算；3. 建立按月调度机制。',
    fileIds: [],
  });
  await on(-105).orders.verifyOrder(inspector, closedOrder.id, '经复核，整改措施落实到位。');
  await on(-104).orders.closeOrder(inspector, closedOrder.id);
  // Long overdue (红): an off-track indicator's unit has not answered; an interview followed.
  const overdueRed = late[0]
    ? await s.findings.addFindingFromSubject(inspector, regular.id, {
        subjectType: 'indicator',
        subjectId: late[0].id,
      })
    : await s.findings.addFinding(inspector, regular.id, {
        orgUnitId: units.hrss,
        subjectType: 'other',
        title: '技能人才评价改革推进缓慢',
        description: '职业技能等级认定实施办法尚未出台。',
        severity: 'serious',
      });
  await s.orders.issueOrder(inspector, overdueRed.id, {
    requirements: '限期完成整改，逾期未完成的将约谈单位主要负责人。',
    dueDate: addDays(today, -70),
  });
  await on(-35).records.recordInterview(inspector, regular.id, {
    orgUnitId: overdueRed.unit.id,
    heldOn: addDays(today, -35),
    interviewers: '区教育督导室主任、督学',
    interviewees: '单位分管负责同志',
    reason: '整改通知逾期未完成整改',
    findingIds: [overdueRed.id],
    commitments: [{ text: '一个月内完成整改并报送佐证材料', dueDate: addDays(today, -5) }],
  });
  let findings = past + 2;
  // Completed on its last day: its report is signed once the inspection has ended.
  s = on(-30);
  await s.inspections.completeInspection(
    coordinator,
    regular.id,
    '各责任单位总体按计划推进，部分指标未达预期，已下达整改通知，限期整改。',
  );
  await s.reports.publishReport(coordinator, regular.id);

  // 2. The special inspection running now: orders due soon, overdue and answered.
  s = on(-30);
  const special = await s.inspections.createInspection(coordinator, {
    kind: 'special',
    title: `${today.slice(0, 4)}年职业教育产教融合专项督导`,
    purpose: '专项检查产教融合、校企合作和“双师型”教师队伍建设任务落实情况。',
    documentNumber: `上党督〔${today.slice(0, 4)}〕5号`,
    startsOn: addDays(today, -30),
    endsOn: addDays(today, 30),
    schedule: [{ date: addDays(today, -25), activity: '召开督导反馈会，通报发现问题' }],
    inspectorIds: [inspector.userId],
    leadInspectorId: inspector.userId,
    scope: [
      { type: 'unit', id: units.hrss },
      { type: 'unit', id: units.fin },
      { type: 'school', id: units.vhs },
    ],
  });
  await s.inspections.startInspection(coordinator, special.id);
  s = on(-25);
  // Off-track indicators found now: one already overdue (黄), one due soon (蓝).
  for (const [n, ind] of late.slice(1, 3).entries()) {
    const f = await s.findings.addFindingFromSubject(inspector, special.id, {
      subjectType: 'indicator',
      subjectId: ind.id,
    });
    findings += 1;
    await s.orders.issueOrder(inspector, f.id, {
      requirements: '对照目标值查找差距，提出整改措施，按期报送整改情况。',
      dueDate: addDays(today, n === 0 ? -10 : 5),
    });
  }
  // Answered by 区人社局, waiting for the inspector's verification (复核).
  const answered = await s.findings.addFinding(inspector, special.id, {
    orgUnitId: units.hrss,
    subjectType: 'other',
    title: '校企合作企业实习岗位数量不足',
    description: '规模以上企业提供的实习岗位未达到职工总数的2%。',
    severity: 'general',
  });
  findings += 1;
  const answeredOrder = await s.orders.issueOrder(inspector, answered.id, {
    requirements: '会同相关部门督促规模以上企业按职工总数2%提供实习岗位，报送落实台账。',
    dueDate: addDays(today, 20),
  });
  await on(-3).orders.answerOrder(clerks.hrss, answeredOrder.id, {
    measures: '已召开专题会议部署，建立企业实习岗位台账，新增岗位126个。',
    fileIds: [],
  });
  // 区财政局 closed its order on time: a reward that feeds the yearly assessment (考评).
  await on(-15).records.recordSanction(coordinator, {
    orgUnitId: units.fin,
    inspectionId: regular.id,
    kind: 'reward',
    year: Number(today.slice(0, 4)),
    points: 3,
    title: '整改按期销号，予以通报表扬',
    ground: 'findings_closed_on_time',
    groundsText: `${today.slice(0, 4)}年上半年定期督导发现问题按期整改销号。`,
    refs: [{ type: 'finding', id: closedOnTime.id }],
    decidedOn: addDays(today, -15),
  });
  return { zh: `${findings} 个督导问题`, en: `${findings} supervision findings` };
}
