import type { Executor } from '../../platform/db/database.ts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { listOrgUnitInfo, listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import { listRunningPlacements, postsOfferedByEnterprise } from './internships.repository.ts';
import { insuranceCovers } from './placement-facts.ts';

/** Metric names (camelCase segments, as plan files require). */
export const INTERNSHIP_METRICS = {
  insuranceCoverage: 'internships.insuranceCoverage',
  placesOffered: 'internships.placesOffered',
} as const;

const percent = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

/**
 * Placements running in a window (active at some time of it, or completed since) whose school or
 * enterprise is at or under `orgUnitId`, each with whether a policy on file covers its whole period.
 */
export async function insuredPlacements(db: Executor, orgUnitId: string, from: string, to: string) {
  const units = await listSubtreeIds(db, orgUnitId);
  const rows = await listRunningPlacements(db, { from, to, unitIds: units });
  return rows.map((r) => ({ ...r, covered: insuranceCovers(r) }));
}

/**
 * Posts offered per enterprise in a year (published or closed; drafts are not offers): how many
 * posts, their places and the placements holding a place on them. The 2 % duty (enterprises
 * module, once its register is merged) reads `places` against each 规上 enterprise's staff.
 *
 * @example (await postsOfferedPerEnterprise(db, { year: 2022 })).get(zhendongId) // { posts: 2, places: 12, filled: 4 }
 */
export function postsOfferedPerEnterprise(
  db: Executor,
  f: { year: number; enterpriseIds?: readonly string[] },
) {
  return postsOfferedByEnterprise(db, { year: f.year, enterpriseIds: f.enterpriseIds ?? null });
}

const insuranceCoverage: MetricDefinition = {
  name: INTERNSHIP_METRICS.insuranceCoverage,
  title: { zh: '学生实习责任保险覆盖率', en: 'Share of internships covered by liability insurance' },
  description: {
    zh: '期内在岗（实习中或已结束）的实习安排中，已登记保险期间覆盖整个实习期的实习责任保险的人数 ÷ 期内在岗实习安排总数 × 100%',
    en: 'Placements running in the period (active, or completed since) with a liability policy on file covering their whole period ÷ all placements running in the period × 100%',
  },
  unit: '%',
  async compute(ctx: MetricContext) {
    const rows = await insuredPlacements(ctx.db, ctx.orgUnitId, ctx.period.startsOn, ctx.period.endsOn);
    const covered = rows.filter((r) => r.covered).length;
    const schools = await unitRefsByIds(
      ctx.db,
      rows.map((r) => r.schoolId),
    );
    const bySchool = new Map<string, { n: number; d: number }>();
    for (const r of rows) {
      const s = bySchool.get(r.schoolId) ?? { n: 0, d: 0 };
      s.d += 1;
      if (r.covered) s.n += 1;
      bySchool.set(r.schoolId, s);
    }
    return {
      value: percent(covered, rows.length),
      numerator: covered,
      denominator: rows.length,
      drillDown: [...bySchool.entries()].map(([id, s]) => ({
        label: schools.get(id)?.name ?? id,
        value: percent(s.n, s.d),
        numerator: s.n,
        denominator: s.d,
        ref: { type: 'org_unit', id },
      })),
    };
  },
};

const placesOffered: MetricDefinition = {
  name: INTERNSHIP_METRICS.placesOffered,
  title: { zh: '企业提供的实习岗位名额', en: 'Internship places offered by enterprises' },
  description: {
    zh: '期末所在年度各企业已发布（含已关闭）的实习岗位名额之和，按企业列示',
    en: 'Places of the internship posts enterprises published (closed ones included) for the year of the period’s end, per enterprise',
  },
  unit: '个',
  async compute(ctx: MetricContext) {
    const enterprises = await listOrgUnitInfo(ctx.db, { under: ctx.orgUnitId, types: ['enterprise'] });
    const offered = await postsOfferedPerEnterprise(ctx.db, {
      year: Number(ctx.period.endsOn.slice(0, 4)),
      enterpriseIds: enterprises.map((e) => e.id),
    });
    return {
      value: [...offered.values()].reduce((n, o) => n + o.places, 0),
      drillDown: enterprises
        .filter((e) => offered.has(e.id))
        .map((e) => ({
          label: e.name,
          value: offered.get(e.id)!.places,
          ref: { type: 'org_unit', id: e.id },
        })),
    };
  },
};

export const INTERNSHIP_METRIC_DEFINITIONS: readonly MetricDefinition[] = [insuranceCoverage, placesOffered];
