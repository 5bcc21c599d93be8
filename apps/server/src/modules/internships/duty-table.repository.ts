import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import {
  enterpriseDuty,
  registerYearRelation,
  requiredPostsSql,
  type DutyRule,
  type DutyStatus,
} from '../enterprises/index.ts';

/**
 * The 2 % table in one statement per answer (a province is 50,000 enterprises and 300,000
 * placements: nothing of it is loaded row by row). Each enterprise of the districts — on the
 * register, or offering posts or placements there in the year — with its year's facts (the
 * enterprises module's relation), its posts and places (published or closed that year), the
 * placements holding a place on them, the placements running in the year and how many of them are
 * insured for their whole period, and its duty by the rule (`requiredPostsSql`, the arithmetic of
 * duty.rules.ts). A placement belongs to its school's district, which is its host's (a school
 * places on its own district's posts only), so each part reads its table's district index.
 */
function dutyRowsSql(
  f: { year: number; districtIds: readonly string[]; rule: DutyRule },
  names = false,
): RawBuilder<unknown> {
  const d = sql.val([...f.districtIds]);
  const offeredStates = sql`('published', 'closed')`;
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const counted = f.rule.basis === 'offered' ? sql`places` : sql`filled`;
  // Each source summed per enterprise (a hash aggregate each) and the four joined on the
  // enterprise by hash full joins: no sort of the stacked rows (a province's 250,000), no join of
  // 50,000 × 50,000 rows. The register's row, the posts, the placements holding their places, the
  // placements running in the year.
  return sql`
    reg AS (${registerYearRelation(f.year, f.districtIds)}),
    offers AS (
      SELECT enterprise_id, district_id, count(*)::int AS posts, sum(places)::int AS places
      FROM internship_post
      WHERE year = ${f.year}::int AND state IN ${offeredStates} AND district_id = ANY(${d}::uuid[])
      GROUP BY enterprise_id, district_id),
    fills AS (
      SELECT po.enterprise_id, po.district_id, count(*)::int AS filled
      FROM internship_post po JOIN internship_placement pl ON pl.post_id = po.id
      WHERE po.year = ${f.year}::int AND po.state IN ${offeredStates} AND po.district_id = ANY(${d}::uuid[])
        AND pl.state IN ('draft', 'active', 'completed')
      GROUP BY po.enterprise_id, po.district_id),
    runs AS (
      SELECT enterprise_id, district_id, count(*)::int AS placements,
        (count(*) FILTER (WHERE insurance_starts_on <= starts_on AND insurance_ends_on >= ends_on))::int AS insured
      FROM internship_placement
      WHERE state IN ('active', 'completed') AND starts_on <= ${to}::date AND ends_on >= ${from}::date
        AND district_id = ANY(${d}::uuid[])
      GROUP BY enterprise_id, district_id),
    base AS (
      -- A post's district is its enterprise's, a placement's its school's (the same): one row each.
      SELECT enterprise_id, district_id, reg.enterprise_id IS NOT NULL AS registered, reg.staff, reg.above_scale,
        coalesce(posts, 0) AS posts, coalesce(places, 0) AS places, coalesce(filled, 0) AS filled,
        coalesce(placements, 0) AS placements, coalesce(insured, 0) AS insured
      FROM reg
        FULL JOIN offers USING (enterprise_id, district_id)
        FULL JOIN fills USING (enterprise_id, district_id)
        FULL JOIN runs USING (enterprise_id, district_id)),
    ${
      names
        ? sql`named AS (SELECT base.*, reg.legal_name, reg.uscc FROM base
            LEFT JOIN reg ON reg.enterprise_id = base.enterprise_id),`
        : sql`named AS (SELECT base.*, NULL::text AS legal_name, NULL::text AS uscc FROM base),`
    }
    judged AS (
      SELECT named.*, ${counted} AS counted,
        CASE WHEN above_scale IS TRUE AND staff IS NOT NULL THEN ${requiredPostsSql(sql`staff`, f.rule)} END AS required
      FROM named),
    duty AS MATERIALIZED (
      SELECT judged.*,
        CASE WHEN above_scale IS NULL THEN 'not_judged' WHEN NOT above_scale THEN 'not_applicable'
          WHEN staff IS NULL THEN 'not_judged' WHEN counted >= required THEN 'met' ELSE 'short' END AS status,
        CASE WHEN required IS NOT NULL THEN greatest(0, required - counted) END AS shortfall
      FROM judged)`;
}

