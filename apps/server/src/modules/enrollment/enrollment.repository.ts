import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** A season by id, or undefined. */
export function findSeason(db: Executor, id: string) {
  return db.selectFrom('enrollmentSeason').selectAll().where('id', '=', id).executeTakeFirst();
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

/** Programs of a season (or one batch) with their school, by code. */
export function listPrograms(db: Executor, where: { seasonId?: string; batchId?: string; ids?: string[] }) {
  let q = db
    .selectFrom('enrollmentProgram as p')
    .innerJoin('orgUnit as o', 'o.id', 'p.schoolId')
    .selectAll('p')
    .select(['o.code as schoolCode', 'o.name as schoolName']);
  if (where.seasonId) q = q.where('p.seasonId', '=', where.seasonId);
  if (where.batchId) q = q.where('p.batchId', '=', where.batchId);
  if (where.ids) q = where.ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('p.id', 'in', where.ids);
  return q.orderBy('p.code').execute();
}

/** A program by id with its season's district. */
export function findProgram(db: Executor, id: string) {
  return db
    .selectFrom('enrollmentProgram as p')
    .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
    .innerJoin('orgUnit as o', 'o.id', 'p.schoolId')
    .selectAll('p')
    .select([
      's.districtId',
      's.state as seasonState',
      's.admissionYear',
      'o.name as schoolName',
      'o.code as schoolCode',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** A candidate by id with its season's district and junior high school. */
export function findCandidate(db: Executor, id: string) {
  return db
    .selectFrom('enrollmentCandidate as c')
    .innerJoin('enrollmentSeason as s', 's.id', 'c.seasonId')
    .innerJoin('orgUnit as o', 'o.id', 'c.schoolId')
    .selectAll('c')
    .select([
      's.districtId',
      's.state as seasonState',
      's.admissionYear',
      'o.code as schoolCode',
      'o.name as schoolName',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Org units by code (schools named in set-up and import files). */
export function findUnitsByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name', 'type', 'groups'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
}

/** Org units by id (code and name, for answers). */
export function findUnitsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** A candidate's placement (published), with the program and batch. */
export function findPlacement(db: Executor, candidateId: string) {
  return db
    .selectFrom('enrollmentPlacement as pl')
    .innerJoin('enrollmentProgram as p', 'p.id', 'pl.programId')
    .innerJoin('enrollmentBatch as b', 'b.id', 'pl.batchId')
    .innerJoin('orgUnit as o', 'o.id', 'p.schoolId')
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
      'o.name as schoolName',
    ])
    .where('pl.candidateId', '=', candidateId)
    .executeTakeFirst();
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

/** A unit and every unit below it (for metric scopes). */
export async function subtreeIds(db: Executor, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE sub AS (
      SELECT id FROM org_unit WHERE id = ${rootId}
      UNION ALL
      SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id
    ) SELECT id FROM sub`.execute(db);
  return rows.rows.map((r) => r.id);
}
