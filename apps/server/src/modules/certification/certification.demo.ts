import type { IncentiveKind } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { DEFAULT_CERTIFICATION_RULES } from './certification.config.ts';
import { certificationSchedule } from './certification.rules.ts';
import type { CertificationModule } from './index.ts';

type Ctx = DemoContext<CertificationModule>;

/** The joint-review bureaus' demo accounts (会签单位), in the order the plan names them. */
const PANEL = ['coordinator', 'finance', 'hrss', 'sasac', 'iit', 'nres', 'tax'] as const;

/** The 组合式激励 granted to a certified 易通集团 in its first year: one of each kind. */
const INCENTIVES: Array<{
  account: 'drc' | 'finance' | 'nres' | 'tax';
  kind: IncentiveKind;
  monthDay: string;
  grantor?: string;
  amount?: number;
  measure?: string;
  basisNumber: string;
}> = [
  {
    account: 'drc',
    kind: 'finance',
    monthDay: '06-18',
    grantor: '中国建设银行长治分行',
    amount: 5_000_000,
    measure: '产教融合专项贷款，利率下浮 10%',
    basisNumber: '上党发改〔2021〕32号',
  },
  {
    account: 'finance',
    kind: 'fiscal',
    monthDay: '07-06',
    amount: 300_000,
    measure: '实训基地建设奖补资金',
    basisNumber: '上党财教〔2021〕18号',
  },
  {
    account: 'nres',
    kind: 'land',
    monthDay: '08-12',
    measure: '实训基地建设用地优先保障 12 亩',
    basisNumber: '上党自然资〔2021〕41号',
  },
  {
    account: 'drc',
    kind: 'credit',
    monthDay: '09-01',
    measure: '纳入守信激励名单，行政审批“绿色通道”',
    basisNumber: '上党发改〔2021〕47号',
  },
  {
    account: 'tax',
    kind: 'tax',
    monthDay: '11-20',
    amount: 426_000,
    measure: '按投资额 30% 抵免当年应缴教育费附加和地方教育附加',
    basisNumber: '上党税〔2021〕9号',
  },
];

/**
 * 产教融合型企业 in the demo district: in the plan's second year (2021) 易通集团 applies itself
 * and 区工信局 applies for 振东集团; the seven joint-review bureaus sign — but 区工信局 on the
 * application it filed (回避: its line is recused) — and 区税务局 disagrees on
 * 振东集团 (arrears not yet cleared), so 区发改科技局 refuses it with that reason and whatever the
 * records leave unmet. 易通集团 is certified when the criteria measured from the records are met —
 * which needs the cooperation and training-bases look-ups wired (index.ts `EVIDENCE_LOOKUPS`); till
 * then its application stays under review showing 未接入 — and then receives one incentive of each
 * kind, is re-checked on each anniversary but the last one before today (left due), and applies
 * again the year a certification expires.
 */
export async function certificationDemo(ctx: Ctx): Promise<DemoSummary> {
  const thisYear = Number(ctx.today.slice(0, 4));
  const year = ctx.planYears[1] ?? ctx.planYears[0] ?? thisYear - 1;
  const actors = Object.fromEntries(
    await Promise.all([...PANEL, 'drc', 'yitong'].map(async (u) => [u, await ctx.actor(u)] as const)),
  ) as Record<(typeof PANEL)[number] | 'drc' | 'yitong', Actor>;
  const zhendongId = await ctx.unitId('SD-ZHENDONG');

  const zhendong = await ctx.at(`${year}-03-12`).applications.applyForCertification(actors.iit, {
    enterpriseId: zhendongId,
    year,
    statement: '区工信局代为申报：振东集团与区职教中心共建康复专业课程，常年接收实习学生。',
  });
  await sign(ctx, zhendong, `${year}-03-20`, actors, {
    tax: '该企业 2020 年度存在欠缴税款记录，尚未清缴，暂不同意；清缴后可再行申报。',
  });
  await ctx.at(`${year}-04-15`).applications.refuse(actors.drc, zhendong.id, {
    reason: '区税务局会签不同意（欠缴税款尚未清缴）；下一年度清缴后可重新申报。',
  });

  let certified = 0;
  let incentives = 0;
  for (let y = year; y < thisYear;) {
    const app = await ctx.at(`${y}-03-10`).applications.applyForCertification(actors.yitong, {
      year: y,
      statement: '易通集团与区职业高中共同开发焊接、PLC 课程，接收岗位实习学生，申请认定为产教融合型企业。',
    });
    await sign(ctx, app, `${y}-03-20`, actors, {});
    const on = `${y}-04-15`;
    const decided = await ctx
      .at(on)
      .applications.certify(actors.drc, app.id, { note: '经会签，符合认定条件，予以认定。' })
      // Not eligible on the records of that year: the application stays under review; any other
      // failure is a defect and stops the demo.
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === 'CERTIFICATION_NOT_ELIGIBLE') return null;
        throw e;
      });
    if (!decided) break;
    certified += 1;
    if (certified === 1)
      for (const i of INCENTIVES) {
        const grantedOn = `${y}-${i.monthDay}`;
        if (grantedOn >= ctx.today) continue;
        await ctx.at(grantedOn).incentives.grantIncentive(actors[i.account], {
          enterpriseId: app.enterprise.id,
          kind: i.kind,
          grantor: i.grantor ?? '',
          amount: i.amount ?? null,
          measure: i.measure ?? '',
          grantedOn,
          basisNumber: i.basisNumber,
        });
        incentives += 1;
      }
    const { validUntil, recheckDates } = certificationSchedule(on, DEFAULT_CERTIFICATION_RULES);
    const passed = recheckDates.filter((d) => d < ctx.today);
    const expired = validUntil < ctx.today;
    for (const d of expired ? passed : passed.slice(0, -1))
      await ctx.at(d).applications.recheck(actors.drc, app.id, { comment: '年度复核：各项条件仍然符合。' });
    if (!expired) break;
    y = Number(validUntil.slice(0, 4));
  }
  return {
    zh: `${certified + 1} 项产教融合型企业认定申报、${incentives} 项激励措施`,
    en: `${certified + 1} certification decisions, ${incentives} incentives`,
  };
}

/** Each joint-review bureau signs its line, but the unit that filed the application (回避). */
async function sign(
  ctx: Ctx,
  application: { id: string; appliedBy: { id: string } },
  on: string,
  actors: Record<(typeof PANEL)[number], Actor>,
  disagree: Partial<Record<(typeof PANEL)[number], string>>,
) {
  for (const account of PANEL) {
    if (actors[account].orgUnitId === application.appliedBy.id) continue;
    const reason = disagree[account];
    await ctx.at(on).applications.giveOpinion(actors[account], application.id, {
      opinion: reason ? 'disagree' : 'agree',
      comment: reason ?? '',
    });
  }
}
