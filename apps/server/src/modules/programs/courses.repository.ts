import type { Insertable, Updateable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { inScopeSql } from './programs.repository.ts';
import type { CourseTable, TextbookTable } from './programs.tables.ts';

/** Courses of the schools the actor sees, by name. */
export function listCoursesInScope(db: Executor, actor: Actor, q: { schoolId?: string; majorId?: string }) {
  let query = db.selectFrom('course as c').selectAll('c').where(inScopeSql(actor, 'c.school_id'));
  if (q.schoolId) query = query.where('c.schoolId', '=', q.schoolId);
  if (q.majorId) query = query.where('c.majorId', '=', q.majorId);
  return query.orderBy('c.name').execute();
}

/** The textbooks of the courses, oldest first. */
export function listTextbooks(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('textbook')
    .selectAll()
    .where('courseId', 'in', [...courseIds])
    .orderBy('createdAt')
    .execute();
}

export async function insertCourse(db: Executor, values: Insertable<CourseTable>): Promise<string> {
  return (await db.insertInto('course').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCourse(db: Executor, id: string, set: Updateable<CourseTable>): Promise<void> {
  await db.updateTable('course').set(set).where('id', '=', id).execute();
}

export function findTextbook(db: Executor, id: string) {
  return db.selectFrom('textbook').select(['id', 'courseId']).where('id', '=', id).executeTakeFirst();
}

export async function insertTextbook(db: Executor, values: Insertable<TextbookTable>): Promise<string> {
  return (await db.insertInto('textbook').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTextbook(
  db: Executor,
  id: string,
  set: Updateable<TextbookTable>,
): Promise<void> {
  await db.updateTable('textbook').set(set).where('id', '=', id).execute();
}

export async function deleteTextbook(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('textbook').where('id', '=', id).execute();
}
