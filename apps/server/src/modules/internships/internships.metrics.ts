import type { Executor } from '../../platform/db/database.ts';
import type { MetricContext, MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import {
  DEFAULT_DUTY_RULE,
  districtDuty,
  enterpriseDuty,
  enterpriseYearFacts,
  type EnterpriseYear,
} from '../enterprises/index.ts';
import { findDistrictOf, listOrgUnitInfo, listSubtreeIds, unitRefsByIds } from '../org/index.ts';
import { listRunningPlacements, postsOfferedByEnterprise } from './internships.repository.ts';
import { insuranceCovers } from './placement-facts.ts';

/** Metric names (camelCase segments, as plan files require). */
export const INTERNSHIP_METRICS = {
  insuranceCoverage: 'internships.insuranceCoverage',
  placesOffered: 'internships.placesOffered',
  aboveScalePostShare: 'internships.aboveScalePostShare',
} as const;

const percent = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

/**
 * Placements running in a window (active at some time of it, or completed since) whose school or
 * enterprise is at or under `orgUnitId`, each with whether a policy on file covers its whole period.
 */
export async function insuredPlacements(db: Executor, orgUnitId: string, from: string, to: string) {
  const [units, district] = await Promise.all([listSubtreeIds(db, orgUnitId), findDistrictOf(db, orgUnitId)]);
  // A placement's district is its school's (a school places on its own district's posts only):
  // within a district that one, above districts the ones under the unit. Read through the
  // placements' district index, not by a scan of every placement.
  const districtIds = district ? [district] : units;
  const rows = await listRunningPlacements(db, { from, to, unitIds: units, districtIds });
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
  f: { year: number; enterpriseIds?: readonly string[]; districtIds?: readonly string[] },
) {
  return postsOfferedByEnterprise(db, {
    year: f.year,
    enterpriseIds: f.enterpriseIds ?? null,
    ...(f.districtIds ? { districtIds: f.districtIds } : {}),
  });
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

/**
 * Each enterprise under `orgUnitId` with its register facts (规上, staff) and its posts for `year`:
 * the 2 % duty's inputs. Places count as posts (a post of 5 places is 5 实习岗位).
 */
export async function enterpriseYears(db: Executor, orgUnitId: string, year: number) {
  const [enterprises, district] = await Promise.all([
    listOrgUnitInfo(db, { under: orgUnitId, types: ['enterprise'] }),
    findDistrictOf(db, orgUnitId),
  ]);
  const ids = enterprises.map((e) => e.id);
  // A post's district is its enterprise's: within a district's, read through the posts' district index.
  const [facts, offered] = await Promise.all([
    enterpriseYearFacts(db, ids, year),
    postsOfferedPerEnterprise(db, {
      year,
      enterpriseIds: ids,
      ...(district ? { districtIds: [district] } : {}),
    }),
  ]);
  return enterprises.map((e) => {
    const f = facts.get(e.id);
    const o = offered.get(e.id);
    const record: EnterpriseYear = {
      enterpriseId: e.id,
      year,
      aboveScale: f?.aboveScale ?? null,
      staff: f?.staff ?? null,
      postsOffered: o?.places ?? 0,
      postsFilled: o?.filled ?? 0,
    };
    return { name: e.name, unit: { id: e.id, code: e.code, name: e.name }, record, posts: o?.posts ?? 0 };
  });
}

/**
 * T13-INTERN-POSTS: "规模以上企业按职工总数的2%安排实习岗位". Over the enterprises 规上 in the year of
 * the period's end whose staff count is on file (duty.rules.ts `districtDuty`): the places they
 * offered ÷ their staff × 100 %. Each enterprise's own duty — ceil(staff × 2 %) posts, rounding per
 * DEFAULT_DUTY_RULE — is shown on its register page; its drill-down row gives its own share
 * (places ÷ staff), so a district above 2 % in sum still shows the enterprises below it.
 */
const aboveScalePostShare: MetricDefinition = {
  name: INTERNSHIP_METRICS.aboveScalePostShare,
  title: {
    zh: '规模以上企业实习岗位占职工总数的比例',
    en: 'Internship posts at above-scale enterprises as a share of their staff',
  },
  description: {
    zh: '期末所在年度规模以上企业（企业名录登记的规上标识及职工总数）已发布（含已关闭）的实习岗位名额之和 ÷ 这些企业的职工总数之和 × 100%；规上标识或职工总数未登记的企业不计入并单列。每家企业应提供岗位数 = 职工总数 × 2%，向上取整，逐家列示是否达到。',
    en: 'Places of the internship posts published (closed ones included) in the year of the period’s end by the enterprises above scale that year (the register’s flag and staff count) ÷ those enterprises’ staff × 100 %; enterprises whose flag or staff count is not on file are left out and listed. Each enterprise owes staff × 2 % posts, rounded up, shown one by one.',
  },
  unit: '%',
  async compute(ctx: MetricContext) {
    const year = Number(ctx.period.endsOn.slice(0, 4));
    const rows = await enterpriseYears(ctx.db, ctx.orgUnitId, year);
    const duty = districtDuty(
      rows.map((r) => r.record),
      year,
      DEFAULT_DUTY_RULE,
    );
    const posts = DEFAULT_DUTY_RULE.basis === 'offered' ? duty.offered : duty.filled;
    return {
      value: duty.staff === 0 ? 0 : Math.round((posts / duty.staff) * 10_000) / 100,
      numerator: posts,
      denominator: duty.staff,
      drillDown: rows
        .filter((r) => r.record.aboveScale !== false)
        .map((r) => {
          const d = enterpriseDuty(r.record, DEFAULT_DUTY_RULE);
          const counted = DEFAULT_DUTY_RULE.basis === 'offered' ? d.offered : d.filled;
          const staff = r.record.staff ?? 0;
          return {
            label: r.name,
            value: staff === 0 ? 0 : Math.round((counted / staff) * 10_000) / 100,
            numerator: counted,
            denominator: staff,
            ref: { type: 'org_unit', id: r.record.enterpriseId },
          };
        }),
    };
  },
};

export const INTERNSHIP_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  insuranceCoverage,
  placesOffered,
  aboveScalePostShare,
];
