import type { Executor } from '../../platform/db/database.ts';
import { listOrgUnitInfo, type UnitRef } from '../org/index.ts';
import { listCourseNames, listMajorNames } from './programs.repository.ts';

/** A major's display name: catalogue name, with its direction in brackets. */
export function majorLabel(m: { catalogueName: string; direction: string }): string {
  return m.direction ? `${m.catalogueName}（${m.direction}）` : m.catalogueName;
}

/**
 * The schools of `rows` by id, and the rows in the order of their school's code (stable: within a
 * school the rows keep their order), as lists of school records are shown.
 *
 * @example const { rows, schools } = await orderBySchool(db, majors); schools.get(rows[0].schoolId)?.name
 */
export async function orderBySchool<T extends { schoolId: string }>(
  db: Executor,
  rows: readonly T[],
): Promise<{ rows: T[]; schools: Map<string, UnitRef> }> {
  const units = await listOrgUnitInfo(db, { ids: [...new Set(rows.map((r) => r.schoolId))] });
  const rank = new Map(units.map((u, i) => [u.id, i]));
  return {
    rows: [...rows].sort((a, b) => rank.get(a.schoolId)! - rank.get(b.schoolId)!),
    schools: new Map(units.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }])),
  };
}

/** Names of majors and courses by id, for records that refer to them. */
export async function majorAndCourseNames(
  db: Executor,
  rows: ReadonlyArray<{ majorId: string | null; courseId?: string | null }>,
) {
  const [majors, courses] = await Promise.all([
    listMajorNames(
      db,
      rows.flatMap((r) => (r.majorId ? [r.majorId] : [])),
    ),
    listCourseNames(
      db,
      rows.flatMap((r) => (r.courseId ? [r.courseId] : [])),
    ),
  ]);
  return {
    majors: new Map(majors.map((m) => [m.id, majorLabel(m)])),
    courses: new Map(courses.map((c) => [c.id, c.name])),
  };
}
