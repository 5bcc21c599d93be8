import type { CourseCategory, TextbookType } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { canSeeSchoolRecord, mayManageSchool } from './programs.policy.ts';
import { checkSchoolRefs, inScopeSql, majorLabel, resolveSchool, unitRefs } from './programs.repository.ts';

export interface CourseInput {
  schoolId?: string;
  majorId?: string | null;
  code: string;
  name: string;
  category: CourseCategory;
  hours?: number | null;
}

export interface TextbookInput {
  title: string;
  isbn: string;
  publisher: string;
  nationalPlanned: boolean;
  textbookType: TextbookType;
  hasDigitalResources: boolean;
  digitalResources: string;
}

/** Courses of a school (公共基础课 / 专业课, optionally under a major) and their textbooks. */
export function createCoursesService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function loadFor(actor: Actor, id: string) {
    const c = await db.selectFrom('course').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c || !canSeeSchoolRecord(actor, c.schoolId)) throw notFound();
    return c;
  }

  async function loadForChange(actor: Actor, id: string) {
    const c = await loadFor(actor, id);
    if (!mayManageSchool(actor, c.schoolId)) throw new AppError('FORBIDDEN', 403);
    return c;
  }

  async function describe(
    actor: Actor,
    rows: Array<{ id: string; schoolId: string; majorId: string | null } & Record<string, unknown>>,
  ) {
    const ids = rows.map((r) => r.id);
    const majorIds = rows.map((r) => r.majorId).filter((m): m is string => !!m);
    const [schools, majors, books] = await Promise.all([
      unitRefs(
        db,
        rows.map((r) => r.schoolId),
      ),
      majorIds.length
        ? db
            .selectFrom('major as m')
            .innerJoin('majorCatalogue as c', (j) =>
              j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
            )
            .select(['m.id', 'm.direction', 'c.name as catalogueName'])
            .where('m.id', 'in', majorIds)
            .execute()
        : [],
      ids.length
        ? db.selectFrom('textbook').selectAll().where('courseId', 'in', ids).orderBy('createdAt').execute()
        : [],
    ]);
    const majorName = new Map(majors.map((m) => [m.id, majorLabel(m)]));
    return rows.map((c) => ({
      id: c.id,
      school: schools.get(c.schoolId)!,
      major: c.majorId ? { id: c.majorId, name: majorName.get(c.majorId) ?? '' } : null,
      code: c.code as string,
      name: c.name as string,
      category: c.category as CourseCategory,
      hours: c.hours as number | null,
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

  /** Courses the actor sees, by school, major and name. */
  async function listCourses(actor: Actor, q: { schoolId?: string; majorId?: string } = {}) {
    let query = db
      .selectFrom('course as c')
      .innerJoin('orgUnit as s', 's.id', 'c.schoolId')
      .selectAll('c')
      .where(inScopeSql(actor, 'c.school_id'));
    if (q.schoolId) query = query.where('c.schoolId', '=', q.schoolId);
    if (q.majorId) query = query.where('c.majorId', '=', q.majorId);
    return describe(actor, await query.orderBy('s.code').orderBy('c.name').execute());
  }

  async function getCourse(actor: Actor, id: string) {
    return (await describe(actor, [await loadFor(actor, id)]))[0]!;
  }

  async function record(trx: Executor, actor: Actor, action: string, id: string, details: object) {
    await audit.record(trx, auditActorOf(actor), {
      action: `programs.${action}`,
      objectType: action.startsWith('textbook') ? 'textbook' : 'course',
      objectId: id,
      details: { ...details },
    });
  }

  async function createCourse(actor: Actor, input: CourseInput) {
    const { schoolId } = await resolveSchool(db, actor, input.schoolId);
    await checkSchoolRefs(db, schoolId, { majorId: input.majorId });
    const id = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const row = await trx
        .insertInto('course')
        .values({
          schoolId,
          majorId: input.majorId ?? null,
          code: input.code.trim(),
          name: input.name.trim(),
          category: input.category,
          hours: input.hours ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await record(trx, actor, 'course.created', row.id, { schoolId, name: input.name.trim() });
      return row.id;
    });
    return getCourse(actor, id);
  }

  async function updateCourse(actor: Actor, id: string, input: Omit<CourseInput, 'schoolId'>) {
    const c = await loadForChange(actor, id);
    await checkSchoolRefs(db, c.schoolId, { majorId: input.majorId });
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('course')
        .set({
          majorId: input.majorId ?? null,
          code: input.code.trim(),
          name: input.name.trim(),
          category: input.category,
          hours: input.hours ?? null,
          updatedAt: clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await record(trx, actor, 'course.updated', id, { name: input.name.trim() });
    });
    return getCourse(actor, id);
  }

  async function addTextbook(actor: Actor, courseId: string, input: TextbookInput) {
    await loadForChange(actor, courseId);
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('textbook')
        .values({ courseId, ...trimmed(input), createdAt: clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await record(trx, actor, 'textbook.added', row.id, { courseId, title: input.title.trim() });
    });
    return getCourse(actor, courseId);
  }

  async function loadTextbook(actor: Actor, id: string) {
    const b = await db
      .selectFrom('textbook')
      .select(['id', 'courseId'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!b) throw notFound();
    await loadForChange(actor, b.courseId);
    return b;
  }

  async function updateTextbook(actor: Actor, id: string, input: TextbookInput) {
    const b = await loadTextbook(actor, id);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('textbook').set(trimmed(input)).where('id', '=', id).execute();
      await record(trx, actor, 'textbook.updated', id, { courseId: b.courseId, title: input.title.trim() });
    });
    return getCourse(actor, b.courseId);
  }

  async function removeTextbook(actor: Actor, id: string) {
    const b = await loadTextbook(actor, id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('textbook').where('id', '=', id).execute();
      await record(trx, actor, 'textbook.removed', id, { courseId: b.courseId });
    });
    return getCourse(actor, b.courseId);
  }

  return { listCourses, getCourse, createCourse, updateCourse, addTextbook, updateTextbook, removeTextbook };
}

function trimmed(input: TextbookInput): TextbookInput {
  return {
    ...input,
    title: input.title.trim(),
    isbn: input.isbn.trim(),
    publisher: input.publisher.trim(),
    digitalResources: input.digitalResources.trim(),
  };
}

export type CoursesService = ReturnType<typeof createCoursesService>;
