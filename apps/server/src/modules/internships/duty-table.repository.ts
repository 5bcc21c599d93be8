import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import {
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
function dutyRowsSql(f: {
  year: number;
  districtIds: readonly string[];
  rule: DutyRule;
}): RawBuilder<unknown> {
  const d = sql.val([...f.districtIds]);
  const held = sql`('draft', 'active', 'completed')`;
  const offeredStates = sql`('published', 'closed')`;
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const counted = f.rule.basis === 'offered' ? sql`coalesce(o.places, 0)` : sql`coalesce(fl.filled, 0)`;
  const judged = sql`(reg.above_scale IS TRUE AND reg.staff IS NOT NULL)`;
  return sql`
    reg AS (${registerYearRelation(f.year, f.districtIds)}),
    offered AS (
      SELECT enterprise_id, (array_agg(district_id))[1] AS district_id, count(*)::int AS posts,
        sum(places)::int AS places
      FROM internship_post
      WHERE year = ${f.year}::int AND state IN ${offeredStates} AND district_id = ANY(${d}::uuid[])
      GROUP BY enterprise_id),
    filled AS (
      SELECT po.enterprise_id, count(*)::int AS filled
      FROM internship_post po JOIN internship_placement pl ON pl.post_id = po.id
      WHERE po.year = ${f.year}::int AND po.state IN ${offeredStates} AND po.district_id = ANY(${d}::uuid[])
        AND pl.state IN ${held}
      GROUP BY po.enterprise_id),
    running AS (
      SELECT enterprise_id, (array_agg(district_id))[1] AS district_id, count(*)::int AS placements,
        count(*) FILTER (WHERE insurance_starts_on <= starts_on AND insurance_ends_on >= ends_on)::int AS insured
      FROM internship_placement
      WHERE state IN ('active', 'completed') AND starts_on <= ${to}::date AND ends_on >= ${from}::date
        AND district_id = ANY(${d}::uuid[])
      GROUP BY enterprise_id),
    ids AS (SELECT enterprise_id FROM reg UNION SELECT enterprise_id FROM offered
      UNION SELECT enterprise_id FROM running),
    base AS (
      SELECT ids.enterprise_id, coalesce(reg.district_id, o.district_id, r.district_id) AS district_id,
        reg.enterprise_id IS NOT NULL AS registered, reg.legal_name, reg.uscc, reg.staff, reg.above_scale,
        coalesce(o.posts, 0) AS posts, coalesce(o.places, 0) AS places, coalesce(fl.filled, 0) AS filled,
        coalesce(r.placements, 0) AS placements, coalesce(r.insured, 0) AS insured,
        ${counted} AS counted,
        CASE WHEN ${judged} THEN ${requiredPostsSql(sql`reg.staff`, f.rule)} END AS required
      FROM ids
      LEFT JOIN reg ON reg.enterprise_id = ids.enterprise_id
      LEFT JOIN offered o ON o.enterprise_id = ids.enterprise_id
      LEFT JOIN filled fl ON fl.enterprise_id = ids.enterprise_id
      LEFT JOIN running r ON r.enterprise_id = ids.enterprise_id),
    duty AS (
      SELECT base.*,
        CASE WHEN above_scale IS NULL THEN 'not_judged' WHEN NOT above_scale THEN 'not_applicable'
          WHEN staff IS NULL THEN 'not_judged' WHEN counted >= required THEN 'met' ELSE 'short' END AS status,
        CASE WHEN required IS NOT NULL THEN greatest(0, required - counted) END AS shortfall
      FROM base)`;
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
  const j = sql`status IN ('met', 'short')`;
  const rows = await sql<DutyTotalsRow>`
    WITH ${dutyRowsSql(f)}
    SELECT district_id AS "districtId", count(*)::int AS enterprises,
      count(*) FILTER (WHERE above_scale IS TRUE)::int AS "aboveScale",
      count(*) FILTER (WHERE ${j})::int AS judged,
      count(*) FILTER (WHERE status = 'met')::int AS met,
      count(*) FILTER (WHERE status = 'short')::int AS short,
      count(*) FILTER (WHERE status = 'not_judged')::int AS "notJudged",
      coalesce(sum(staff) FILTER (WHERE ${j}), 0)::bigint AS staff,
      coalesce(sum(required) FILTER (WHERE ${j}), 0)::bigint AS required,
      coalesce(sum(places) FILTER (WHERE ${j}), 0)::bigint AS offered,
      coalesce(sum(filled) FILTER (WHERE ${j}), 0)::bigint AS filled,
      coalesce(sum(counted) FILTER (WHERE ${j}), 0)::bigint AS counted,
      sum(posts)::bigint AS posts, sum(places)::bigint AS places,
      sum(placements)::bigint AS placements, sum(insured)::bigint AS insured
    FROM duty GROUP BY district_id`.execute(db);
  // bigint sums come back as strings from node-postgres: numbers here (a province's staff fits).
  return rows.rows.map((r) => {
    const out = { ...r } as Record<string, unknown>;
    for (const [k, v] of Object.entries(r)) if (k !== 'districtId') out[k] = Number(v);
    return out as unknown as DutyTotalsRow;
  });
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

export interface DutyRowFilter {
  status?: DutyStatus;
  /** Legal name or 统一社会信用代码 contains (literally); unit names are matched by `unitIds`. */
  q?: string;
  /** Also matched by `q`: enterprises whose unit name contains it. */
  qUnitIds?: readonly string[];
  /** Only these enterprises (an enterprise's account: its own). */
  enterpriseIds?: readonly string[];
}

/**
 * The enterprises of the districts a page at a time, with the total: those the duty concerns (规上,
 * or not known whether) and any other that offered posts or had interns; shortest first — short by
 * the largest shortfall, then not judged, met, not applicable — then by name.
 *
 * @example await listDutyRows(db, { year, districtIds: [sd], rule }, { status: 'short' }, { limit: 50, offset: 0 })
 */
export async function listDutyRows(
  db: Executor,
  f: { year: number; districtIds: readonly string[]; rule: DutyRule },
  filter: DutyRowFilter,
  page: { limit: number; offset: number },
): Promise<{ items: DutyEnterpriseRow[]; total: number }> {
  if (f.districtIds.length === 0 || filter.enterpriseIds?.length === 0) return { items: [], total: 0 };
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
  const rows = await sql<DutyEnterpriseRow & { total: number }>`
    WITH ${dutyRowsSql(f)}
    SELECT enterprise_id AS "enterpriseId", district_id AS "districtId", registered, legal_name AS "legalName",
      staff, above_scale AS "aboveScale", status, required::int AS required, shortfall::int AS shortfall,
      posts, places, filled, placements, insured, count(*) OVER ()::int AS total
    FROM duty WHERE ${sql.join(where, sql` AND `)}
    ORDER BY CASE status WHEN 'short' THEN 0 WHEN 'not_judged' THEN 1 WHEN 'met' THEN 2 ELSE 3 END,
      shortfall DESC NULLS LAST, legal_name, enterprise_id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const total = rows.rows[0]?.total ?? 0;
  return { items: rows.rows.map(({ total: _total, ...r }) => r), total };
}
