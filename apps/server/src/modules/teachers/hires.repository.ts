import type { Executor } from '../../platform/db/database.ts';

/**
 * Full-time teachers hired from `from` up to `upTo` in the given schools (null: all), by hire date
 * and name (the caller orders the schools).
 */
export function listFullTimeHires(
  db: Executor,
  schoolIds: readonly string[] | null,
  from: string,
  upTo: string,
) {
  let q = db
    .selectFrom('teacher as t')
    .select([
      't.id',
      't.name',
      't.idMasked',
      't.schoolId',
      't.districtId',
      't.series',
      't.hireDate',
      't.education',
    ])
    .where('t.series', '=', 'full_time')
    .where('t.hireDate', '>=', from)
    .where('t.hireDate', '<=', upTo);
  if (schoolIds !== null) q = q.where('t.schoolId', 'in', [...schoolIds]);
  return q.orderBy('t.hireDate').orderBy('t.name').execute();
}

/** Recruitment exceptions of the given teachers, by teacher (`grantedBy`: the granting user's id). */
export async function listHireExceptions(db: Executor, teacherIds: readonly string[]) {
  if (teacherIds.length === 0) return [];
  return db
    .selectFrom('teacherHireException')
    .select(['teacherId', 'reason', 'grantedAt', 'grantedBy'])
    .where('teacherId', 'in', [...teacherIds])
    .execute();
}

/** Records an exception; false when the teacher already has one. */
export async function insertHireException(
  trx: Executor,
  row: { teacherId: string; reason: string; grantedBy: string; grantedAt: Date },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('teacherHireException')
    .values(row)
    .onConflict((oc) => oc.column('teacherId').doNothing())
    .returning('teacherId')
    .executeTakeFirst();
  return inserted !== undefined;
}
