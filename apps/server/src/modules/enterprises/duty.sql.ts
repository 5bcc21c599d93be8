import { sql, type RawBuilder } from 'kysely';
import type { DutyRule } from './duty.rules.ts';

/**
 * The 2 % duty's inputs and arithmetic as SQL, for a caller that rolls the duty up in the database
 * (the internships module's 2 % table over a province's 50,000 enterprises): the same numbers as
 * duty.rules.ts, which the caller's tests compare row by row. Fragments only: the caller runs them.
 */

/**
 * The register's enterprises of some districts with their facts for `year`, as a relation:
 * `(enterprise_id, district_id, legal_name, uscc, staff, above_scale)`; an enterprise without a row
 * for the year has null staff and 规上 flag (its duty is not judged).
 *
 * @example sql`WITH reg AS (${registerYearRelation(2022, [districtId])}) SELECT count(*) FROM reg`
 */
export function registerYearRelation(year: number, districtIds: readonly string[]): RawBuilder<unknown> {
  const ids = sql.val([...districtIds]);
  // A district's few hundred enterprises are looked up by key; a province's 50,000 read in one pass
  // (the planner, not knowing how many a district holds, would read the whole year for one).
  return districtIds.length === 1
    ? sql`SELECT e.org_unit_id AS enterprise_id, e.district_id, e.legal_name, e.uscc, ey.staff, ey.above_scale
        FROM enterprise e
        LEFT JOIN LATERAL (SELECT staff, above_scale FROM enterprise_year
          WHERE enterprise_id = e.org_unit_id AND year = ${year}::int) ey ON true
        WHERE e.district_id = ANY(${ids}::uuid[])`
    : sql`SELECT e.org_unit_id AS enterprise_id, e.district_id, e.legal_name, e.uscc, ey.staff, ey.above_scale
        FROM enterprise e
        LEFT JOIN enterprise_year ey ON ey.enterprise_id = e.org_unit_id AND ey.year = ${year}::int
        WHERE e.district_id = ANY(${ids}::uuid[])`;
}

/**
 * `requiredPosts` (duty.rules.ts) over an integer SQL expression of staff: staff × basis points ÷
 * 10,000 in integer arithmetic, rounded by the rule ('round' takes halves up); null stays null.
 *
 * @example requiredPostsSql(sql.ref('staff'), DEFAULT_DUTY_RULE) // (staff::bigint * 200 + 9999) / 10000
 */
export function requiredPostsSql(staff: RawBuilder<unknown>, rule: DutyRule): RawBuilder<number | null> {
  const bp = sql.lit(rule.basisPoints);
  const add = rule.rounding === 'ceil' ? 9_999 : rule.rounding === 'round' ? 5_000 : 0;
  return sql<number | null>`((${staff})::bigint * ${bp} + ${sql.lit(add)}) / 10000`;
}
