import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import type { InternshipsDeps } from './internships.deps.ts';
import { insuredPlacements, postsOfferedPerEnterprise } from './internships.metrics.ts';

/**
 * The district's internship numbers for a year, per enterprise: posts and places offered,
 * placements running and how many of them are insured for their whole period. Aggregates only (no
 * student), so every reader with `internship.read` gets them, whatever their scope: the bureaus
 * that keep no internship records see the district through them.
 */
export async function internshipSummary(deps: InternshipsDeps, actor: Actor, year: number) {
  if (!actor.permissions.has('internship.read')) throw forbidden();
  const districtId = actor.districtId ?? actor.orgUnitId;
  const enterprises = await listOrgUnitInfo(deps.db, { under: districtId, types: ['enterprise'] });
  const [offered, running] = await Promise.all([
    postsOfferedPerEnterprise(deps.db, { year, enterpriseIds: enterprises.map((e) => e.id) }),
    insuredPlacements(deps.db, districtId, `${year}-01-01`, `${year}-12-31`),
  ]);
  const rows = enterprises
    .map((e) => {
      const o = offered.get(e.id);
      const mine = running.filter((r) => r.enterpriseId === e.id);
      return {
        enterprise: { id: e.id, code: e.code, name: e.name },
        posts: o?.posts ?? 0,
        places: o?.places ?? 0,
        placements: mine.length,
        insured: mine.filter((r) => r.covered).length,
      };
    })
    .filter((r) => r.posts > 0 || r.placements > 0);
  const sum = (k: 'posts' | 'places' | 'placements' | 'insured') => rows.reduce((n, r) => n + r[k], 0);
  const placements = sum('placements');
  const insured = sum('insured');
  return {
    year,
    enterprises: rows,
    totals: {
      posts: sum('posts'),
      places: sum('places'),
      placements,
      insured,
      coveragePercent: placements === 0 ? null : Math.round((insured / placements) * 1000) / 10,
    },
  };
}