/** The sums of the duty's rows: the duty's over judged enterprises, the activity's over all. */
const TOTALS = sql`count(*)::int AS enterprises,
      count(*) FILTER (WHERE above_scale IS TRUE)::int AS "aboveScale",
      count(*) FILTER (WHERE status IN ('met', 'short'))::int AS judged,
      count(*) FILTER (WHERE status = 'met')::int AS met,
      count(*) FILTER (WHERE status = 'short')::int AS short,
      count(*) FILTER (WHERE status = 'not_judged')::int AS "notJudged",
      coalesce(sum(staff) FILTER (WHERE status IN ('met', 'short')), 0)::bigint AS staff,
      coalesce(sum(required) FILTER (WHERE status IN ('met', 'short')), 0)::bigint AS required,
      coalesce(sum(places) FILTER (WHERE status IN ('met', 'short')), 0)::bigint AS offered,
      coalesce(sum(filled) FILTER (WHERE status IN ('met', 'short')), 0)::bigint AS filled,
      coalesce(sum(counted) FILTER (WHERE status IN ('met', 'short')), 0)::bigint AS counted,
      coalesce(sum(posts), 0)::bigint AS posts, coalesce(sum(places), 0)::bigint AS places,
      coalesce(sum(placements), 0)::bigint AS placements, coalesce(sum(insured), 0)::bigint AS insured`;

/** bigint sums come back as strings from node-postgres: numbers here (a province's staff fits). */
function numbers<T extends object>(r: T, keep: readonly string[] = []): T {
  const out = { ...r } as Record<string, unknown>;
  for (const [k, v] of Object.entries(r)) if (!keep.includes(k) && v !== null) out[k] = Number(v);
  return out as T;
}

/** One district's (or the whole answer's) sums: the duty's over judged enterprises, the activity's over all. */
export interface DutyTotalsRow {
  districtId: string;
  enterprises: number;
  aboveScale: number;
  judged: number;
  met: number;
  short: number;
  notJudged: number;
  staff: number;
  required: number;
  /** Places offered by the judged enterprises. */
  offered: number;
  /** Of them, filled. */
  filled: number;
  /** Posts the rule's basis counts, over the judged. */
  counted: number;
  posts: number;
  places: number;
  placements: number;
  insured: number;
}

/**
 * The duty summed per district, one row per district that has any enterprise.
 *
 * @example (await dutyTotalsByDistrict(db, { year: 2022, districtIds, rule }))[0] // { districtId, aboveScale: 171, judged: 162, met: 40, … }
 */
export async function dutyTotalsByDistrict(
  db: Executor,
  f: { year: number; districtIds: readonly string[]; rule: DutyRule },
): Promise<DutyTotalsRow[]> {
  if (f.districtIds.length === 0) return [];
  const rows = await sql<DutyTotalsRow>`
    WITH ${dutyRowsSql(f, false)}
    SELECT district_id AS "districtId", ${TOTALS} FROM duty GROUP BY district_id`.execute(db);
  return rows.rows.map((r) => numbers(r, ['districtId']));
}

/** One enterprise's row of the table. */
export interface DutyEnterpriseRow {
  enterpriseId: string;
  districtId: string;
  registered: boolean;
  legalName: string | null;
  staff: number | null;
  aboveScale: boolean | null;
  status: DutyStatus;
  required: number | null;
  shortfall: number | null;
  posts: number;
  places: number;
  filled: number;
  placements: number;
  insured: number;
}

