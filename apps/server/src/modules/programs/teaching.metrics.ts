import { NATIONAL_STANDARD_LABELS, NATIONAL_STANDARDS } from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds } from '../org/index.ts';
import { listCourseTextbooks, listMajorStandards } from './metrics.repository.ts';
import { majorLabel, orderBySchool } from './programs.view.ts';

/*
 * Metrics of （五） national standards in schools and （六） textbooks, from the majors' recorded
 * standards and the courses' recorded textbooks, as of the metric's date.
 */

/** Metric names, as plan files write them. */
export const TEACHING_METRICS = {
  nationalStandardsShare: 'programs.nationalStandardsShare',
  nationalTextbookCourseShare: 'programs.nationalTextbookCourseShare',
  newFormTextbookCourseShare: 'programs.newFormTextbookCourseShare',
} as const;

const asOf = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * 国家标准落地: majors (not closed) that apply all four national standards (专业教学标准、课程标准、
 * 顶岗实习标准、实训条件建设标准) ÷ all majors. Drill-down: each major with how many it applies and
 * which are missing.
 */
const nationalStandardsShare: MetricDefinition = {
  name: TEACHING_METRICS.nationalStandardsShare,
  title: {
    zh: '全面实施四项国家标准（专业教学、课程、顶岗实习、实训条件）的专业占比',
    en: 'Share of majors applying all four national standards',
  },
  description: {
    zh: '各中职学校在办专业中，专业教学、课程、顶岗实习、实训条件建设四项国家标准全部实施的专业数 ÷ 在办专业总数 × 100%',
    en: 'Majors (not closed) applying all four national standards (teaching, curriculum, internship, training facilities) ÷ all majors × 100%',
  },
  unit: '%',
  async compute(ctx) {
    const found = await listMajorStandards(ctx.db, await listSubtreeIds(ctx.db, ctx.orgUnitId), asOf(ctx));
    const { rows, schools } = await orderBySchool(ctx.db, found);
    const full = rows.filter((m) => m.standards.length === NATIONAL_STANDARDS.length).length;
    return {
      value: percent(full, rows.length),
      numerator: full,
      denominator: rows.length,
      drillDown: rows.map((m) => {
        const missing = NATIONAL_STANDARDS.filter((s) => !m.standards.includes(s));
        const gap = missing.length
          ? `，未实施：${missing.map((s) => NATIONAL_STANDARD_LABELS[s].zh).join('、')}`
          : '';
        return {
          label: `${schools.get(m.schoolId)?.name ?? ''} ${majorLabel({ catalogueName: m.name, direction: m.direction })}：已实施 ${m.standards.length}/${NATIONAL_STANDARDS.length} 项国家标准${gap}`,
          value: m.standards.length,
          ref: { type: 'major', id: m.id },
        };
      }),
    };
  },
};

/**
 * A share of the courses with recorded textbooks that use at least one textbook of a kind. Courses
 * with no textbook recorded are left out (unknown, not "none"): the drill-down lists the courses
 * counted, value 1 when the course uses such a textbook.
 */
function courseShare(
  name: string,
  title: { zh: string; en: string },
  description: { zh: string; en: string },
  pick: (c: { national: number; newForm: number }) => number,
): MetricDefinition {
  return {
    name,
    title,
    description,
    unit: '%',
    async compute(ctx) {
      const found = await listCourseTextbooks(ctx.db, await listSubtreeIds(ctx.db, ctx.orgUnitId), asOf(ctx));
      const { rows, schools } = await orderBySchool(ctx.db, found);
      const using = rows.filter((c) => pick(c) > 0).length;
      return {
        value: percent(using, rows.length),
        numerator: using,
        denominator: rows.length,
        drillDown: rows.map((c) => ({
          label: `${schools.get(c.schoolId)?.name ?? ''} ${c.name}：${pick(c)}/${c.textbooks} 种（${c.titles.join('、')}）`,
          value: pick(c) > 0 ? 1 : 0,
          ref: { type: 'course', id: c.id },
        })),
      };
    },
  };
}

/** This file's metrics: standards applied, national planned and new-form textbooks used. */
export const TEACHING_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  nationalStandardsShare,
  courseShare(
    TEACHING_METRICS.nationalTextbookCourseShare,
    { zh: '使用国家规划教材的课程占比', en: 'Share of courses using national planned textbooks' },
    {
      zh: '已登记教材的课程中，至少使用一种国家规划教材的课程数 ÷ 已登记教材的课程数 × 100%（未登记教材的课程不计）',
      en: 'Courses using at least one national planned textbook ÷ courses with their textbooks recorded × 100% (courses without recorded textbooks are left out)',
    },
    (c) => c.national,
  ),
  courseShare(
    TEACHING_METRICS.newFormTextbookCourseShare,
    {
      zh: '使用新型活页式、工作手册式教材的课程占比',
      en: 'Share of courses using loose-leaf or workbook textbooks',
    },
    {
      zh: '已登记教材的课程中，至少使用一种新型活页式或工作手册式教材的课程数 ÷ 已登记教材的课程数 × 100%（未登记教材的课程不计）',
      en: 'Courses using at least one loose-leaf or workbook textbook ÷ courses with their textbooks recorded × 100% (courses without recorded textbooks are left out)',
    },
    (c) => c.newForm,
  ),
];
