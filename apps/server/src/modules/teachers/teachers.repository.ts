import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { sortKey } from '../../platform/text/sort-key.ts';
import type { TeacherTable } from './teachers.tables.ts';
import type { SortOrder, TeacherListQuery, TeacherSortKey } from './teachers.schema.ts';
import type { Static } from 'typebox';

/** SQL rank of a 双师型 level, highest = 3. */
export const levelRankSql = (col: string) =>
  sql<number>`CASE ${sql.ref(col)} WHEN 'senior' THEN 3 WHEN 'intermediate' THEN 2 ELSE 1 END`;

/** Teachers with their 专业课 and 双师型 status on `asOf` (the school is named by the org module). */
function teachersQuery(db: Executor, asOf: string) {
  return db
    .selectFrom('teacher as t')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('dqRecognition as r')
          .select(['r.level', 'r.validUntil'])
          .whereRef('r.teacherId', '=', 't.id')
          .where('r.validFrom', '<=', asOf)
          .where('r.validUntil', '>=', asOf)
          .orderBy(levelRankSql('r.level'), 'desc')
          .orderBy('r.validUntil', 'desc')
          .limit(1)
          .as('dq'),
      (join) => join.onTrue(),
    )
    .select([
      't.id',
      't.schoolId',
      't.districtId',
      't.name',
      't.idMasked',
      't.sex',
      't.birthYear',
      't.phoneMasked',
      't.education',
      't.professionalTitle',
      't.post',
      't.series',
      't.internshipInstructor',
      't.hireDate',
      't.leaveDate',
      't.updatedAt',
      'dq.level as dqLevel',
      'dq.validUntil as dqValidUntil',
      sql<boolean>`EXISTS (SELECT 1 FROM teacher_specialised_period p WHERE p.teacher_id = t.id
        AND p.starts_on <= ${asOf}::date AND (p.ends_on IS NULL OR p.ends_on >= ${asOf}::date))`.as(
        'specialised',
      ),
      sql<
        string[]
      >`ARRAY(SELECT m.major_code FROM teacher_major m WHERE m.teacher_id = t.id ORDER BY m.major_code)`.as(
        'majorCodes',
      ),
      sql<
        string[]
      >`ARRAY(SELECT m.major_name FROM teacher_major m WHERE m.teacher_id = t.id ORDER BY m.major_code)`.as(
        'majorNames',
      ),
    ]);
}

export type TeacherRow = Awaited<ReturnType<ReturnType<typeof teachersQuery>['executeTakeFirstOrThrow']>>;

export function findTeacherRow(db: Executor, id: string, asOf: string) {
  return teachersQuery(db, asOf).where('t.id', '=', id).executeTakeFirst();
}

