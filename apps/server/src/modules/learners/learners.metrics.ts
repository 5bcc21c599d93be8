import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import { creditBankStepsBy, onePlusXRecognisedBySchool } from './credit-bank.queries.ts';
import { ONE_PLUS_X_METRICS, ONE_PLUS_X_METRIC_DEFINITIONS } from './one-plus-x.metrics.ts';

/** Metric names (camelCase segments, as plan files require). */
export const LEARNER_METRICS = {
  onePlusXSchools: 'learners.onePlusXSchools',
  creditBankInUse: 'learners.creditBankInUse',
  onePlusXParticipationRate: ONE_PLUS_X_METRICS.participationRate,
  onePlusXPassRate: ONE_PLUS_X_METRICS.passRate,
  outcomesRecognised: ONE_PLUS_X_METRICS.outcomesRecognised,
  conversionsApproved: ONE_PLUS_X_METRICS.conversionsApproved,
} as const;

/** The day a count reads to: the period's end, cut at today while it runs. */
const windowEnd = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);

/**
 * T16-1X-PILOT: "职业学校参与“1+X”证书制度试点" — the vocational schools whose students hold a 1+X
 * certificate recognised through the credit bank by the day (a school takes part in the pilot once
 * its students earn the certificates); one drill-down row per school with its count.
 */
const onePlusXSchools: MetricDefinition = {
  name: LEARNER_METRICS.onePlusXSchools,
  title: { zh: '参与“1+X”证书试点的职业学校', en: 'Vocational schools in the 1+X certificate pilot' },
  description: {
    zh: '期末（期间未结束时为今天）前，学生获得的“1+X”职业技能等级证书已经学分银行认定（未撤销）的职业学校数，按学校列示认定证书数',
    en: 'Vocational schools whose students hold a 1+X vocational skill level certificate recognised by the credit bank (not revoked) by the period’s end (today while it runs); per school, the certificates recognised',
  },
  unit: '所',
  async compute(ctx) {
    const schools = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const rows = await onePlusXRecognisedBySchool(ctx.db, schools, windowEnd(ctx));
    const units = await unitRefsByIds(
      ctx.db,
      rows.map((r) => r.schoolId),
    );
    return {
      value: rows.length,
      drillDown: rows.map((r) => ({
        label: `${units.get(r.schoolId)?.name ?? ''}（认定证书 ${Number(r.certificates)} 本）`,
        value: Number(r.certificates),
        ref: { type: 'org_unit', id: r.schoolId },
      })),
    };
  },
};

/**
 * T16-CREDIT-BANK: "开展学历证书和职业技能等级证书所体现的学习成果的认定、积累和转换" — in use once
 * all three steps happened: the smaller of the outcomes recognised (each posting its credits to the
 * learner's account) and the conversions approved, so it is ≥ 1 once both have.
 */
const creditBankInUse: MetricDefinition = {
  name: LEARNER_METRICS.creditBankInUse,
  title: { zh: '学分银行认定、积累和转换', en: 'Credit bank: recognition, accumulation and conversion' },
  description: {
    zh: '期末（期间未结束时为今天）前学分银行已认定（并记入学分账户）的学习成果数与已批准的学分转换数中的较小者：两者都发生过时不小于 1',
    en: 'The smaller of the learning outcomes recognised (their credits posted to the learners’ accounts) and the credit conversions approved by the period’s end (today while it runs): at least 1 once both happened',
  },
  unit: '项',
  async compute(ctx) {
    const schools = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const { recognised, converted } = await creditBankStepsBy(ctx.db, schools, windowEnd(ctx));
    return {
      value: Math.min(recognised, converted),
      drillDown: [
        { label: '已认定并积累的学习成果', value: recognised },
        { label: '已批准的学分转换', value: converted },
      ],
    };
  },
};

export const LEARNER_METRIC_DEFINITIONS: MetricDefinition[] = [
  onePlusXSchools,
  creditBankInUse,
  ...ONE_PLUS_X_METRIC_DEFINITIONS,
];
