import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { withSchoolNames } from './enrollment.repository.ts';
import type { EnrollmentCandidateTable, EnrollmentImportTable } from './enrollment.tables.ts';

/**
 * Candidates (考生), their imports, and their preferences (志愿) with the history of changes. A
 * candidate's junior high is named through the org module, never joined.
 */

/** A candidate by id with its season's district, state and year, and its junior high. */
export async function findCandidate(db: Executor, id: string) {
  const row = await db
    .selectFrom('enrollmentCandidate as c')
    .innerJoin('enrollmentSeason as s', 's.id', 'c.seasonId')
    .selectAll('c')
    .select(['s.districtId', 's.state as seasonState', 's.admissionYear'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row && (await withSchoolNames(db, [row]))[0];
}

/** A candidate of a season by exam number (the public look-up). */
export function findCandidateByExamNumber(db: Executor, seasonId: string, examNumber: string) {
  return db
    .selectFrom('enrollmentCandidate')
    .selectAll()
    .where('seasonId', '=', seasonId)
    .where('examNumber', '=', examNumber)
    .executeTakeFirst();
}

/**
 * Candidates of a season as staff see them (no ID cipher), by exam number; only those of
 * `schoolIds` when given.
 */
export async function listCandidates(db: Executor, seasonId: string, schoolIds: readonly string[] | null) {
  if (schoolIds?.length === 0) return [];
  let q = db
    .selectFrom('enrollmentCandidate')
    .select(['id', 'examNumber', 'name', 'idMasked', 'sex', 'scores', 'total', 'bonus', 'schoolId'])
    .where('seasonId', '=', seasonId);
  if (schoolIds) q = q.where('schoolId', 'in', [...schoolIds]);
  return withSchoolNames(db, await q.orderBy('examNumber').execute());
}

/** What an import compares a file row with: each stored candidate's keys and content hash. */
export function listCandidateKeys(db: Executor, seasonId: string) {
  return db
    .selectFrom('enrollmentCandidate')
    .select(['id', 'examNumber', 'idIndex', 'rowHash'])
    .where('seasonId', '=', seasonId)
    .execute();
}

/** Ids of the season's candidates placed by a published run. */
export async function listPlacedCandidateIds(db: Executor, seasonId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('enrollmentPlacement')
    .select('candidateId')
    .where('seasonId', '=', seasonId)
    .execute();
  return new Set(rows.map((p) => p.candidateId));
}

/** The earlier import of the same file content into the season, if any. */
export function findImportByHash(db: Executor, seasonId: string, contentHash: string) {
  return db
    .selectFrom('enrollmentImport')
    .selectAll()
    .where('seasonId', '=', seasonId)
    .where('contentHash', '=', contentHash)
    .executeTakeFirst();
}

/** Inserts an import; returns its id. */
export async function insertImport(db: Executor, values: Insertable<EnrollmentImportTable>): Promise<string> {
  return (await db.insertInto('enrollmentImport').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** Stores an import's counts once its rows are written. */
export async function updateImportCounts(
  db: Executor,
  id: string,
  counts: { created: number; updated: number; unchanged: number },
): Promise<void> {
  await db.updateTable('enrollmentImport').set(counts).where('id', '=', id).execute();
}

export async function updateCandidate(
  db: Executor,
  id: string,
  values: Updateable<EnrollmentCandidateTable>,
): Promise<void> {
  await db.updateTable('enrollmentCandidate').set(values).where('id', '=', id).execute();
}

/** Inserts candidates by the thousand (a district file has thousands of rows). */
export async function insertCandidates(db: Executor, rows: Insertable<EnrollmentCandidateTable>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('enrollmentCandidate')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** A candidate's choices in a batch, locked until the transaction ends. */
export function findPreferenceForUpdate(db: Executor, candidateId: string, batchId: string) {
  return db
    .selectFrom('enrollmentPreference')
    .select('choices')
    .where('candidateId', '=', candidateId)
    .where('batchId', '=', batchId)
    .forUpdate()
    .executeTakeFirst();
}

/** Replaces a candidate's choices in a batch and keeps the change in the history. */
export async function savePreference(
  db: Executor,
  p: { candidateId: string; batchId: string; old: string[] | null; choices: string[]; by: string; at: Date },
): Promise<void> {
  const choices = JSON.stringify(p.choices);
  await db
    .insertInto('enrollmentPreference')
    .values({ candidateId: p.candidateId, batchId: p.batchId, choices, updatedBy: p.by, updatedAt: p.at })
    .onConflict((oc) =>
      oc.columns(['candidateId', 'batchId']).doUpdateSet({ choices, updatedBy: p.by, updatedAt: p.at }),
    )
    .execute();
  await db
    .insertInto('enrollmentPreferenceChange')
    .values({
      candidateId: p.candidateId,
      batchId: p.batchId,
      oldChoices: p.old ? JSON.stringify(p.old) : null,
      newChoices: choices,
      changedBy: p.by,
      changedAt: p.at,
    })
    .execute();
}

/** A candidate's current choices, per batch. */
export function listPreferencesOfCandidate(db: Executor, candidateId: string) {
  return db.selectFrom('enrollmentPreference').selectAll().where('candidateId', '=', candidateId).execute();
}

/** Every change of a candidate's choices, in order (`changedBy`: the user's id). */
export function listPreferenceChanges(db: Executor, candidateId: string, batchId?: string) {
  let q = db
    .selectFrom('enrollmentPreferenceChange')
    .select(['batchId', 'changedAt', 'oldChoices', 'newChoices', 'changedBy'])
    .where('candidateId', '=', candidateId);
  if (batchId) q = q.where('batchId', '=', batchId);
  return q.orderBy('seq').execute();
}

/**
 * The candidates who listed programs in a batch and are not placed yet, by exam number, with their
 * choices and their junior high's code (the match's entrants).
 */
export async function listBatchEntrants(db: Executor, batchId: string) {
  const rows = await db
    .selectFrom('enrollmentPreference as pr')
    .innerJoin('enrollmentCandidate as c', 'c.id', 'pr.candidateId')
    .leftJoin('enrollmentPlacement as pl', 'pl.candidateId', 'c.id')
    .select(['c.id', 'c.examNumber', 'c.total', 'c.bonus', 'c.sex', 'c.scores', 'c.schoolId', 'pr.choices'])
    .where('pr.batchId', '=', batchId)
    .where('pl.candidateId', 'is', null)
    .orderBy('c.examNumber')
    .execute();
  return withSchoolNames(db, rows);
}

/** Every candidate of a season by exam number, with their junior high's code (the what-if's pool). */
export async function listSeasonCandidates(db: Executor, seasonId: string) {
  const rows = await db
    .selectFrom('enrollmentCandidate')
    .select(['id', 'examNumber', 'total', 'bonus', 'sex', 'scores', 'schoolId'])
    .where('seasonId', '=', seasonId)
    .orderBy('examNumber')
    .execute();
  return withSchoolNames(db, rows);
}

/** Every preference of a season's candidates. */
export function listSeasonPreferences(db: Executor, seasonId: string) {
  return db
    .selectFrom('enrollmentPreference as pr')
    .innerJoin('enrollmentCandidate as c', 'c.id', 'pr.candidateId')
    .select(['pr.candidateId', 'pr.batchId', 'pr.choices'])
    .where('c.seasonId', '=', seasonId)
    .execute();
}
