import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import { actorUnit, type InternshipsDeps } from './internships.deps.ts';
import { DEFAULT_DUTY_RULE, districtDuty, enterpriseDuty } from '../enterprises/index.ts';
import { enterpriseYears, insuredPlacements } from './internships.metrics.ts';
import { seesSummaryRow } from './internships.policy.ts';

/**
 * The district's internship numbers for a year, per enterprise: posts and places offered,
 * placements running and how many of them are insured for their whole period, and each
 * enterprise's 2 % duty (规上 that year on the register: ceil(staff × 2 %) places) with the
 * district's. Aggregates only (no student), so every reader with `internship.read` gets them,
 * whatever their scope: the bureaus that keep no internship records see the district through them.
 * An enterprise's account gets its own row only (`seesSummaryRow`) with the district's line, which
 * is the published indicator; totals sum the rows shown.
 */
export async function internshipSummary(
  deps: InternshipsDeps,
  actor: Actor,
  year: number,
  filter: { enterpriseId?: string; lang?: 'zh' | 'en' } = {},
) {
  if (!actor.permissions.has('internship.read')) throw forbidden();
  const districtId = actor.districtId ?? actor.orgUnitId;
  const lang = filter.lang ?? 'zh';
  const [years, running, own] = await Promise.all([
    enterpriseYears(deps.db, districtId, year),
    insuredPlacements(deps.db, districtId, `${year}-01-01`, `${year}-12-31`),
    actorUnit(deps.db, actor),
  ]);
  // An enterprise's account is one whose own org unit is of type enterprise (org's record says so).
  const actorIsEnterprise = own.isEnterprise;
  const district = districtDuty(
    years.map((y) => y.record),
    year,
    DEFAULT_DUTY_RULE,
  );
  // Placements counted per enterprise in one pass (a province has ~50,000 enterprises and
  // ~300,000 placements: filtering the list per enterprise would be their product).
  const byEnterprise = new Map<string, { placements: number; insured: number }>();
  for (const r of running) {
    const c = byEnterprise.get(r.enterpriseId) ?? { placements: 0, insured: 0 };
    c.placements += 1;
    if (r.covered) c.insured += 1;
    byEnterprise.set(r.enterpriseId, c);
  }
  const rows = years
    .map(({ unit, record, posts }) => {
      const mine = byEnterprise.get(record.enterpriseId) ?? { placements: 0, insured: 0 };
      const duty = enterpriseDuty(record, DEFAULT_DUTY_RULE);
      return {
        enterprise: { id: unit.id, code: unit.code, name: unit.name },
        posts,
        places: record.postsOffered,
        placements: mine.placements,
        insured: mine.insured,
        duty: {
          status: duty.status,
          staff: record.staff,
          required: duty.required,
          shortfall: duty.shortfall,
          note: duty.note[lang],
        },
        aboveScale: record.aboveScale,
      };
    })
    .filter((r) => seesSummaryRow(actor, actorIsEnterprise, r.enterprise.id))
    .filter((r) => (filter.enterpriseId ? r.enterprise.id === filter.enterpriseId : true))
    .filter((r) => filter.enterpriseId || r.places > 0 || r.placements > 0 || r.aboveScale === true)
    .map(({ aboveScale: _aboveScale, ...r }) => r);
  const sum = (k: 'posts' | 'places' | 'placements' | 'insured') => rows.reduce((n, r) => n + r[k], 0);
  const placements = sum('placements');
  const insured = sum('insured');
  return {
    year,
    enterprises: rows,
    duty: {
      aboveScale: district.aboveScale,
      judged: district.judged,
      met: district.met,
      staff: district.staff,
      places: district.offered,
      sharePercent:
        district.staff === 0 ? null : Math.round((district.offered / district.staff) * 10_000) / 100,
    },
    totals: {
      posts: sum('posts'),
      places: sum('places'),
      placements,
      insured,
      coveragePercent: placements === 0 ? null : Math.round((insured / placements) * 1000) / 10,
    },
  };
}
