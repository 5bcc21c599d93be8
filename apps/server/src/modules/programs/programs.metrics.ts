import {
  PROJECT_KIND_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_LEVELS,
  PROJECT_STATE_LABELS,
  type ProjectKind,
  type ProjectLevel,
} from '@zhijiao/contracts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds } from '../org/index.ts';
import { brandMajorCount } from './brand-majors.ts';
import { coverageThreshold, majorResourceCounts, resourceCoverage } from './coverage.ts';
import { levelsFrom } from './project-lifecycle.ts';
import { majorLabel, orderBySchool } from './programs.view.ts';
import { listCountedProjects } from './projects.repository.ts';
import { TEACHING_METRIC_DEFINITIONS } from './teaching.metrics.ts';

/**
 * A count of recognised projects of one kind at some levels, in one state as of the metric's
 * date: `approved` = 立项 by then and not failed since; `accepted` = passed 验收 by then.
 */
interface ProjectCount {
  name: string;
  kind: ProjectKind;
  levels: readonly ProjectLevel[];
  count: 'approved' | 'accepted';
  title: { zh: string; en: string };
  description: { zh: string; en: string };
}

/**
 * The counts the plans ask for, each as approved and as accepted (a plan names the one its text
 * means). Levels: "provincial" counts provincial and national (a national one is also above the
 * provincial bar); district master teachers count the district's own selection only.
 */
const GRID: Array<{
  stem: string;
  kind: ProjectKind;
  levels: readonly ProjectLevel[];
  zh: string;
  en: string;
}> = [
  // The plan states no level for its 5 brand majors: the district's own recognition (区级) and up
  // counts, once per major (brand-majors.ts).
  { stem: 'brandMajors', kind: 'brand_major', levels: PROJECT_LEVELS, zh: '品牌专业', en: 'brand majors' },
  {
    stem: 'provincialQualityCourses',
    kind: 'quality_course',
    levels: levelsFrom('provincial'),
    zh: '省级及以上精品课程',
    en: 'provincial (or national) quality courses',
  },
  {
    stem: 'provincialMasterStudios',
    kind: 'master_studio',
    levels: levelsFrom('provincial'),
    zh: '省级及以上“双师型”名师工作室',
    en: 'provincial (or national) master-teacher studios',
  },
  {
    stem: 'provincialInnovationTeams',
    kind: 'innovation_team',
    levels: levelsFrom('provincial'),
    zh: '省级及以上教师教学创新团队',
    en: 'provincial (or national) teaching innovation teams',
  },
  {
    stem: 'districtMasterTeachers',
    kind: 'master_teacher',
    levels: ['district'],
    zh: '区级“双师型”教学名师',
    en: 'district master teachers',
  },
  {
    stem: 'provincialIdeologyStudios',
    kind: 'ideology_studio',
    levels: levelsFrom('provincial'),
    zh: '省级及以上思政教育工作室',
    en: 'provincial (or national) ideological education studios',
  },
  {
    stem: 'provincialCultureBrands',
    kind: 'culture_brand',
    levels: levelsFrom('provincial'),
    zh: '省级及以上特色文化育人品牌',
    en: 'provincial (or national) culture education brands',
  },
  {
    stem: 'ideologyMicroCourses',
    kind: 'ideology_micro_course',
    levels: PROJECT_LEVELS,
    zh: '思政微课',
    en: 'ideological micro-courses',
  },
];

/** Every project-count metric: `programs.<stem>Approved` and `programs.<stem>Accepted`. */
export const PROJECT_COUNT_METRICS: ProjectCount[] = GRID.flatMap((g) =>
  (['approved', 'accepted'] as const).map((count) => ({
    name: `programs.${g.stem}${count === 'approved' ? 'Approved' : 'Accepted'}`,
    kind: g.kind,
    levels: g.levels,
    count,
    title: {
      zh: `${count === 'approved' ? '已立项' : '验收通过'}的${g.zh}`,
      en: `${count === 'approved' ? 'Approved' : 'Accepted'} ${g.en}`,
    },
    description:
      count === 'approved'
        ? {
            zh: `截至期末（期内为当日）已立项且此后未判定为“未通过”的${g.zh}个数`,
            en: `${g.en} approved by the period’s end (today while it runs) and not failed since`,
          }
        : {
            zh: `截至期末（期内为当日）已通过验收的${g.zh}个数`,
            en: `${g.en} that passed acceptance by the period’s end (today while it runs)`,
          },
  })),
);

const asOfDate = (ctx: MetricContext) => (ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn);

function projectCountMetric(spec: ProjectCount): MetricDefinition {
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    unit: spec.kind === 'quality_course' || spec.kind === 'ideology_micro_course' ? '门' : '个',
    async compute(ctx) {
      // Brand majors count majors, not projects, and show the plan's five named majors.
      if (spec.kind === 'brand_major') return brandMajorCount(ctx, spec);
      const projects = await listCountedProjects(ctx.db, {
        kind: spec.kind,
        levels: spec.levels,
        count: spec.count,
        asOf: asOfDate(ctx),
        schoolIds: await listSubtreeIds(ctx.db, ctx.orgUnitId),
      });
      const { rows, schools } = await orderBySchool(ctx.db, projects);
      return {
        value: rows.length,
        drillDown: rows.map((r) => ({
          label: `${schools.get(r.schoolId)!.name}：${r.title}（${PROJECT_LEVEL_LABELS[r.level].zh}${PROJECT_KIND_LABELS[spec.kind].zh}，${PROJECT_STATE_LABELS[r.state].zh}）`,
          value: 1,
          ref: { type: 'program_project', id: r.id },
        })),
      };
    },
  };
}

/** `programs.resourceCoverage`: majors with ≥ N resources shared after review ÷ all majors. */
const resourceCoverageMetric: MetricDefinition = {
  name: 'programs.resourceCoverage',
  title: {
    zh: '优质教学资源覆盖的专业比例（审核共享资源达到 N 个的专业占比）',
    en: 'Share of majors with at least N reviewed (shared) teaching resources',
  },
  description: {
    zh: '审核通过并共享的教学资源达到区级设定数量的专业数 ÷ 在办专业总数 × 100%',
    en: 'Majors with at least the district’s set number of reviewed, shared teaching resources ÷ all majors × 100%',
  },
  unit: '%',
  async compute(ctx) {
    const [threshold, majors] = await Promise.all([
      coverageThreshold(ctx.db, ctx.orgUnitId),
      majorResourceCounts(ctx.db, ctx.orgUnitId, asOfDate(ctx)),
    ]);
    const c = resourceCoverage(
      majors.map((m) => m.n),
      threshold,
    );
    return {
      value: c.value,
      numerator: c.covered,
      denominator: c.total,
      drillDown: majors.map((m) => ({
        label: `${m.school} ${majorLabel({ catalogueName: m.name, direction: m.direction })}：${m.n} 个审核共享资源（达标线 ${threshold}）`,
        value: m.n,
        ref: { type: 'major', id: m.id },
      })),
    };
  },
};

/** This module's metrics (plan indicators may be computed by them). */
export const PROGRAM_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  ...PROJECT_COUNT_METRICS.map(projectCountMetric),
  resourceCoverageMetric,
  ...TEACHING_METRIC_DEFINITIONS,
];
