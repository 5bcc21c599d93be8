import type { MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds } from '../org/index.ts';
import {
  countRegisteredByProgram,
  findLatestRegisteredYear,
  listSeasonsFirstPublished,
} from './runs.repository.ts';

/** The name a plan's `computed` indicator uses for 职普比 (plan files allow camelCase segments only). */
export const VOCATIONAL_SHARE_METRIC = 'enrollment.vocationalShare';

/**
 * 职普比 from actual enrolment: 中职 registered ÷ (中职 + 普高 registered), in percent, over the
 * programs of receiving schools in the asked unit's subtree, for the latest season with
 * registrations whose admission year is not after the period's end: a yearly number keeps its
 * value through the quarters until the next season's 报到 (so the dashboard of March shows last
 * autumn's intake, not 无数据). Registered means 报到 confirmed (`registered`), not merely
 * admitted. Asked for one year exactly (`exact`), only that year's season counts. Drill-down: one row per school and one per program, each with its registered count.
 */
export const vocationalShare: MetricDefinition = {
  name: VOCATIONAL_SHARE_METRIC,
  title: {
    zh: '高中阶段教育职普比（中职报到人数占比）',
    en: 'Vocational share of upper-secondary enrolment (registered)',
  },
  description: {
    zh: '最近一个招生季已报到的中职新生人数 ÷（中职 + 普通高中已报到新生人数）× 100%，只计已确认报到的学生',
    en: 'Students registered (报到 confirmed) in vocational programs ÷ students registered in vocational and general upper-secondary programs × 100%, for the latest enrolment season',
  },
  unit: '%',
  async compute(ctx) {
    const units = await listSubtreeIds(ctx.db, ctx.orgUnitId);
    const year = Number(ctx.period.endsOn.slice(0, 4));
    const found = await findLatestRegisteredYear(ctx.db, units, year);
    // Judged per year (exact), a year without a season of its own has no value.
    const latest = ctx.exact && found !== year ? null : found;
    const rows = latest === null ? [] : await countRegisteredByProgram(ctx.db, units, latest);
    let vocational = 0;
    let all = 0;
    const schools = new Map<string, { label: string; value: number; vocational: number }>();
    for (const r of rows) {
      const n = r.n;
      all += n;
      if (r.track === 'vocational') vocational += n;
      const s = schools.get(r.schoolId) ?? { label: r.schoolName, value: 0, vocational: 0 };
      s.value += n;
      if (r.track === 'vocational') s.vocational += n;
      schools.set(r.schoolId, s);
    }
    const trackLabel = (t: string) => (t === 'vocational' ? '中职' : '普高');
    return {
      value: all === 0 ? 0 : Math.round((vocational / all) * 1000) / 10,
      numerator: vocational,
      denominator: all,
      drillDown: [
        ...[...schools].map(([id, s]) => ({
          label: s.label,
          value: s.value,
          numerator: s.vocational,
          denominator: s.value,
          ref: { type: 'org_unit', id },
        })),
        ...rows.map((r) => ({
          label: `${r.schoolName} · ${r.name}（${trackLabel(r.track)}）`,
          value: r.n,
          ref: { type: 'enrollment_program', id: r.id },
        })),
      ],
    };
  },
};

/** 统一招生平台投入使用: enrolment seasons whose results Zhijiao published (first publication in the period). */
export const SEASONS_PUBLISHED_METRIC = 'enrollment.seasonsPublished';

/**
 * Seasons (招生季) of the districts under the asked unit whose match results were first published
 * through Zhijiao in the period (up to today while it runs): the unified enrolment platform is in
 * use once this is ≥ 1. Drill-down: one row per season with its first publication date.
 */
export const seasonsPublished: MetricDefinition = {
  name: SEASONS_PUBLISHED_METRIC,
  title: {
    zh: '通过统一招生平台发布录取结果的招生季',
    en: 'Enrolment seasons whose results were published through the unified platform',
  },
  description: {
    zh: '本期内首次通过统一招生平台发布录取结果的招生季个数',
    en: 'Enrolment seasons whose admission results were first published through the unified platform in the period',
  },
  unit: '个',
  async compute(ctx) {
    const rows = await listSeasonsFirstPublished(ctx.db, {
      districtIds: await listSubtreeIds(ctx.db, ctx.orgUnitId),
      from: ctx.period.startsOn,
      to: ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn,
    });
    return {
      value: rows.length,
      drillDown: rows.map((s) => ({
        label: `${s.name}（${s.admissionYear}年，${s.firstPublishedOn} 首次发布录取结果）`,
        value: 1,
        ref: { type: 'enrollment_season', id: s.id },
      })),
    };
  },
};

/** The enrolment module's metrics. */
export const ENROLLMENT_METRIC_DEFINITIONS: readonly MetricDefinition[] = [vocationalShare, seasonsPublished];
