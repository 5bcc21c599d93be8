import { sql } from 'kysely';
import type { NationalStandard, ProjectLevel, ProjectState } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';

/* SQL of the plan metrics of （五）（六）: standards applied, textbooks used, brand-major projects. */

const none = (ids: readonly string[]) => ids.length === 0;

/**
 * Majors (not closed, opened by `asOf`) of `schoolIds`, by catalogue code and direction, with the
 * national standards they had adopted by `asOf`.
 */
export async function listMajorStandards(db: Executor, schoolIds: readonly string[], asOf: string) {
  if (none(schoolIds)) return [];
  const r = await sql<{
    id: string;
    schoolId: string;
    name: string;
    direction: string;
    standards: NationalStandard[];
  }>`
    SELECT m.id, m.school_id, c.name, m.direction,
      coalesce(array_agg(s.standard ORDER BY s.standard) FILTER (WHERE s.standard IS NOT NULL), '{}') AS standards
    FROM major m
    JOIN major_catalogue c ON c.version = m.catalogue_version AND c.code = m.catalogue_code
    LEFT JOIN major_standard s ON s.major_id = m.id AND s.adopted_on <= ${asOf}::date
    WHERE m.status <> 'closed' AND m.school_id = ANY(${[...schoolIds]}::uuid[])
      AND (m.created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${asOf}::date
    GROUP BY m.id, m.school_id, c.name, m.direction, m.catalogue_code
    ORDER BY m.catalogue_code, m.direction`.execute(db);
  return r.rows;
}

/**
 * Courses of `schoolIds` with at least one textbook recorded by `asOf`: how many, how many are
 * national planned (国家规划教材), how many new-form (活页式 / 工作手册式), and their titles.
 */
export async function listCourseTextbooks(db: Executor, schoolIds: readonly string[], asOf: string) {
  if (none(schoolIds)) return [];
  const r = await sql<{
    id: string;
    schoolId: string;
    name: string;
    textbooks: number;
    national: number;
    newForm: number;
    titles: string[];
  }>`
    SELECT co.id, co.school_id, co.name, count(*)::int AS textbooks,
      count(*) FILTER (WHERE t.national_planned)::int AS national,
      count(*) FILTER (WHERE t.textbook_type IN ('loose_leaf', 'workbook'))::int AS new_form,
      array_agg(t.title ORDER BY t.title) AS titles
    FROM course co
    JOIN textbook t ON t.course_id = co.id AND (t.created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${asOf}::date
    WHERE co.school_id = ANY(${[...schoolIds]}::uuid[])
    GROUP BY co.id, co.school_id, co.name, co.code
    ORDER BY co.code, co.name`.execute(db);
  return r.rows.map((row) => ({
    ...row,
    textbooks: Number(row.textbooks),
    national: Number(row.national),
    newForm: Number(row.newForm),
  }));
}

/** Every brand-major project of `schoolIds` with the dates of its steps and its major's catalogue entry. */
export async function listBrandMajorProjects(db: Executor, schoolIds: readonly string[]) {
  if (none(schoolIds)) return [];
  const r = await sql<{
    id: string;
    title: string;
    schoolId: string;
    majorId: string | null;
    catalogueCode: string | null;
    majorName: string | null;
    direction: string | null;
    state: ProjectState;
    level: ProjectLevel | null;
    appliedOn: string | null;
    approvedOn: string | null;
    midtermOn: string | null;
    closedOn: string | null;
  }>`
    SELECT p.id, p.title, p.school_id, p.major_id, m.catalogue_code, c.name AS major_name, m.direction,
      p.state, p.level, (p.applied_at AT TIME ZONE 'Asia/Shanghai')::date::text AS applied_on,
      p.approved_on, p.midterm_on, p.closed_on
    FROM program_project p
    LEFT JOIN major m ON m.id = p.major_id
    LEFT JOIN major_catalogue c ON c.version = m.catalogue_version AND c.code = m.catalogue_code
    WHERE p.kind = 'brand_major' AND p.school_id = ANY(${[...schoolIds]}::uuid[])
    ORDER BY p.approved_on NULLS LAST, p.title, p.id`.execute(db);
  return r.rows;
}