/** The teacher's own columns (no status), or undefined. */
export function findTeacherById(db: Executor, id: string) {
  return db.selectFrom('teacher').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Another teacher of the school with this ID number (blind index), if any. */
export function findTeacherByIdIndex(db: Executor, schoolId: string, idIndex: string, exceptId?: string) {
  let q = db
    .selectFrom('teacher')
    .select('id')
    .where('schoolId', '=', schoolId)
    .where('idIndex', '=', idIndex);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** Teachers of any school with one of these ID numbers (blind indexes), for matching import rows. */
export function listTeachersByIdIndexes(db: Executor, idIndexes: readonly string[]) {
  if (idIndexes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teacher')
    .select(['id', 'schoolId', 'idIndex', 'rowHash'])
    .where('idIndex', 'in', [...idIndexes])
    .execute();
}

/** Whether any of these schools has a teacher on its register. */
export async function anyTeacherOf(db: Executor, schoolIds: readonly string[]): Promise<boolean> {
  if (schoolIds.length === 0) return false;
  const row = await db
    .selectFrom('teacher')
    .select('id')
    .where('schoolId', 'in', [...schoolIds])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a teacher, with the sort key of the name. */
export async function insertTeacher(
  trx: Executor,
  row: Omit<Insertable<TeacherTable>, 'nameSortKey'>,
): Promise<string> {
  return (
    await trx
      .insertInto('teacher')
      .values({ ...row, nameSortKey: sortKey(row.name) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Changes a teacher's columns; a new name gets its sort key. */
export async function updateTeacher(
  trx: Executor,
  id: string,
  set: Omit<Updateable<TeacherTable>, 'nameSortKey'>,
) {
  const key = set.name === undefined ? {} : { nameSortKey: sortKey(set.name) };
  await trx
    .updateTable('teacher')
    .set({ ...set, ...key })
    .where('id', '=', id)
    .execute();
}

/** The encrypted ID number, phone and birth date of a teacher. */
export function findTeacherSecrets(db: Executor, id: string) {
  return db
    .selectFrom('teacher')
    .select(['idCipher', 'phoneCipher', 'birthDateCipher'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** What the register is filtered by (`schoolIds` null: every school). */
export type TeacherFilter = Omit<
  Static<typeof TeacherListQuery>,
  'asOf' | 'limit' | 'offset' | 'sort' | 'order'
> & {
  schoolIds: readonly string[] | null;
};

function filteredTeachers(db: Executor, asOf: string, f: TeacherFilter) {
  let q = teachersQuery(db, asOf);
  if (f.schoolIds !== null)
    q = f.schoolIds.length ? q.where('t.schoolId', 'in', [...f.schoolIds]) : q.where(sql<boolean>`false`);
  if (f.schoolId) q = q.where('t.schoolId', '=', f.schoolId);
  if (f.series) q = q.where('t.series', '=', f.series);
  const status = f.status ?? 'employed';
  const employed = sql<boolean>`(t.hire_date <= ${asOf}::date AND (t.leave_date IS NULL OR t.leave_date > ${asOf}::date))`;
  if (status === 'employed') q = q.where(employed);
  if (status === 'left') q = q.where(sql<boolean>`NOT ${employed}`);
  if (f.specialised !== undefined)
    q =
      q.where(sql<boolean>`${sql.raw(f.specialised ? '' : 'NOT ')}EXISTS (SELECT 1 FROM teacher_specialised_period p
        WHERE p.teacher_id = t.id AND p.starts_on <= ${asOf}::date AND (p.ends_on IS NULL OR p.ends_on >= ${asOf}::date))`);
  if (f.dq) q = q.where('dq.level', f.dq === 'recognised' ? 'is not' : 'is', null);
  if (f.majorCode)
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM teacher_major m WHERE m.teacher_id = t.id AND m.major_code = ${f.majorCode})`,
    );
  if (f.q) q = q.where('t.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q;
}

/** The schools of the teachers matching the filter (to name and order them). */
export async function listSchoolIdsOfTeachers(db: Executor, asOf: string, f: TeacherFilter) {
  const rows = await filteredTeachers(db, asOf, f).clearSelect().select('t.schoolId').distinct().execute();
  return rows.map((r) => r.schoolId);
}

/** How the register is ordered: a column and its direction (see `TeacherListQuery.sort`). */
export type TeacherOrder = { sort: TeacherSortKey; order: SortOrder } | null;

/** 双师型 level for sorting: none 0, 初级 1, 中级 2, 高级 3. */
const dqRankSql = sql`CASE dq.level WHEN 'senior' THEN 3 WHEN 'intermediate' THEN 2 WHEN 'junior' THEN 1 ELSE 0 END`;

/**
 * One page of the teachers matching the filter with the number of all matching. Ordered by the
 * column asked for (`order`), ties by name (pinyin sort key) and id; without one, by school, name
 * and id. Schools sort by their place in `schoolOrder` (the caller's order of the schools' ids: by
 * code, or by name when sorting by school), so the org module's table is never read here.
 */
export async function listTeacherRows(
  db: Executor,
  asOf: string,
  f: TeacherFilter,
  schoolOrder: readonly string[],
  page: { limit: number; offset: number; order: TeacherOrder },
) {
  const q = filteredTeachers(db, asOf, f);
  const schoolPlace = sql`array_position(${sql.val([...schoolOrder])}::uuid[], t.school_id)`;
  const { order } = page;
  const dir = order?.order ?? 'asc';
  const flip = dir === 'asc' ? 'desc' : 'asc';
  let sorted = q;
  if (order === null) sorted = sorted.orderBy(schoolPlace);
  else if (order.sort === 'school') sorted = sorted.orderBy(schoolPlace, dir);
  // The age is this year's (year minus birth year): older first is the earlier birth year.
  else if (order.sort === 'age') sorted = sorted.orderBy('t.birthYear', flip);
  else if (order.sort === 'hireDate') sorted = sorted.orderBy('t.hireDate', dir);
  else if (order.sort === 'dq') sorted = sorted.orderBy(dqRankSql, dir).orderBy('dq.validUntil', dir);
  const byName = order?.sort === 'name' ? dir : 'asc';
  const [rows, total] = await Promise.all([
    sorted
      .orderBy('t.nameSortKey', byName)
      .orderBy('t.id', byName)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
