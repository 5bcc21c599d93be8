import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds } from '../org/index.ts';
import { withSchoolNames } from './enrollment.repository.ts';
import type { EnrollmentPlacementTable, EnrollmentRunTable } from './enrollment.tables.ts';

/** Matching runs, the placements of published ones, and 报到 (registrations). */

/** A run by id. */
export function findRun(db: Executor, id: string) {
  return db.selectFrom('enrollmentRun').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The published run of a batch, if any. */
export function findPublishedRun(db: Executor, batchId: string) {
  return db
    .selectFrom('enrollmentRun')
    .selectAll()
    .where('batchId', '=', batchId)
    .where('state', '=', 'published')
    .executeTakeFirst();
}

/** Inserts a run; returns its id. */
export async function insertRun(db: Executor, values: Insertable<EnrollmentRunTable>): Promise<string> {
  return (await db.insertInto('enrollmentRun').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Runs of a season (or one of its batches), newest first. */
export function listRuns(db: Executor, seasonId: string, batchId?: string) {
  let q = db
    .selectFrom('enrollmentRun as r')
    .innerJoin('enrollmentBatch as b', 'b.id', 'r.batchId')
    .selectAll('r')
    .where('b.seasonId', '=', seasonId);
  if (batchId) q = q.where('r.batchId', '=', batchId);
  return q.orderBy('r.createdAt', 'desc').orderBy('r.id').execute();
}

/** The published runs of a season with their batch, in batch order. */
export function listPublishedRuns(db: Executor, seasonId: string) {
  return db
    .selectFrom('enrollmentRun as r')
    .innerJoin('enrollmentBatch as b', 'b.id', 'r.batchId')
    .select(['r.id', 'r.batchId', 'r.output', 'r.publishedAt', 'b.name as batchName', 'b.position'])
    .where('b.seasonId', '=', seasonId)
    .where('r.state', '=', 'published')
    .orderBy('b.position')
    .execute();
}

/** Inserts placements by the thousand. */
export async function insertPlacements(db: Executor, rows: Insertable<EnrollmentPlacementTable>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('enrollmentPlacement')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** A candidate's placement (published), with the program, its school, the batch and the run's date. */
export async function findPlacement(db: Executor, candidateId: string) {
  const row = await db
    .selectFrom('enrollmentPlacement as pl')
    .innerJoin('enrollmentProgram as p', 'p.id', 'pl.programId')
    .innerJoin('enrollmentBatch as b', 'b.id', 'pl.batchId')
    .innerJoin('enrollmentRun as r', 'r.id', 'pl.runId')
    .select([
      'pl.candidateId',
      'pl.runId',
      'pl.seat',
      'pl.choice',
      'pl.batchId',
      'b.name as batchName',
      'p.id as programId',
      'p.code as programCode',
      'p.name as programName',
      'p.track',
      'p.schoolId',
      'r.publishedAt',
    ])
    .where('pl.candidateId', '=', candidateId)
    .executeTakeFirst();
  return row && (await withSchoolNames(db, [row]))[0];
}

/**
 * The candidates placed in `programIds` (or only `candidateId` among them), with their score, seat,
 * registration and junior high's name.
 */
export async function listPlacedCandidates(
  db: Executor,
  programIds: readonly string[],
  candidateId?: string,
) {
  if (programIds.length === 0) return [];
  let q = db
    .selectFrom('enrollmentPlacement as pl')
    .innerJoin('enrollmentCandidate as c', 'c.id', 'pl.candidateId')
    .leftJoin('enrollmentRegistration as r', 'r.candidateId', 'pl.candidateId')
    .select([
      'c.id as candidateId',
      'c.examNumber',
      'c.name',
      'c.idMasked',
      'c.sex',
      'c.schoolId',
      'c.total',
      'c.bonus',
      'pl.programId',
      'pl.choice',
      'pl.seat',
      'r.status',
      'r.reason',
      'r.recordedAt',
    ])
    .where('pl.programId', 'in', [...programIds]);
  if (candidateId) q = q.where('pl.candidateId', '=', candidateId);
  return withSchoolNames(db, await q.execute());
}

/** Records (or corrects) a candidate's 报到. */
export async function saveRegistration(
  db: Executor,
  r: {
    candidateId: string;
    programId: string;
    status: 'registered' | 'declined';
    reason: string | null;
    recordedBy: string;
    recordedAt: Date;
  },
): Promise<void> {
  const { candidateId, programId, ...values } = r;
  await db
    .insertInto('enrollmentRegistration')
    .values({ candidateId, programId, ...values })
    .onConflict((oc) => oc.column('candidateId').doUpdateSet(values))
    .execute();
}

/** Registered (报到) candidates, of seasons up to `maxYear`, at programs of `schoolIds`. */
function registered(db: Executor, schoolIds: readonly string[], maxYear: number) {
  return db
    .selectFrom('enrollmentRegistration as r')
    .innerJoin('enrollmentProgram as p', 'p.id', 'r.programId')
    .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
    .where('r.status', '=', 'registered')
    .where('p.schoolId', 'in', [...schoolIds])
    .where('s.admissionYear', '<=', maxYear);
}

/** The latest admission year, up to `maxYear`, with registrations at programs of `schoolIds`. */
export async function findLatestRegisteredYear(
  db: Executor,
  schoolIds: readonly string[],
  maxYear: number,
): Promise<number | null> {
  if (schoolIds.length === 0) return null;
  const row = await registered(db, schoolIds, maxYear)
    .select((eb) => eb.fn.max('s.admissionYear').as('year'))
    .executeTakeFirst();
  return row?.year == null ? null : Number(row.year);
}

/** Registered candidates per program of `schoolIds` in the season of `year`, with the program's school. */
export async function countRegisteredByProgram(db: Executor, schoolIds: readonly string[], year: number) {
  const rows = await registered(db, schoolIds, year)
    .select(['p.id', 'p.code', 'p.name', 'p.track', 'p.schoolId', sql<number>`count(*)::int`.as('n')])
    .where('s.admissionYear', '=', year)
    .groupBy(['p.id', 'p.code', 'p.name', 'p.track', 'p.schoolId'])
    .execute();
  const named = await withSchoolNames(db, rows);
  return named
    .map((r) => ({ ...r, n: Number(r.n) }))
    .sort((a, b) => byCodePoint(a.schoolName, b.schoolName) || byCodePoint(a.code, b.code));
}

/**
 * Seasons the public pages offer (past set-up, so cut-offs may exist), newest year first, with their
 * district's name and how many batches have published results. Names and counts only.
 */
export async function listPublicSeasons(db: Executor) {
  const rows = await db
    .selectFrom('enrollmentSeason as s')
    .select([
      's.id',
      's.name',
      's.admissionYear',
      's.districtId',
      sql<number>`(select count(distinct r.batch_id)::int from enrollment_run r
        join enrollment_batch b on b.id = r.batch_id
        where b.season_id = s.id and r.state = 'published')`.as('publishedBatches'),
    ])
    .where('s.state', '!=', 'setup')
    .execute();
  const districts = await unitRefsByIds(
    db,
    rows.map((r) => r.districtId),
  );
  return rows
    .map(({ districtId, ...r }) => ({
      ...r,
      district: districts.get(districtId)?.name ?? '',
      publishedBatches: Number(r.publishedBatches),
    }))
    .sort((a, b) => b.admissionYear - a.admissionYear || byCodePoint(a.district, b.district));
}

/** Orders strings as PostgreSQL's C collation does (by code point), where SQL used to sort. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Seasons of the districts `districtIds` whose results were first published (the first batch's
 * run published through Zhijiao) on a China date in [from, to], with that date.
 */
export async function listSeasonsFirstPublished(
  db: Executor,
  w: { districtIds: readonly string[]; from: string; to: string },
) {
  if (w.districtIds.length === 0) return [];
  const rows = await sql<{ id: string; name: string; admissionYear: number; firstPublishedOn: string }>`
    SELECT s.id, s.name, s.admission_year,
      min((r.published_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS first_published_on
    FROM enrollment_season s
    JOIN enrollment_batch b ON b.season_id = s.id
    JOIN enrollment_run r ON r.batch_id = b.id AND r.state = 'published' AND r.published_at IS NOT NULL
    WHERE s.district_id = ANY(${[...w.districtIds]}::uuid[])
    GROUP BY s.id, s.name, s.admission_year
    HAVING min((r.published_at AT TIME ZONE 'Asia/Shanghai')::date) BETWEEN ${w.from}::date AND ${w.to}::date
    ORDER BY first_published_on, s.id`.execute(db);
  return rows.rows;
}