/** A row of the table judged again by the pure rule (`enterpriseDuty`): its note and numbers are the rule's own. */
export function rowDuty(r: DutyEnterpriseRow, year: number, rule: DutyRule) {
  return enterpriseDuty(
    {
      enterpriseId: r.enterpriseId,
      year,
      aboveScale: r.aboveScale,
      staff: r.staff,
      postsOffered: r.places,
      postsFilled: r.filled,
    },
    rule,
  );
}

interface DutyRowFilter {
  status?: DutyStatus;
  /** Legal name or 统一社会信用代码 contains (literally); unit names are matched by `unitIds`. */
  q?: string;
  /** Also matched by `q`: enterprises whose unit name contains it. */
  qUnitIds?: readonly string[];
  /** Only these enterprises (an enterprise's account: its own). */
  enterpriseIds?: readonly string[];
}

/**
 * One district's sums and its enterprises a page at a time, with how many match, in one statement
 * (the rows are summed once for both): those the duty concerns (规上, or not known whether) and
 * any other that offered posts or had interns; shortest first — short by the largest shortfall,
 * then not judged, met, not applicable — then by name.
 *
 * @example await districtDutyPage(db, { year, districtIds: [sd], rule }, { status: 'short' }, { limit: 50, offset: 0 })
 */
export async function districtDutyPage(
  db: Executor,
  f: { year: number; districtIds: readonly string[]; rule: DutyRule },
  filter: DutyRowFilter,
  page: { limit: number; offset: number },
): Promise<{ totals: Omit<DutyTotalsRow, 'districtId'>; items: DutyEnterpriseRow[]; total: number }> {
  const where = [
    sql`(status <> 'not_applicable' OR places > 0 OR placements > 0)`,
    ...(filter.status ? [sql`status = ${filter.status}`] : []),
    ...(filter.enterpriseIds
      ? [sql`enterprise_id = ANY(${sql.val([...filter.enterpriseIds])}::uuid[])`]
      : []),
    ...(filter.q
      ? [
          sql`(legal_name LIKE ${containsPattern(filter.q)} OR uscc LIKE ${containsPattern(filter.q.toUpperCase())}
            OR enterprise_id = ANY(${sql.val([...(filter.qUnitIds ?? [])])}::uuid[]))`,
        ]
      : []),
  ];
  const { rows } = await sql<{
    totals: Omit<DutyTotalsRow, 'districtId'>;
    total: number;
    items: DutyEnterpriseRow[];
  }>`
    WITH ${dutyRowsSql(f, true)},
    shown AS (SELECT * FROM duty WHERE ${sql.join(where, sql` AND `)}),
    pg AS (
      SELECT enterprise_id AS "enterpriseId", district_id AS "districtId", registered, legal_name AS "legalName",
        staff, above_scale AS "aboveScale", status, required::int AS required, shortfall::int AS shortfall,
        posts, places, filled, placements, insured,
        row_number() OVER (ORDER BY CASE status WHEN 'short' THEN 0 WHEN 'not_judged' THEN 1 WHEN 'met' THEN 2
          ELSE 3 END, shortfall DESC NULLS LAST, legal_name, enterprise_id) AS n
      FROM shown ORDER BY n LIMIT ${page.limit} OFFSET ${page.offset})
    SELECT (SELECT row_to_json(t) FROM (SELECT ${TOTALS} FROM duty) t) AS totals,
      (SELECT count(*)::int FROM shown) AS total,
      coalesce((SELECT json_agg(pg ORDER BY n) FROM pg), '[]'::json) AS items`.execute(db);
  const row = rows[0]!;
  return {
    totals: numbers(row.totals),
    total: Number(row.total),
    items: row.items.map(({ n: _n, ...r }: DutyEnterpriseRow & { n?: number }) => r),
  };
}
