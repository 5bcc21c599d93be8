import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import {
  deleteTextbook,
  findTextbook,
  insertCourse,
  insertTextbook,
  listCoursesInScope,
  updateCourse as updateCourseRow,
  updateTextbook as updateTextbookRow,
} from './courses.repository.ts';
import { checkCoursePartners, replaceCoursePartners } from './course-partners.ts';
import { describeCourses } from './courses.view.ts';
import { findDistrictOf } from '../org/index.ts';
import { auditOf } from './programs.audit.ts';
import { assertManages, checkSchoolRefs, resolveSchool } from './programs.checks.ts';
import { canSeeSchoolRecord } from './programs.policy.ts';
import { findCourse } from './programs.repository.ts';
import type { CourseBody, CoursePatch, CourseQuery, TextbookBody } from './programs.schema.ts';

/* Courses of a school (公共基础课 / 专业课, optionally under a major) and their textbooks. */

type TextbookInput = Static<typeof TextbookBody>;

const auditCourse = auditOf('course', 'course');
const auditTextbook = auditOf('textbook', 'textbook');

/** Courses the actor sees, by school, major and name. */
export async function listCourses(deps: ModuleDeps, actor: Actor, q: Static<typeof CourseQuery> = {}) {
  return describeCourses(deps.db, actor, await listCoursesInScope(deps.db, actor, q));
}

/** One course the actor sees, with its textbooks. */
export async function getCourse(deps: ModuleDeps, actor: Actor, id: string) {
  return (await describeCourses(deps.db, actor, [await loadFor(deps, actor, id)]))[0]!;
}

/** Adds a course at a school, optionally under one of its majors. */
export async function createCourse(deps: ModuleDeps, actor: Actor, input: Static<typeof CourseBody>) {
  const { schoolId } = await resolveSchool(deps.db, actor, input.schoolId);
  await checkSchoolRefs(deps.db, schoolId, { majorId: input.majorId });
  const partners = input.partnerEnterprises ?? [];
  await checkCoursePartners(deps.db, await findDistrictOf(deps.db, schoolId), partners);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertCourse(trx, { schoolId, ...courseColumns(input), createdAt: now, updatedAt: now });
    await replaceCoursePartners(trx, id, partners);
    await auditCourse(deps, trx, actor, 'created', id, {
      schoolId,
      name: input.name.trim(),
      partnerEnterprises: partners,
    });
    return id;
  });
  return getCourse(deps, actor, id);
}

/** Edits a course of a school the actor keeps. */
export async function updateCourse(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof CoursePatch>,
) {
  const c = await loadForChange(deps, actor, id);
  await checkSchoolRefs(deps.db, c.schoolId, { majorId: input.majorId });
  const partners = input.partnerEnterprises;
  if (partners) await checkCoursePartners(deps.db, await findDistrictOf(deps.db, c.schoolId), partners);
  await deps.transaction(async (trx) => {
    await updateCourseRow(trx, id, { ...courseColumns(input), updatedAt: deps.clock.now() });
    if (partners) await replaceCoursePartners(trx, id, partners);
    await auditCourse(deps, trx, actor, 'updated', id, {
      name: input.name.trim(),
      ...(partners ? { partnerEnterprises: partners } : {}),
    });
  });
  return getCourse(deps, actor, id);
}

/** Adds a textbook to a course; answers the course. */
export async function addTextbook(deps: ModuleDeps, actor: Actor, courseId: string, input: TextbookInput) {
  await loadForChange(deps, actor, courseId);
  await deps.transaction(async (trx) => {
    const id = await insertTextbook(trx, { courseId, ...trimmed(input), createdAt: deps.clock.now() });
    await auditTextbook(deps, trx, actor, 'added', id, { courseId, title: input.title.trim() });
  });
  return getCourse(deps, actor, courseId);
}

/** Edits a textbook; answers its course. */
export async function updateTextbook(deps: ModuleDeps, actor: Actor, id: string, input: TextbookInput) {
  const b = await loadTextbook(deps, actor, id);
  await deps.transaction(async (trx) => {
    await updateTextbookRow(trx, id, trimmed(input));
    await auditTextbook(deps, trx, actor, 'updated', id, {
      courseId: b.courseId,
      title: input.title.trim(),
    });
  });
  return getCourse(deps, actor, b.courseId);
}

/** Removes a textbook; answers its course. */
export async function removeTextbook(deps: ModuleDeps, actor: Actor, id: string) {
  const b = await loadTextbook(deps, actor, id);
  await deps.transaction(async (trx) => {
    await deleteTextbook(trx, id);
    await auditTextbook(deps, trx, actor, 'removed', id, { courseId: b.courseId });
  });
  return getCourse(deps, actor, b.courseId);
}

async function loadFor(deps: ModuleDeps, actor: Actor, id: string) {
  const c = await findCourse(deps.db, id);
  if (!c || !canSeeSchoolRecord(actor, c.schoolId)) throw notFound();
  return c;
}

async function loadForChange(deps: ModuleDeps, actor: Actor, id: string) {
  const c = await loadFor(deps, actor, id);
  assertManages(actor, c.schoolId);
  return c;
}

/** A textbook whose course the actor keeps. */
async function loadTextbook(deps: ModuleDeps, actor: Actor, id: string) {
  const b = await findTextbook(deps.db, id);
  if (!b) throw notFound();
  await loadForChange(deps, actor, b.courseId);
  return b;
}

function courseColumns(input: Static<typeof CoursePatch>) {
  return {
    majorId: input.majorId ?? null,
    code: input.code.trim(),
    name: input.name.trim(),
    category: input.category,
    hours: input.hours ?? null,
  };
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
