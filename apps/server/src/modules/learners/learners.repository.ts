import type { Insertable } from 'kysely';
import type { LearnerKind, LearnerStatus } from '@zhijiao/contracts';
import { lockForTransaction } from '../../platform/db/advisory-lock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { LearnerStatusChangeTable, LearnerTable } from './learners.tables.ts';

/*
 * The student register’s SQL (学籍). Callers scope: they pass the schools the actor sees. Only
 * `findLearnerSecrets` reads the ciphers (for the audited clear view).
 */

/** The columns a learner is shown with (never a cipher). */
const SHOWN = [
  'l.id',
  'l.schoolId',
  'l.districtId',
  'l.kind',
  'l.majorCode',
  'l.majorName',
  'l.className',
  'l.cohortYear',
  'l.name',
  'l.idMasked',
  'l.sex',
  'l.status',
  'l.statusSince',
  'l.source',
  'l.enrollmentRegistrationId',
  'l.updatedAt',
] as const;

export type LearnerRow = Awaited<ReturnType<typeof findLearner>> & object;

/** One learner as shown, or undefined. */
export function findLearner(db: Executor, id: string) {
  return db.selectFrom('learner as l').select(SHOWN).where('l.id', '=', id).executeTakeFirst();
}

/** A learner's encrypted ID number and birth date (for the audited clear view only). */
export function findLearnerSecrets(db: Executor, id: string) {
  return db
    .selectFrom('learner')
    .select(['idCipher', 'birthDateCipher'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A learner's school and standing, locked until the transaction ends (status changes are serialised). */
export function lockLearnerStanding(db: Executor, id: string) {
  return db
    .selectFrom('learner')
    .select(['id', 'schoolId', 'status', 'statusSince'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** These learners' school, status and class (with name and masked ID for a refusal), locked until the transaction ends. */
export function lockLearnersForClass(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('learner')
    .select(['id', 'schoolId', 'kind', 'status', 'className', 'name', 'idMasked'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Puts these learners into a class. */
export async function setClassName(db: Executor, ids: readonly string[], className: string, now: Date) {
  await db
    .updateTable('learner')
    .set({ className, updatedAt: now })
    .where('id', 'in', [...ids])
    .execute();
}

/** Of these enrolment registrations, the ones already on the register. */
export async function registrationsOnRegister(db: Executor, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('learner')
    .select('enrollmentRegistrationId')
    .where('enrollmentRegistrationId', 'in', [...registrationIds])
    .execute();
  return new Set(rows.map((r) => r.enrollmentRegistrationId!));
}

/** Of these ID numbers' blind indexes, the ones already on the school's register. */
export async function idIndexesOnRegister(db: Executor, schoolId: string, idIndexes: readonly string[]) {
  if (idIndexes.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('learner')
    .select('idIndex')
    .where('schoolId', '=', schoolId)
    .where('idIndex', 'in', [...idIndexes])
    .execute();
  return new Set(rows.map((r) => r.idIndex));
}

/**
 * Rows one INSERT writes at most: a statement binds at most 65,535 parameters (the protocol's
 * 16-bit count), and a learner row binds about 20, so a cohort of ~3,300 or more in one statement
 * would fail. 1,000 rows stay far below it whatever columns are added.
 */
export const ROWS_PER_INSERT = 1000;

/** `rows` in slices of at most `size`. */
function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Inserts learners, `perInsert` rows a statement (pass the caller's transaction: all or nothing);
 * answers their ids in the order given.
 */
export async function insertLearners(
  db: Executor,
  rows: ReadonlyArray<Insertable<LearnerTable>>,
  perInsert = ROWS_PER_INSERT,
) {
  const byIndex = new Map<string, string>();
  for (const chunk of chunks(rows, perInsert)) {
    const inserted = await db.insertInto('learner').values(chunk).returning(['id', 'idIndex']).execute();
    for (const r of inserted) byIndex.set(r.idIndex, r.id);
  }
  return rows.map((r) => byIndex.get(r.idIndex)!);
}

/** Appends lines to learners' status histories, `perInsert` rows a statement. */
export async function insertStatusChanges(
  db: Executor,
  rows: ReadonlyArray<Insertable<LearnerStatusChangeTable>>,
  perInsert = ROWS_PER_INSERT,
): Promise<void> {
  for (const chunk of chunks(rows, perInsert))
    await db.insertInto('learnerStatusChange').values(chunk).execute();
}

/** Sets a learner's current status and the day it took effect. */
export async function updateLearnerStatus(
  db: Executor,
  id: string,
  values: { status: LearnerStatus; statusSince: string; updatedAt: Date },
): Promise<void> {
  await db.updateTable('learner').set(values).where('id', '=', id).execute();
}

/** A learner's status history, oldest first. */
export function listStatusHistory(db: Executor, learnerId: string) {
  return db
    .selectFrom('learnerStatusChange')
    .select(['fromStatus', 'toStatus', 'changedOn', 'reason', 'changedBy', 'changedAt'])
    .where('learnerId', '=', learnerId)
    .orderBy('seq')
    .execute();
}

export interface LearnerFilter {
  /** The schools the actor sees (null: every school). */
  schoolIds: readonly string[] | null;
  schoolId?: string;
  cohortYear?: number;
  status?: LearnerStatus;
  kind?: LearnerKind;
  /** One class; `''` the learners in no class yet (未分班). */
  className?: string;
  limit: number;
  offset: number;
}

/** Learners of the schools in `schoolIds`, filtered, by school, cohort, major, class and name; with the total. */
export async function listLearnerRows(db: Executor, f: LearnerFilter) {
  if (f.schoolIds?.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('learner as l');
  if (f.schoolIds) q = q.where('l.schoolId', 'in', [...f.schoolIds]);
  if (f.schoolId) q = q.where('l.schoolId', '=', f.schoolId);
  if (f.cohortYear !== undefined) q = q.where('l.cohortYear', '=', f.cohortYear);
  if (f.status) q = q.where('l.status', '=', f.status);
  if (f.kind) q = q.where('l.kind', '=', f.kind);
  if (f.className !== undefined) q = q.where('l.className', '=', f.className);
  const [rows, count] = await Promise.all([
    q
      .select(SHOWN)
      .orderBy('l.schoolId')
      .orderBy('l.cohortYear', 'desc')
      .orderBy('l.majorCode')
      .orderBy('l.className')
      .orderBy('l.name')
      .orderBy('l.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The school's learners with these ID numbers' blind indexes (to match imported rows; never by name). */
export function findLearnersByIdIndexes(db: Executor, schoolId: string, idIndexes: readonly string[]) {
  if (idIndexes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('learner')
    .select(['id', 'idIndex', 'schoolId', 'districtId', 'majorCode'])
    .where('schoolId', '=', schoolId)
    .where('idIndex', 'in', [...idIndexes])
    .execute();
}

/**
 * Serialises writes that add learners to one school's register (a cohort from 报到, an import)
 * until the transaction ends: two of them at once would each miss the other's ID numbers and the
 * second would fail on the register's unique key instead of skipping or naming the clash.
 */
export function lockSchoolRegister(trx: Executor, schoolId: string) {
  return lockForTransaction(trx, `learner-register|${schoolId}`);
}

/** The classes of these schools with their learners still at the school (在籍, 休学), by school and name. */
export async function listClassRows(db: Executor, schoolIds: readonly string[] | null, schoolId?: string) {
  if (schoolIds?.length === 0) return [];
  let q = db
    .selectFrom('learner')
    .select(['schoolId', 'className', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('className', '<>', '')
    .where('status', 'in', ['enrolled', 'suspended']);
  if (schoolIds) q = q.where('schoolId', 'in', [...schoolIds]);
  if (schoolId) q = q.where('schoolId', '=', schoolId);
  const rows = await q.groupBy(['schoolId', 'className']).orderBy('schoolId').orderBy('className').execute();
  return rows.map((r) => ({ schoolId: r.schoolId, className: r.className, learners: Number(r.n) }));
}

/** A learner's school, district and blind index (to find the same person's other rows). */
export function findLearnerIdentity(db: Executor, id: string) {
  return db
    .selectFrom('learner')
    .select(['id', 'schoolId', 'districtId', 'idIndex'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The rows of one ID number's blind index in a district, but one, of the schools given (null: all). */
export async function listSamePersonRows(
  db: Executor,
  f: { districtId: string; idIndex: string; exceptId: string; schoolIds: readonly string[] | null },
) {
  if (f.schoolIds?.length === 0) return [];
  let q = db
    .selectFrom('learner')
    .select(['id', 'schoolId', 'kind', 'majorName', 'cohortYear', 'status', 'statusSince'])
    .where('districtId', '=', f.districtId)
    .where('idIndex', '=', f.idIndex)
    .where('id', '<>', f.exceptId);
  if (f.schoolIds) q = q.where('schoolId', 'in', [...f.schoolIds]);
  return q.orderBy('cohortYear').orderBy('id').execute();
}

/** Of these blind indexes on the school's register, the social learners' rows (to admit them as students). */
export async function socialLearnersByIdIndexes(
  db: Executor,
  schoolId: string,
  idIndexes: readonly string[],
) {
  if (idIndexes.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db
    .selectFrom('learner')
    .select(['id', 'idIndex', 'name'])
    .where('schoolId', '=', schoolId)
    .where('kind', '=', 'social')
    .where('idIndex', 'in', [...idIndexes])
    .execute();
  return new Map(rows.map((r) => [r.idIndex, { id: r.id, name: r.name }]));
}

/** Turns a social learner's row into the student's admitted through 报到 (outcomes and credits stay with the row). */
export async function admitSocialLearner(
  db: Executor,
  id: string,
  values: {
    majorCode: string;
    majorName: string;
    cohortYear: number;
    statusSince: string;
    enrollmentRegistrationId: string;
    updatedAt: Date;
  },
): Promise<void> {
  await db
    .updateTable('learner')
    .set({ ...values, kind: 'student', source: 'enrollment' })
    .where('id', '=', id)
    .where('kind', '=', 'social')
    .execute();
}
