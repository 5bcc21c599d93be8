import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds } from '../org/index.ts';
import type {
  EnrollmentBatchTable,
  EnrollmentProgramTable,
  EnrollmentSeasonTable,
} from './enrollment.tables.ts';

/**
 * Seasons, their batches and their programs. Receiving schools are named through the org module
 * (`unitRefsByIds`), never joined.
 */

/** A season by id, or undefined. */
export function findSeason(db: Executor, id: string) {
  return db.selectFrom('enrollmentSeason').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every season, newest admission year first (the caller keeps those the actor may see). */
export function listSeasons(db: Executor) {
  return db.selectFrom('enrollmentSeason').selectAll().orderBy('admissionYear', 'desc').execute();
}

/** The season of a district's admission year, if there is one. */
export function findSeasonOfYear(db: Executor, districtId: string, admissionYear: number) {
  return db
    .selectFrom('enrollmentSeason')
    .select('id')
    .where('districtId', '=', districtId)
    .where('admissionYear', '=', admissionYear)
    .executeTakeFirst();
}

/** Inserts a season; returns its id. */
export async function insertSeason(db: Executor, values: Insertable<EnrollmentSeasonTable>): Promise<string> {
  return (await db.insertInto('enrollmentSeason').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** The junior highs with candidates and the schools with programs, per season (for abilities). */
export async function listSeasonSchools(db: Executor, seasonIds: readonly string[]) {
  const out = new Map(
    seasonIds.map((id) => [id, { candidateSchoolIds: [] as string[], programSchoolIds: [] as string[] }]),
  );
  if (seasonIds.length === 0) return out;
  const [candidates, programs] = await Promise.all([
    db
      .selectFrom('enrollmentCandidate')
      .select(['seasonId', 'schoolId'])
      .distinct()
      .where('seasonId', 'in', [...seasonIds])
      .execute(),
    db
      .selectFrom('enrollmentProgram')
      .select(['seasonId', 'schoolId'])
      .distinct()
      .where('seasonId', 'in', [...seasonIds])
      .execute(),
  ]);
  for (const c of candidates) out.get(c.seasonId)?.candidateSchoolIds.push(c.schoolId);
  for (const p of programs) out.get(p.seasonId)?.programSchoolIds.push(p.schoolId);
  return out;
}

/** A batch by id with its season's district and state. */
export function findBatch(db: Executor, id: string) {
  return db
    .selectFrom('enrollmentBatch as b')
    .innerJoin('enrollmentSeason as s', 's.id', 'b.seasonId')
    .selectAll('b')
    .select(['s.districtId', 's.state as seasonState', 's.tieBreak'])
    .where('b.id', '=', id)
    .executeTakeFirst();
}

/** Batches of a season in order. */
export function listBatches(db: Executor, seasonId: string) {
  return db
    .selectFrom('enrollmentBatch')
    .selectAll()
    .where('seasonId', '=', seasonId)
    .orderBy('position')
    .execute();
}

/** Inserts a batch; returns its id. */
export async function insertBatch(db: Executor, values: Insertable<EnrollmentBatchTable>): Promise<string> {
  return (await db.insertInto('enrollmentBatch').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Ids of the season's batches placed by a published run. */
export async function listPublishedBatchIds(db: Executor, seasonId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('enrollmentRun as r')
    .innerJoin('enrollmentBatch as b', 'b.id', 'r.batchId')
    .select('r.batchId')
    .where('b.seasonId', '=', seasonId)
    .where('r.state', '=', 'published')
    .execute();
  return new Set(rows.map((r) => r.batchId));
}

/** Batches of the season before `position` that have no published run yet. */
export function listUnpublishedBatchesBefore(db: Executor, seasonId: string, position: number) {
  return db
    .selectFrom('enrollmentBatch as b')
    .leftJoin('enrollmentRun as r', (j) => j.onRef('r.batchId', '=', 'b.id').on('r.state', '=', 'published'))
    .select('b.id')
    .where('b.seasonId', '=', seasonId)
    .where('b.position', '<', position)
    .where('r.id', 'is', null)
    .execute();
}

/** Adds each row's school code and name (`schoolCode`, `schoolName`) from the org module. */
export async function withSchoolNames<T extends { schoolId: string }>(db: Executor, rows: T[]) {
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.schoolId),
  );
  return rows.map((r) => {
    const unit = units.get(r.schoolId);
    return { ...r, schoolCode: unit?.code ?? '', schoolName: unit?.name ?? '' };
  });
}

/** Programs of a season (or one batch, or by id) with their school, by code. */
export async function listPrograms(
  db: Executor,
  where: { seasonId?: string; batchId?: string; ids?: string[] },
) {
  if (where.ids?.length === 0) return [];
  let q = db.selectFrom('enrollmentProgram').selectAll();
  if (where.seasonId) q = q.where('seasonId', '=', where.seasonId);
  if (where.batchId) q = q.where('batchId', '=', where.batchId);
  if (where.ids) q = q.where('id', 'in', where.ids);
  return withSchoolNames(db, await q.orderBy('code').execute());
}

/** A program by id with its season's district, state and year, and its school. */
export async function findProgram(db: Executor, id: string) {
  const row = await db
    .selectFrom('enrollmentProgram as p')
    .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
    .selectAll('p')
    .select(['s.districtId', 's.state as seasonState', 's.admissionYear'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row && (await withSchoolNames(db, [row]))[0];
}

/** Inserts a program; returns its id. */
export async function insertProgram(
  db: Executor,
  values: Insertable<EnrollmentProgramTable>,
): Promise<string> {
  return (await db.insertInto('enrollmentProgram').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

/**
 * Programs with their season's district and admission year, by ids or by district, year and
 * schools (for another module's link to a program: the training-bases module's 中高职衔接).
 */
export function listProgramFacts(
  db: Executor,
  where: {
    ids?: readonly string[];
    districtId?: string;
    admissionYear?: number;
    schoolIds?: readonly string[];
  },
) {
  if (where.ids?.length === 0 || where.schoolIds?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('enrollmentProgram as p')
    .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
    .select(['p.id', 'p.code', 'p.name', 'p.schoolId', 'p.track', 's.districtId', 's.admissionYear']);
  if (where.ids) q = q.where('p.id', 'in', [...where.ids]);
  if (where.districtId) q = q.where('s.districtId', '=', where.districtId);
  if (where.admissionYear !== undefined) q = q.where('s.admissionYear', '=', where.admissionYear);
  if (where.schoolIds) q = q.where('p.schoolId', 'in', [...where.schoolIds]);
  return q.orderBy('p.code').execute();
}

/** Each program's quota and the candidates registered (报到) at it, by program id. */
export async function programQuotaAndRegistered(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { quota: number; registered: number }>();
  const rows = await db
    .selectFrom('enrollmentProgram as p')
    .leftJoin('enrollmentRegistration as r', (j) =>
      j.onRef('r.programId', '=', 'p.id').on('r.status', '=', 'registered'),
    )
    .select((eb) => ['p.id', 'p.quota', eb.fn.count<number | string>('r.candidateId').as('registered')])
    .where('p.id', 'in', [...ids])
    .groupBy(['p.id', 'p.quota'])
    .execute();
  return new Map(rows.map((r) => [r.id, { quota: r.quota, registered: Number(r.registered) }]));
}
