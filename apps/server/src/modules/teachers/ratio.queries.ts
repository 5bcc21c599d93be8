import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { levelRankSql } from './teachers.repository.ts';

/**
 * The 双师型 ratio in SQL, for any number of schools at once: the same definition as
 * `dualQualifiedRatio` (ratio.rules.ts), one grouped pass over `teacher` with semi-joins on the
 * indexed date ranges of `teacher_specialised_period` and `dq_recognition`. Whether enterprise
 * part-time teachers count is read per teacher from their district's `teacher_setting`.
 */

/** Rows of `teacher t` counted on `date` (employed, teaching 专业课, series counted by the setting). */
function countedSql(date: string, schoolIds: readonly string[] | null): RawBuilder<boolean> {
  const scope = schoolIds === null ? sql`true` : sql`t.school_id = ANY(${[...schoolIds]}::uuid[])`;
  return sql<boolean>`${scope}
    AND t.hire_date <= ${date}::date AND (t.leave_date IS NULL OR t.leave_date > ${date}::date)
    AND (t.series = 'full_time' OR COALESCE(s.count_part_time, false))
    AND EXISTS (SELECT 1 FROM teacher_specialised_period p WHERE p.teacher_id = t.id
      AND p.starts_on <= ${date}::date AND (p.ends_on IS NULL OR p.ends_on >= ${date}::date))`;
}

function recognisedSql(date: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM dq_recognition r WHERE r.teacher_id = t.id
    AND r.valid_from <= ${date}::date AND r.valid_until >= ${date}::date)`;
}

export interface RatioCounts {
  numerator: number;
  denominator: number;
}

/**
 * Numerator and denominator per school on `date`, for the given schools (null: every school).
 * Schools with nobody counted are absent.
 *
 * @example await ratioBySchool(db, [vhsId], '2021-06-30') // [{ schoolId: vhsId, numerator: 12, denominator: 20 }]
 */
export async function ratioBySchool(
  db: Executor,
  schoolIds: readonly string[] | null,
  date: string,
): Promise<Array<RatioCounts & { schoolId: string }>> {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const rows = await sql<{ schoolId: string; numerator: number; denominator: number }>`
    SELECT t.school_id, count(*)::int AS denominator, count(*) FILTER (WHERE ${recognisedSql(date)})::int AS numerator
    FROM teacher t LEFT JOIN teacher_setting s ON s.district_id = t.district_id
    WHERE ${countedSql(date, schoolIds)}
    GROUP BY t.school_id`.execute(db);
  return rows.rows.map((r) => ({
    schoolId: r.schoolId,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }));
}

/** Numerator and denominator per major taught (a teacher of two majors counts in both). */
export async function ratioByMajor(
  db: Executor,
  schoolIds: readonly string[] | null,
  date: string,
): Promise<Array<RatioCounts & { majorCode: string; majorName: string }>> {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const rows = await sql<{ majorCode: string; majorName: string; numerator: number; denominator: number }>`
    SELECT m.major_code, max(m.major_name) AS major_name, count(*)::int AS denominator,
      count(*) FILTER (WHERE ${recognisedSql(date)})::int AS numerator
    FROM teacher t JOIN teacher_major m ON m.teacher_id = t.id
    LEFT JOIN teacher_setting s ON s.district_id = t.district_id
    WHERE ${countedSql(date, schoolIds)}
    GROUP BY m.major_code ORDER BY m.major_code`.execute(db);
  return rows.rows.map((r) => ({ ...r, numerator: Number(r.numerator), denominator: Number(r.denominator) }));
}

/**
 * The teachers behind the ratio on `date`: everyone counted, with whether (and how) recognised; by
 * school in the order of `schoolIds` (null: every school, by id), the recognised first, then name.
 */
export async function ratioTeachers(
  db: Executor,
  schoolIds: readonly string[] | null,
  date: string,
  opts: { majorCode?: string; limit: number; offset: number },
) {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const major = opts.majorCode
    ? sql`AND EXISTS (SELECT 1 FROM teacher_major m WHERE m.teacher_id = t.id AND m.major_code = ${opts.majorCode})`
    : sql``;
  const school =
    schoolIds === null ? sql`t.school_id` : sql`array_position(${[...schoolIds]}::uuid[], t.school_id)`;
  const rows = await sql<{
    id: string;
    name: string;
    idMasked: string;
    series: 'full_time' | 'enterprise_part_time';
    schoolId: string;
    dqLevel: 'junior' | 'intermediate' | 'senior' | null;
    dqValidUntil: string | null;
  }>`
    SELECT t.id, t.name, t.id_masked, t.series, t.school_id, dq.level AS dq_level, dq.valid_until AS dq_valid_until
    FROM teacher t
    LEFT JOIN teacher_setting s ON s.district_id = t.district_id
    LEFT JOIN LATERAL (SELECT r.level, r.valid_until FROM dq_recognition r WHERE r.teacher_id = t.id
      AND r.valid_from <= ${date}::date AND r.valid_until >= ${date}::date
      ORDER BY ${levelRankSql('r.level')} DESC, r.valid_until DESC LIMIT 1) dq ON true
    WHERE ${countedSql(date, schoolIds)} ${major}
    ORDER BY ${school}, (dq.level IS NULL), t.name, t.id
    LIMIT ${opts.limit} OFFSET ${opts.offset}`.execute(db);
  return rows.rows;
}
