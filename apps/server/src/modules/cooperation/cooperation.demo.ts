import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { tinyPdf } from '../programs/index.ts';
import type { CooperationModule } from './index.ts';

type Ctx = DemoContext<CooperationModule>;
type Actors = Record<'vhs' | 'vec', Actor> & Record<'yitong' | 'zhendong', Actor>;

async function upload(ctx: Ctx, date: string, actor: Actor, name: string) {
  const file = await ctx.depsAt(date).files.storeUpload(actor, {
    buffer: tinyPdf(['Zhijiao demo cooperation document', name]),
    filename: `${name}.pdf`,
  });
  return file.id;
}

const min = (a: string, b: string) => (a < b ? a : b);

/** Writes an agreement on the day it was signed (or today, if that is later than today). */
async function agreement(
  ctx: Ctx,
  school: Actor,
  enterprise: Actor,
  a: { title: string; startsOn: string; endsOn: string; scopes: string[]; summary: string },
) {
  const day = min(addDays(a.startsOn, -10), ctx.today);
  const fileId = await upload(ctx, day, school, a.title);
  const made = await ctx.at(day).agreements.createAgreement(school, {
    ...a,
    scopes: a.scopes as never,
    enterpriseId: enterprise.orgUnitId,
    agreementFileId: fileId,
    signedOn: day,
  });
  return made.id;
}

interface Programme {
  agreementId: string;
  scheme: 'modern' | 'enterprise';
  title: string;
  occupation: string;
  startsOn: string;
  endsOn: string;
  apprenticeCount: number;
  schoolMentors: string[];
  enterpriseMentors: string[];
  planSummary: string;
  stages: Array<{ title: string; plannedEndOn: string }>;
}

/**
 * Writes a programme a month before it starts with its training plan, has the school approve it
 * and (unless `awaiting`) the enterprise five days later; records each stage done on its planned
 * day and the completion five days after the end, for the days that have come.
 */
async function programme(ctx: Ctx, school: Actor, enterprise: Actor, p: Programme, awaiting = false) {
  const written = min(addDays(p.startsOn, -30), addDays(ctx.today, -6));
  const planFileId = await upload(ctx, written, school, `人才培养方案-${p.title}`);
  const { id } = await ctx.at(written).apprenticeships.createApprenticeship(school, { ...p, planFileId });
  await ctx.at(addDays(written, 3)).apprenticeships.approveApprenticeship(school, id, 'school');
  if (awaiting) return id;
  await ctx.at(addDays(written, 8)).apprenticeships.approveApprenticeship(enterprise, id, 'enterprise');
  const detail = await ctx.at(addDays(written, 8)).apprenticeships.getApprenticeship(school, id);
  for (const stage of detail.stages) {
    if (stage.plannedEndOn >= ctx.today) break;
    await ctx.at(stage.plannedEndOn).apprenticeships.completeApprenticeshipStage(school, id, {
      stageId: stage.id,
      completedOn: stage.plannedEndOn,
      note: '按计划完成，校企双方导师考核合格',
    });
  }
  const finish = addDays(p.endsOn, 5);
  if (finish < ctx.today)
    await ctx.at(finish).apprenticeships.completeApprenticeship(school, id, {
      completedOn: p.endsOn,
      completedCount: p.apprenticeCount - 1,
      note: '1 名学徒中途转岗',
    });
  return id;
}

/**
 * Loads cooperation records through the use cases, on the days things happened, from the plan's
 * first year (else three years before today): agreements of 区职业高中 and 区职教中心 with 易通集团 and
 * 振东集团 (one expired), a 现代学徒制 class at 振东集团 and a 企业新型学徒制 programme at 易通集团 running
 * in the plan's second year (completed once their period is over), this year's class awaiting
 * 易通集团's approval, an innovation centre with 振东集团 and a teaching factory with 易通集团 (引企入校),
 * each with projects.
 */
