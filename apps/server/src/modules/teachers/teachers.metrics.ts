import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { hireComplianceBySchool } from './hire-checks.ts';
import { ratioBySchool } from './ratio.queries.ts';
import { ratioPercent } from './ratio.rules.ts';
import { schoolsUnder } from './school-units.ts';

/** Metric names (camelCase segments, as plan files require: `metric: teachers.dualQualifiedShare`). */
export const TEACHER_METRICS = {
  dualQualifiedShare: 'teachers.dualQualifiedShare',
  recruitmentComplianceShare: 'teachers.recruitmentComplianceShare',
  recognisedCount: 'teachers.recognisedCount',
} as const;

/** The date a metric reads: the period's end, or today while the period runs. */
const asOf = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);

async function ratioRows(ctx: MetricContext) {
  const schools = await schoolsUnder(ctx.db, ctx.orgUnitId);
  const counts = new Map(
    (
      await ratioBySchool(
        ctx.db,
        schools.map((s) => s.id),
        asOf(ctx),
      )
    ).map((r) => [r.schoolId, r]),
  );
  return schools.filter((s) => counts.has(s.id)).map((s) => ({ school: s, ...counts.get(s.id)! }));
}

const dualQualifiedShare: MetricDefinition = {
  name: TEACHER_METRICS.dualQualifiedShare,
  title: {
    zh: '“双师型”教师占专业课教师的比例',
    en: 'Share of dual-qualified teachers among 专业课 teachers',
  },
  description: {
    zh: '各中职学校持有有效“双师型”认定的在岗专业课教师人数 ÷ 在岗专业课教师总数 × 100%（企业兼职教师是否计入依区级设置），按期末（期内为当日）统计',
    en: 'Employed 专业课 teachers holding a valid dual-qualified recognition ÷ all employed 专业课 teachers × 100% across the vocational schools (enterprise part-time teachers counted as the district sets), as of the period’s end (today while it runs)',
  },
  unit: '%',
  async compute(ctx) {
    const rows = await ratioRows(ctx);
    const numerator = rows.reduce((n, r) => n + r.numerator, 0);
    const denominator = rows.reduce((n, r) => n + r.denominator, 0);
    return {
      value: ratioPercent(numerator, denominator),
      numerator,
      denominator,
      drillDown: rows.map((r) => ({
        label: r.school.name,
        value: ratioPercent(r.numerator, r.denominator),
        numerator: r.numerator,
        denominator: r.denominator,
        ref: { type: 'org_unit', id: r.school.id },
      })),
    };
  },
};

const recognisedCount: MetricDefinition = {
  name: TEACHER_METRICS.recognisedCount,
  title: {
    zh: '持有有效“双师型”认定的专业课教师',
    en: '专业课 teachers with a valid dual-qualified recognition',
  },
  description: {
    zh: '各中职学校持有有效“双师型”认定的在岗专业课教师人数，按期末（期内为当日）统计',
    en: 'Employed 专业课 teachers holding a valid dual-qualified recognition across the vocational schools, as of the period’s end (today while it runs)',
  },
  unit: '人',
  async compute(ctx) {
    const rows = await ratioRows(ctx);
    return {
      value: rows.reduce((n, r) => n + r.numerator, 0),
      drillDown: rows.map((r) => ({
        label: r.school.name,
        value: r.numerator,
        ref: { type: 'org_unit', id: r.school.id },
      })),
    };
  },
};

const recruitmentComplianceShare: MetricDefinition = {
  name: TEACHER_METRICS.recruitmentComplianceShare,
  title: {
    zh: '2020年起新聘专业课教师符合招聘条件（或经批准例外）的比例',
    en: 'Share of 专业课 teachers hired since 2020 who meet the recruitment rule (or have an exception)',
  },
  description: {
    zh: '2020年起新聘的专业课教师中，符合招聘条件或经批准例外的人数 ÷ 新聘人数 × 100%（无新聘时为100%），按期末（期内为当日）统计',
    en: '专业课 teachers hired since 2020 who meet the recruitment rule or were granted an exception ÷ all such hires × 100% (100% when nobody was hired), as of the period’s end (today while it runs)',
  },
  unit: '%',
  async compute(ctx) {
    const schools = await schoolsUnder(ctx.db, ctx.orgUnitId);
    const counts = await hireComplianceBySchool(
      ctx.db,
      schools.map((s) => s.id),
      asOf(ctx),
    );
    const rows = schools.filter((s) => counts.has(s.id)).map((s) => ({ school: s, ...counts.get(s.id)! }));
    const hires = rows.reduce((n, r) => n + r.hires, 0);
    const ok = rows.reduce((n, r) => n + r.ok, 0);
    return {
      // No 2020+ hire yet: none broke the rule.
      value: hires === 0 ? 100 : ratioPercent(ok, hires),
      numerator: ok,
      denominator: hires,
      drillDown: rows.map((r) => ({
        label: r.school.name,
        value: ratioPercent(r.ok, r.hires),
        numerator: r.ok,
        denominator: r.hires,
        ref: { type: 'org_unit', id: r.school.id },
      })),
    };
  },
};

/** This module's metrics (plan indicators may be computed by them). */
export const TEACHER_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  dualQualifiedShare,
  recruitmentComplianceShare,
  recognisedCount,
];
