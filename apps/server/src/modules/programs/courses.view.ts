import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { listCoursePartners } from './course-partners.ts';
import { listTextbooks } from './courses.repository.ts';
import { mayManageSchool } from './programs.policy.ts';
import type { CourseTable } from './programs.tables.ts';
import { majorAndCourseNames, orderBySchool } from './programs.view.ts';

/** Courses as the API shows them, by school: their major by name and their textbooks. */
export async function describeCourses(
  db: Executor,
  actor: Actor,
  courses: readonly Selectable<CourseTable>[],
) {
  const [{ rows, schools }, names, books, partners] = await Promise.all([
    orderBySchool(db, courses),
    majorAndCourseNames(db, courses),
    listTextbooks(
      db,
      courses.map((c) => c.id),
    ),
    listCoursePartners(
      db,
      courses.map((c) => c.id),
    ),
  ]);
  return rows.map((c) => ({
    id: c.id,
    school: schools.get(c.schoolId)!,
    major: c.majorId ? { id: c.majorId, name: names.majors.get(c.majorId) ?? '' } : null,
    code: c.code,
    name: c.name,
    category: c.category,
    hours: c.hours,
    partnerEnterprises: partners
      .filter((p) => p.courseId === c.id)
      .map((p) => ({ id: p.enterpriseId, name: p.name, sinceYear: p.sinceYear })),
    textbooks: books
      .filter((b) => b.courseId === c.id)
      .map((b) => ({
        id: b.id,
        title: b.title,
        isbn: b.isbn,
        publisher: b.publisher,
        nationalPlanned: b.nationalPlanned,
        textbookType: b.textbookType,
        hasDigitalResources: b.hasDigitalResources,
        digitalResources: b.digitalResources,
      })),
    abilities: { edit: mayManageSchool(actor, c.schoolId) },
  }));
}
