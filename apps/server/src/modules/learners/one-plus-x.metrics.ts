import { percentOf } from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition, MetricValue } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import { conversionsApprovedBySchool, recognitionsBySchool } from './credit-bank.queries.ts';
import { onePlusXCounts } from './one-plus-x.service.ts';

/*
 * The plan's yearly numbers of task （十六） beside its milestones: 1+X participation and pass
 * rates, outcomes recognised and conversions approved in the period; each with one drill-down row
 * per school.
 */

export const ONE_PLUS_X_METRICS = {
  participationRate: 'learners.onePlusXParticipationRate',
  passRate: 'learners.onePlusXPassRate',
  outcomesRecognised: 'learners.outcomesRecognised',
  conversionsApproved: 'learners.conversionsApproved',
} as const;

/** The day a count reads to: the period's end, cut at today while it runs. */
const windowEnd = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);

/** A share per school as a metric: `pick` answers a school's numerator and denominator. */
async function sharePerSchool(
  ctx: MetricContext,
  pick: (c: {
    onRegister: number;
    participants: number;
    sittings: number;
    passes: number;
  }) => [number, number],
): Promise<MetricValue> {
  const schoolIds = await listSubtreeIds(ctx.db, ctx.orgUnitId);
  const to = windowEnd(ctx);
  const { schools, total } = await onePlusXCounts(ctx.db, schoolIds, {
    from: ctx.period.startsOn,
    to,
    registerOn: to,
  });
  const units = await unitRefsByIds(ctx.db, [...schools.keys()]);
  const [n, d] = pick(total);
  return {
    value: percentOf(n, d) ?? 0,
    numerator: n,
    denominator: d,
    drillDown: [...schools.entries()]
      .map(([id, s]) => ({ id, share: pick(s.counts) }))
      .filter(({ share }) => share[1] > 0)
      .map(({ id, share: [sn, sd] }) => ({
        label: units.get(id)?.name ?? id,
        value: percentOf(sn, sd) ?? 0,
        numerator: sn,
        denominator: sd,
        ref: { type: 'org_unit', id },
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh')),
  };
}

/** A count per school as a metric. */
async function countPerSchool(
  ctx: MetricContext,
  read: (
    schoolIds: string[],
    from: string,
    to: string,
  ) => Promise<Array<{ schoolId: string; count: number }>>,
): Promise<MetricValue> {
  const schoolIds = await listSubtreeIds(ctx.db, ctx.orgUnitId);
  const rows = await read(schoolIds, ctx.period.startsOn, windowEnd(ctx));
  const units = await unitRefsByIds(
    ctx.db,
    rows.map((r) => r.schoolId),
  );
  return {
    value: rows.reduce((sum, r) => sum + r.count, 0),
    drillDown: rows
      .map((r) => ({
        label: units.get(r.schoolId)?.name ?? r.schoolId,
        value: r.count,
        ref: { type: 'org_unit', id: r.schoolId },
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh')),
  };
}

const participationRate: MetricDefinition = {
  name: ONE_PLUS_X_METRICS.participationRate,
  title: { zh: '“1+X”证书考核参与率', en: '1+X certificate participation rate' },
  description: {
    zh: '期内参加过“1+X”职业技能等级证书考核（至少一次考核记录）的学生人数 ÷ 期末（期间未结束时为今天）在籍学生人数 × 100%，按学校列示',
    en: 'Learners who sat at least one 1+X vocational skill level assessment in the period ÷ learners on the register (在籍) at the period’s end (today while it runs) × 100 %, per school',
  },
  unit: '%',
  compute: (ctx) => sharePerSchool(ctx, (c) => [c.participants, c.onRegister]),
};

const passRate: MetricDefinition = {
  name: ONE_PLUS_X_METRICS.passRate,
  title: { zh: '“1+X”证书考核通过率', en: '1+X certificate pass rate' },
  description: {
    zh: '期内“1+X”职业技能等级证书考核合格人次 ÷ 考核人次 × 100%（以培训评价组织的考核结果为准），按学校列示',
    en: 'Sittings of 1+X vocational skill level assessments passed in the period ÷ all sittings of the period × 100 % (as the 培训评价组织’s results say), per school',
  },
  unit: '%',
  compute: (ctx) => sharePerSchool(ctx, (c) => [c.passes, c.sittings]),
};

const outcomesRecognised: MetricDefinition = {
  name: ONE_PLUS_X_METRICS.outcomesRecognised,
  title: { zh: '学分银行认定的学习成果', en: 'Learning outcomes recognised by the credit bank' },
  description: {
    zh: '期内（期间未结束时至今天）学分银行认定并记入学分账户的学习成果数（到期末已撤销的不计），按学校列示',
    en: 'Learning outcomes the credit bank recognised in the period (to today while it runs), their credits posted, not revoked by its end; per school',
  },
  unit: '项',
  compute: (ctx) =>
    countPerSchool(ctx, (schoolIds, from, to) => recognitionsBySchool(ctx.db, schoolIds, from, to)),
};

const conversionsApproved: MetricDefinition = {
  name: ONE_PLUS_X_METRICS.conversionsApproved,
  title: { zh: '已批准的学分转换', en: 'Credit conversions approved' },
  description: {
    zh: '期内（期间未结束时至今天）区教育局批准的学分转换数，按学校列示',
    en: 'Credit conversions the district approved in the period (to today while it runs), per school',
  },
  unit: '项',
  compute: (ctx) =>
    countPerSchool(ctx, (schoolIds, from, to) => conversionsApprovedBySchool(ctx.db, schoolIds, from, to)),
};

export const ONE_PLUS_X_METRIC_DEFINITIONS: MetricDefinition[] = [
  participationRate,
  passRate,
  outcomesRecognised,
  conversionsApproved,
];
