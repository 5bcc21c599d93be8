import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** Resources a major needs (shared after review) to count as covered, unless a district sets N. */
export const DEFAULT_COVERAGE_THRESHOLD = 10;

/**
 * Coverage of majors by quality resources: majors with at least `threshold` reviewed resources ÷
 * all majors, in percent with one decimal; 0 when there are no majors.
 *
 * @example resourceCoverage([12, 3, 10, 0], 10) // { covered: 2, total: 4, value: 50 }
 */
export function resourceCoverage(counts: readonly number[], threshold: number) {
  const covered = counts.filter((n) => n >= threshold).length;
  const total = counts.length;
  return { covered, total, value: total === 0 ? 0 : Math.round((covered / total) * 1000) / 10 };
}

/** SQL: the org unit and every unit under it. */
export const subtreeSql = (unitId: string) => sql`
  WITH RECURSIVE sub AS (
    SELECT id FROM org_unit WHERE id = ${unitId}
    UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id
  ) SELECT id FROM sub`;

/** The coverage threshold recorded for the district of `unitId` (or above it), else the default. */
export async function coverageThreshold(db: Executor, unitId: string): Promise<number> {
  const r = await sql<{ value: number }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM org_unit WHERE id = ${unitId}
      UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id
    )
    SELECT s.value FROM program_setting s JOIN up ON up.id = s.district_id
    WHERE s.key = 'resourceCoverageThreshold' ORDER BY up.depth LIMIT 1`.execute(db);
  return r.rows[0] ? Number(r.rows[0].value) : DEFAULT_COVERAGE_THRESHOLD;
}

/**
 * Majors (not closed) of the schools under `unitId`, with how many of their resources had been
 * shared district-wide after review by `asOf`.
 */
export async function majorResourceCounts(db: Executor, unitId: string, asOf: string) {
  const r = await sql<{ id: string; school: string; name: string; direction: string; n: number }>`
    SELECT m.id, s.name AS school, c.name, m.direction,
      (SELECT count(*) FROM teaching_resource r
        WHERE r.major_id = m.id AND r.share_state = 'shared' AND r.shared_on <= ${asOf}::date)::int AS n
    FROM major m
    JOIN org_unit s ON s.id = m.school_id
    JOIN major_catalogue c ON c.version = m.catalogue_version AND c.code = m.catalogue_code
    WHERE m.status <> 'closed' AND m.school_id IN (${subtreeSql(unitId)})
    ORDER BY s.code, m.catalogue_code, m.direction`.execute(db);
  return r.rows.map((row) => ({ ...row, n: Number(row.n) }));
}
