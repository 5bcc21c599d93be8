import type { DqApplicationState } from '@zhijiao/contracts';
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DqApplicationTable, DqRecognitionTable } from './teachers.tables.ts';

/** Applications with their teacher's name (the school is named by the org module). */
function applicationsQuery(db: Executor) {
  return db
    .selectFrom('dqApplication as a')
    .innerJoin('teacher as t', 't.id', 'a.teacherId')
    .select([
      'a.id',
      'a.teacherId',
      'a.schoolId',
      'a.districtId',
      'a.level',
      'a.state',
      'a.statement',
      'a.evidenceFileIds',
      'a.criteria',
      'a.submittedAt',
      'a.schoolReviewedAt',
      'a.schoolComment',
      'a.decidedAt',
      'a.decisionReason',
      'a.updatedAt',
      't.name as teacherName',
      't.idMasked',
    ]);
}

export type ApplicationRow = Awaited<
  ReturnType<ReturnType<typeof applicationsQuery>['executeTakeFirstOrThrow']>
>;

export function findApplicationRow(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  return applicationsQuery(db).where('a.id', '=', id).executeTakeFirst();
}

/** Applications of the given schools (null: all), newest first. */
export function listApplicationRows(
  db: Executor,
  f: {
    schoolIds: readonly string[] | null;
    state?: DqApplicationState;
    schoolId?: string;
    teacherId?: string;
    limit: number;
    offset: number;
  },
): Promise<ApplicationRow[]> {
  let q = applicationsQuery(db);
  if (f.schoolIds !== null)
    q = f.schoolIds.length ? q.where('a.schoolId', 'in', [...f.schoolIds]) : q.where(sql<boolean>`false`);
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.schoolId) q = q.where('a.schoolId', '=', f.schoolId);
  if (f.teacherId) q = q.where('a.teacherId', '=', f.teacherId);
  return q.orderBy('a.submittedAt', 'desc').orderBy('a.id').limit(f.limit).offset(f.offset).execute();
}

/** Applications of a teacher, newest first. */
export function listApplicationsOf(db: Executor, teacherId: string) {
  return db
    .selectFrom('dqApplication')
    .select(['id', 'level', 'state', 'submittedAt', 'decidedAt', 'decisionReason'])
    .where('teacherId', '=', teacherId)
    .orderBy('submittedAt', 'desc')
    .execute();
}

/** The teacher's application in one of `states`, if any. */
export function findApplicationOfTeacher(
  db: Executor,
  teacherId: string,
  states: readonly DqApplicationState[],
) {
  return db
    .selectFrom('dqApplication')
    .select('id')
    .where('teacherId', '=', teacherId)
    .where('state', 'in', [...states])
    .executeTakeFirst();
}

export async function insertApplication(trx: Executor, row: Insertable<DqApplicationTable>) {
  return (await trx.insertInto('dqApplication').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** History rows of an application as written without an actor (the demo's earlier steps). */
export async function insertApplicationEvents(
  trx: Executor,
  rows: Array<{ applicationId: string; at: Date; action: string; comment: string | null }>,
) {
  if (rows.length)
    await trx
      .insertInto('dqApplicationEvent')
      .values(rows.map((r) => ({ ...r, actorId: null })))
      .execute();
}

/** The history of an application, oldest first. */
export function listApplicationEvents(db: Executor, applicationId: string) {
  return db
    .selectFrom('dqApplicationEvent')
    .select(['at', 'action', 'comment', 'actorId'])
    .where('applicationId', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertRecognition(trx: Executor, row: Insertable<DqRecognitionTable>) {
  return (await trx.insertInto('dqRecognition').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * For each teacher employed on `today` in the given schools (null: all), the latest-ending
 * recognition if it ends on or before `until`: most overdue first, at most 1,000.
 */
export async function listRecognitionsEnding(
  db: Executor,
  schoolIds: readonly string[] | null,
  today: string,
  until: string,
) {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const scope = schoolIds === null ? sql`true` : sql`t.school_id = ANY(${[...schoolIds]}::uuid[])`;
  const rows = await sql<{
    teacherId: string;
    name: string;
    schoolId: string;
    level: 'junior' | 'intermediate' | 'senior';
    validUntil: string;
  }>`
    SELECT t.id AS teacher_id, t.name, t.school_id, r.level, r.valid_until
    FROM teacher t
    JOIN LATERAL (SELECT level, valid_until FROM dq_recognition WHERE teacher_id = t.id
      ORDER BY valid_until DESC LIMIT 1) r ON true
    WHERE ${scope} AND t.hire_date <= ${today}::date AND (t.leave_date IS NULL OR t.leave_date > ${today}::date)
      AND r.valid_until <= ${until}::date
    ORDER BY r.valid_until, t.id LIMIT 1000`.execute(db);
  return rows.rows;
}

/** 双师型 applications with the stored file `fileId` among their evidence. */
export async function listApplicationIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dqApplication')
    .select('id')
    .where(sql<boolean>`${fileId}::uuid = ANY(evidence_file_ids)`)
    .execute();
  return rows.map((r) => r.id);
}
