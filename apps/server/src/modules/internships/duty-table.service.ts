import type { Actor } from '../../platform/auth/actor.ts';
import { forbidden, notFound } from '../../platform/errors/app-error.ts';
import { DEFAULT_DUTY_RULE } from '../enterprises/index.ts';
import { listDistrictsUnder, listOrgUnitInfo, unitRefsByIds, type UnitRef } from '../org/index.ts';
import {
  districtDutyPage,
  dutyTotalsByDistrict,
  rowDuty,
  type DutyTotalsRow,
} from './duty-table.repository.ts';
import type { DutyTable, DutyTableQuery } from './duty-table.schema.ts';
import { actorUnit, type InternshipsDeps } from './internships.deps.ts';
import { dutyRowsSeen } from './internships.policy.ts';

const ZERO: Omit<DutyTotalsRow, 'districtId'> = {
  enterprises: 0,
  aboveScale: 0,
  judged: 0,
  met: 0,
  short: 0,
  notJudged: 0,
  staff: 0,
  required: 0,
  offered: 0,
  filled: 0,
  counted: 0,
  posts: 0,
  places: 0,
  placements: 0,
  insured: 0,
};

/** A sum's shares: the T13 ratio (posts counted ÷ staff, 2 decimals) and the insurance coverage. */
function totalsOf(rows: readonly Omit<DutyTotalsRow, 'districtId'>[]): DutyTable['totals'] {
  const sum = { ...ZERO };
  for (const r of rows) for (const k of Object.keys(ZERO) as Array<keyof typeof ZERO>) sum[k] += r[k];
  const { counted, ...shown } = sum;
  return {
    ...shown,
    sharePercent: sum.staff === 0 ? null : Math.round((counted / sum.staff) * 10_000) / 100,
    coveragePercent: sum.placements === 0 ? null : Math.round((sum.insured / sum.placements) * 1000) / 10,
  };
}

/**
 * The 2 % table of task （十三） for a year (实习岗位 2% 落实): for each 规上 enterprise, the posts
 * its staff requires (the plan's rounding of 2 %, DEFAULT_DUTY_RULE), the places it offered, those
 * filled, the shortfall, and the placements running with how many are insured. Aggregates, so
 * every reader with `internship.read` gets them,, whatever their scope.
 * - An actor in a district (`actor.districtId`) gets that district's totals and its enterprises a
 *   page at a time (`status`, `q`, `limit`, `offset`); an enterprise's account only its own row
 *   (`dutyRowsSeen`) under the district's totals, which are the published indicator.
 * - An actor above districts (a city's or province's coordinator) gets one row per district under
 *   its unit and their sum; `districtId` (a district under its unit, else 404) opens that district.
 * The sums are computed in the database (duty-table.repository.ts); each row shown is judged again
 * by the pure `enterpriseDuty`, so its note and numbers are the rule's own.
 *
 * @example await internshipDutyTable(deps, iitClerk, { year: 2022, status: 'short', limit: 50, offset: 0 })
 */
export async function internshipDutyTable(
  deps: InternshipsDeps,
  actor: Actor,
  query: DutyTableQuery,
  lang: 'zh' | 'en' = 'zh',
): Promise<DutyTable> {
  if (!actor.permissions.has('internship.read')) throw forbidden();
  const { db } = deps;
  const rule = DEFAULT_DUTY_RULE;
  const [own, districts] = await Promise.all([
    actorUnit(db, actor),
    // A district's reader: its own district (the list of a district is itself).
    listDistrictsUnder(db, actor.districtId ?? actor.orgUnitId),
  ]);
  let district: UnitRef | null = actor.districtId ? (districts[0] ?? null) : null;
  if (query.districtId) {
    district = districts.find((d) => d.id === query.districtId) ?? null;
    if (!district) throw notFound();
  }
  const base = { year: query.year, rule };
  if (!district) {
    const unit = own.unit ?? { id: actor.orgUnitId, code: '', name: '' };
    const sums = await dutyTotalsByDistrict(db, { ...base, districtIds: districts.map((d) => d.id) });
    const byId = new Map(sums.map((s) => [s.districtId, s]));
    return {
      year: query.year,
      level: 'region',
      unit: { id: unit.id, code: unit.code, name: unit.name },
      totals: totalsOf(sums),
      districts: districts.map((d) => ({ district: d, ...totalsOf([byId.get(d.id) ?? { ...ZERO }]) })),
      enterprises: { items: [], total: 0 },
    };
  }
  const scope = { ...base, districtIds: [district.id] };
  const enterpriseIds = dutyRowsSeen(actor, own.isEnterprise, query.enterpriseId);
  const qUnitIds = query.q
    ? (await listOrgUnitInfo(db, { under: district.id, types: ['enterprise'], nameContains: query.q })).map(
        (u) => u.id,
      )
    : [];
  const page = await districtDutyPage(
    db,
    scope,
    {
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: query.q, qUnitIds } : {}),
      ...(enterpriseIds ? { enterpriseIds } : {}),
    },
    { limit: query.limit, offset: query.offset },
  );
  const names = await unitRefsByIds(
    db,
    page.items.map((r) => r.enterpriseId),
  );
  const items = page.items.map((r) => {
    const duty = rowDuty(r, query.year, rule);
    const unit = names.get(r.enterpriseId);
    return {
      enterprise: unit ?? { id: r.enterpriseId, code: '', name: r.legalName ?? '' },
      districtId: r.districtId,
      registered: r.registered,
      status: duty.status,
      staff: r.staff,
      required: duty.required,
      offered: duty.offered,
      filled: duty.filled,
      shortfall: duty.shortfall,
      posts: r.posts,
      placements: r.placements,
      insured: r.insured,
      note: duty.note[lang],
    };
  });
  return {
    year: query.year,
    level: 'district',
    unit: district,
    totals: totalsOf([page.totals]),
    districts: [],
    enterprises: { items, total: page.total },
  };
}