export async function cooperationDemo(ctx: Ctx): Promise<DemoSummary> {
  const thisYear = Number(ctx.today.slice(0, 4));
  const y0 = ctx.planYears[0] ?? thisYear - 3;
  const actors: Actors = {
    vhs: await ctx.actor('vhs'),
    vec: await ctx.actor('vec'),
    yitong: await ctx.actor('yitong'),
    zhendong: await ctx.actor('zhendong'),
  };
  const { vhs, vec, yitong, zhendong } = actors;
  const vhsYitong = await agreement(ctx, vhs, yitong, {
    title: '区职业高中—易通集团校企合作协议',
    // Cooperation older than the plan: 产教融合型企业 certification asks for two years of it.
    startsOn: `${y0 - 2}-09-01`,
    endsOn: `${y0 + 4}-02-28`,
    scopes: ['internship_training', 'order_training', 'co_built_major', 'staff_training'],
    summary: '共建数控技术应用专业；易通集团接收学生实习实训，学校为企业开展职工培训',
  });
  const vecZhendong = await agreement(ctx, vec, zhendong, {
    title: '区职教中心—振东集团校企合作协议',
    startsOn: `${y0}-09-01`,
    endsOn: `${thisYear + 1}-08-31`,
    scopes: ['internship_training', 'modern_apprenticeship', 'technical_service', 'staff_training'],
    summary: '药剂、中药专业现代学徒制试点；共建中药制剂协同创新中心',
  });
  await agreement(ctx, vhs, zhendong, {
    title: '区职业高中—振东集团职工培训合作协议',
    startsOn: `${y0 + 1}-03-01`,
    endsOn: `${y0 + 2}-02-28`,
    scopes: ['staff_training', 'technical_service'],
    summary: '为振东集团一线职工开展电工、设备维护培训',
  });
  const vecYitong = await agreement(ctx, vec, yitong, {
    title: '区职教中心—易通集团校企合作协议',
    startsOn: `${y0 + 2}-01-01`,
    endsOn: `${thisYear + 2}-12-31`,
    scopes: ['internship_training', 'modern_apprenticeship', 'staff_training'],
    summary: '机电技术应用专业现代学徒制；易通集团派驻企业师傅',
  });

  await programme(ctx, vec, zhendong, {
    agreementId: vecZhendong,
    scheme: 'modern',
    title: `${y0 + 1}级药剂专业现代学徒制试点班`,
    occupation: '药剂',
    startsOn: `${y0 + 1}-09-01`,
    endsOn: `${y0 + 3}-07-15`,
    apprenticeCount: 30,
    schoolMentors: ['李红梅', '王建军'],
    enterpriseMentors: ['张振华', '刘素芳'],
    planSummary: '校企共同制定：第一学年校内学习专业基础，第二学年起在振东集团制剂车间工学交替，师傅一带三。',
    stages: [
      { title: '校内专业基础学习', plannedEndOn: `${y0 + 2}-07-10` },
      { title: '企业岗位轮训', plannedEndOn: `${y0 + 3}-01-15` },
      { title: '顶岗培养与出师考核', plannedEndOn: `${y0 + 3}-07-10` },
    ],
  });
  await programme(ctx, vhs, yitong, {
    agreementId: vhsYitong,
    scheme: 'enterprise',
    title: '易通集团数控车工企业新型学徒制培训班',
    occupation: '数控车工',
    startsOn: `${y0 + 1}-03-01`,
    endsOn: `${y0 + 2}-02-28`,
    apprenticeCount: 20,
    schoolMentors: ['赵志刚'],
    enterpriseMentors: ['孙国强', '周海军'],
    planSummary:
      '企业新职工在岗培养一年：学校负责理论教学，企业师傅负责岗位技能，考核合格取得数控车工等级证书。',
    stages: [
      { title: '理论教学', plannedEndOn: `${y0 + 1}-06-30` },
      { title: '岗位技能培养与等级认定', plannedEndOn: `${y0 + 2}-02-20` },
    ],
  });
  await programme(
    ctx,
    vec,
    yitong,
    {
      agreementId: vecYitong,
      scheme: 'modern',
      title: `${thisYear}级机电技术应用专业现代学徒制班`,
      occupation: '机电技术应用',
      startsOn: `${thisYear}-09-01`,
      endsOn: `${thisYear + 2}-07-15`,
      apprenticeCount: 25,
      schoolMentors: ['陈立新'],
      enterpriseMentors: ['孙国强'],
      planSummary: '校企共同制定：第一学年校内学习，第二学年起在易通集团装配车间工学交替。',
      stages: [
        { title: '校内专业基础学习', plannedEndOn: `${thisYear + 1}-07-10` },
        { title: '企业岗位培养', plannedEndOn: `${thisYear + 2}-07-10` },
      ],
    },
    true,
  );

  const centreDay = `${y0 + 1}-04-15`;
  const centre = await ctx.at(min(centreDay, ctx.today)).centres.createCentre(vec, {
    kind: 'innovation_centre',
    name: '上党区中药制剂应用技术协同创新中心',
    partnerIds: [zhendong.orgUnitId],
    field: '中药制剂工艺、中药材质量检测',
    openedOn: min(centreDay, ctx.today),
  });
  const factoryDay = `${y0 + 1}-09-01`;
  const factory = await ctx.at(min(factoryDay, ctx.today)).centres.createCentre(vhs, {
    kind: 'teaching_factory',
    name: '区职业高中数控加工教学工厂',
    partnerIds: [yitong.orgUnitId],
    field: '数控车削、铣削零件加工（易通集团引企入校）',
    openedOn: min(factoryDay, ctx.today),
  });
  const project = (
    school: Actor,
    id: string,
    startsOn: string,
    p: { kind: string; title: string; staff?: number; students?: number; value?: number; endsOn?: string },
  ) =>
    startsOn <= ctx.today
      ? ctx.at(startsOn).centres.saveProject(school, id, {
          kind: p.kind as never,
          title: p.title,
          enterpriseId: null,
          startsOn,
          endsOn: p.endsOn && p.endsOn <= ctx.today ? p.endsOn : null,
          staffTrained: p.staff ?? null,
          studentsTrained: p.students ?? null,
          valueYuan: p.value ?? null,
          note: '',
        })
      : null;
  await project(vec, centre.id, `${y0 + 1}-06-01`, {
    kind: 'research',
    title: '中药配方颗粒提取工艺改进',
    value: 850_000,
    endsOn: `${y0 + 2}-05-31`,
  });
  await project(vec, centre.id, `${y0 + 1}-10-10`, {
    kind: 'staff_training',
    title: '振东集团一线职工中药炮制技能培训',
    staff: 120,
    endsOn: `${y0 + 1}-12-20`,
  });
  await project(vec, centre.id, `${y0 + 2}-03-01`, {
    kind: 'transfer',
    title: '中药材快速检测方法成果转化',
    value: 300_000,
  });
  await project(vhs, factory.id, `${y0 + 1}-09-01`, {
    kind: 'production',
    title: '易通集团传动轴零件来料加工',
    students: 160,
    value: 1_200_000,
  });
  await project(vhs, factory.id, `${y0 + 1}-11-01`, {
    kind: 'staff_training',
    title: '易通集团数控操作工技能提升培训',
    staff: 45,
    endsOn: `${y0 + 1}-12-15`,
  });
  await project(vhs, factory.id, `${y0 + 2}-03-01`, {
    kind: 'practice',
    title: '数控技术应用专业生产性实训',
    students: 200,
  });
  return {
    zh: '4 份校企合作协议、3 个学徒制项目、1 个协同创新中心、1 个教学工厂',
    en: '4 cooperation agreements, 3 apprenticeships, 1 innovation centre, 1 teaching factory',
  };
}
