import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';

/** The org units whose school records the actor sees, or null for all. */
export function scopeIds(actor: Actor): string[] | null {
  return actor.scope.all ? null : [...actor.scope.orgUnitIds];
}

/** SQL condition: `column` (a school id) is in the actor's scope. */
export function inScopeSql(actor: Actor, column: string): RawBuilder<boolean> {
  const ids = scopeIds(actor);
  if (ids === null) return sql<boolean>`true`;
  if (ids.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} = ANY(${ids}::uuid[])`;
}

/** SQL condition: resources `alias` the actor sees (own schools', or shared in their district). */
export function resourceVisibleSql(actor: Actor, alias: string): RawBuilder<boolean> {
  if (actor.scope.all) return sql<boolean>`true`;
  const own = inScopeSql(actor, `${alias}.school_id`);
  if (!actor.districtId) return own;
  return sql<boolean>`(${own} OR (${sql.ref(`${alias}.share_state`)} = 'shared' AND ${sql.ref(`${alias}.district_id`)} = ${actor.districtId}))`;
}

/** An org unit by id with its type, or undefined. */
export function findUnit(db: Executor, id: string) {
  return db
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name', 'type'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names of org units by id. */
export async function unitRefs(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { id: string; code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The school a new record belongs to: `schoolId` if given, else the actor's own unit. It must be
 * a school the actor sees (else 404) and keeps (else 403); its district comes with it.
 */
export async function resolveSchool(
  db: Executor,
  actor: Actor,
  schoolId: string | undefined,
): Promise<{ schoolId: string; districtId: string }> {
  const id = schoolId ?? actor.orgUnitId;
  const unit = await findUnit(db, id);
  if (!unit || !(actor.scope.all || actor.scope.orgUnitIds.includes(id))) throw notFound();
  if (unit.type !== 'school') {
    throw new AppError('PROGRAM_NOT_A_SCHOOL', 400, [
      {
        field: 'schoolId',
        code: 'PROGRAM_NOT_A_SCHOOL',
        message: `${unit.name}不是学校，请选择学校`,
        messageEn: `${unit.name} is not a school; choose a school`,
      },
    ]);
  }
  if (!actor.permissions.has('program.manage')) throw new AppError('FORBIDDEN', 403);
  return { schoolId: id, districtId: actor.districtId ?? id };
}

/** Major with its catalogue name, or undefined. */
export function findMajor(db: Executor, id: string) {
  return db
    .selectFrom('major as m')
    .innerJoin('majorCatalogue as c', (j) =>
      j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
    )
    .selectAll('m')
    .select(['c.name as catalogueName', 'c.categoryCode', 'c.categoryName', 'c.verified'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A major's display name: catalogue name, with its direction in brackets. */
export function majorLabel(m: { catalogueName: string; direction: string }): string {
  return m.direction ? `${m.catalogueName}（${m.direction}）` : m.catalogueName;
}

/** Checks that a major and a course (when given) exist and belong to `schoolId`. */
export async function checkSchoolRefs(
  db: Executor,
  schoolId: string,
  refs: { majorId?: string | null; courseId?: string | null },
): Promise<{ majorName: string | null; courseName: string | null; courseMajorId: string | null }> {
  let majorName: string | null = null;
  let courseName: string | null = null;
  let courseMajorId: string | null = null;
  if (refs.majorId) {
    const m = await findMajor(db, refs.majorId);
    if (!m) throw fieldError('majorId', 'UNKNOWN', '专业不存在', 'No such major');
    if (m.schoolId !== schoolId) throw otherSchool('majorId');
    majorName = majorLabel(m);
  }
  if (refs.courseId) {
    const c = await db.selectFrom('course').selectAll().where('id', '=', refs.courseId).executeTakeFirst();
    if (!c) throw fieldError('courseId', 'UNKNOWN', '课程不存在', 'No such course');
    if (c.schoolId !== schoolId) throw otherSchool('courseId');
    courseName = c.name;
    courseMajorId = c.majorId;
  }
  return { majorName, courseName, courseMajorId };
}

function otherSchool(field: string): AppError {
  return new AppError('PROGRAM_OTHER_SCHOOL', 400, [
    {
      field,
      code: 'PROGRAM_OTHER_SCHOOL',
      message: '所选记录不属于该学校',
      messageEn: 'The record belongs to another school',
    },
  ]);
}

/** Refuses file ids that do not exist or were not uploaded by the actor's unit. */
export async function checkOwnFiles(
  db: Executor,
  actor: Actor,
  fileIds: readonly string[],
  fieldOf: (index: number) => string,
) {
  if (fileIds.length === 0) return;
  const rows = await db
    .selectFrom('storedFile')
    .select(['id', 'orgUnitId'])
    .where('id', 'in', [...new Set(fileIds)])
    .execute();
  const own = new Set(rows.filter((f) => f.orgUnitId === actor.orgUnitId).map((f) => f.id));
  const problems = fileIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !own.has(id))
    .map(({ i }) => ({
      field: fieldOf(i),
      code: 'FILE_UNKNOWN',
      message: '附件不存在或不是本单位上传的',
      messageEn: 'Unknown file, or not uploaded by your unit',
    }));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
}
