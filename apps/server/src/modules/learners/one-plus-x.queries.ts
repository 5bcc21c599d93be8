import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/*
 * The 1+X figures (task （十六）): learners on the register at a day, and the sittings of a period,
 * per school and major — for the statistics page and the plan's metrics. `schoolIds` null: every
 * school; an empty list: none.
 */

/** Counts keyed by school and major. */
export interface SchoolMajorCount {
  schoolId: string;
  majorCode: string;
}

const filterSchools = (schoolIds: readonly string[] | null, column: string) =>
  schoolIds === null
    ? sql`true`
    : sql`${sql.ref(column)} IN (${sql.join(schoolIds.map((id) => sql`${id}`))})`;

/*
 * The 1+X pilot is the students' (学历证书 + 职业技能等级证书): social learners (社会学习者) who sit
 * a certificate are left out of every figure here, numerators and denominators alike.
 */

/**
 * Per school and major, the students whose status on `day` was 在籍: the last line of their status
 * history on or before the day (the learner's current status from the day it took effect counts
 * as the newest line). A learner not yet on the register that day is not counted.
 *
 * @example await enrolledOn(db, [vhsId], '2021-12-31') // [{ schoolId, majorCode: '700206', learners: 120 }]
 */
export async function enrolledOn(db: Executor, schoolIds: readonly string[] | null, day: string) {
  if (schoolIds?.length === 0) return [];
  const { rows } = await sql<SchoolMajorCount & { learners: number | string }>`
    SELECT l.school_id AS "schoolId", l.major_code AS "majorCode", count(*) AS learners
    FROM learner l
    CROSS JOIN LATERAL (
      SELECT s.status FROM (
        SELECT c.to_status AS status, c.changed_on AS on_day, c.seq AS ord
          FROM learner_status_change c WHERE c.learner_id = l.id AND c.changed_on <= ${day}
        UNION ALL
        SELECT l.status, l.status_since, 9223372036854775807 WHERE l.status_since <= ${day}
      ) s ORDER BY s.on_day DESC, s.ord DESC LIMIT 1
    ) st
    WHERE st.status = 'enrolled' AND l.kind = 'student' AND ${filterSchools(schoolIds, 'l.school_id')}
    GROUP BY l.school_id, l.major_code
  `.execute(db);
  return rows.map((r) => ({ schoolId: r.schoolId, majorCode: r.majorCode, learners: Number(r.learners) }));
}

/**
 * Per school and major (the learner's major when it sat), the sittings of `from`–`to`
 * (inclusive): distinct participants, sittings, passes, and passes whose certificate stands
 * recognised (已认定).
 */
export async function sittingsBetween(
  db: Executor,
  schoolIds: readonly string[] | null,
  from: string,
  to: string,
) {
  if (schoolIds?.length === 0) return [];
  const { rows } = await sql<
    SchoolMajorCount & Record<'participants' | 'sittings' | 'passes' | 'recognised', number | string>
  >`
    SELECT s.school_id AS "schoolId", s.major_code AS "majorCode",
      count(DISTINCT s.learner_id) AS participants, count(*) AS sittings,
      count(*) FILTER (WHERE s.passed) AS passes,
      count(o.id) FILTER (WHERE o.status = 'recognised') AS recognised
    FROM certificate_sitting s
    JOIN learner l ON l.id = s.learner_id AND l.kind = 'student'
    LEFT JOIN learning_outcome o ON o.id = s.outcome_id
    WHERE s.exam_on BETWEEN ${from} AND ${to} AND ${filterSchools(schoolIds, 's.school_id')}
    GROUP BY s.school_id, s.major_code
  `.execute(db);
  return rows.map((r) => ({
    schoolId: r.schoolId,
    majorCode: r.majorCode,
    participants: Number(r.participants),
    sittings: Number(r.sittings),
    passes: Number(r.passes),
    recognised: Number(r.recognised),
  }));
}

/** Distinct learners who sat in `from`–`to` per school (a learner of two majors' sittings counted once). */
export async function participantsBySchool(
  db: Executor,
  schoolIds: readonly string[] | null,
  from: string,
  to: string,
) {
  if (schoolIds?.length === 0) return new Map<string, number>();
  const { rows } = await sql<{ schoolId: string; n: number | string }>`
    SELECT s.school_id AS "schoolId", count(DISTINCT s.learner_id) AS n FROM certificate_sitting s
    JOIN learner l ON l.id = s.learner_id AND l.kind = 'student'
    WHERE s.exam_on BETWEEN ${from} AND ${to} AND ${filterSchools(schoolIds, 's.school_id')}
    GROUP BY s.school_id
  `.execute(db);
  return new Map(rows.map((r) => [r.schoolId, Number(r.n)]));
}

/** The name each school gives its majors (from its register). */
export async function majorNames(db: Executor, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('learner')
    .select(['schoolId', 'majorCode', (eb) => eb.fn.min('majorName').as('majorName')])
    .where('schoolId', 'in', [...schoolIds])
    .groupBy(['schoolId', 'majorCode'])
    .execute();
  return new Map(rows.map((r) => [`${r.schoolId}|${r.majorCode}`, r.majorName]));
}
