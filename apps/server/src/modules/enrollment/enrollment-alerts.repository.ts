import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * What the enrolment alert source reads, over open seasons only (preferences, matching and 报到
 * happen while a season is open). `districtId` null: every district; `schoolIds` null: every school.
 */

/**
 * The batches of open seasons, in batch order, each with whether it is published and its newest
 * run that is not (`pendingRunId`: computed, awaiting review or publication).
 */
export function listOpenSeasonBatches(db: Executor, districtId: string | null) {
  let q = db
    .selectFrom('enrollmentBatch as b')
    .innerJoin('enrollmentSeason as s', 's.id', 'b.seasonId')
    .select([
      'b.id',
      'b.seasonId',
      'b.name',
      'b.position',
      'b.opensAt',
      'b.closesAt',
      's.districtId',
      's.name as seasonName',
      sql<boolean>`EXISTS (SELECT 1 FROM enrollment_run r WHERE r.batch_id = b.id AND r.state = 'published')`.as(
        'published',
      ),
      sql<
        string | null
      >`(SELECT r.id FROM enrollment_run r WHERE r.batch_id = b.id AND r.state <> 'published' ORDER BY r.created_at DESC, r.id LIMIT 1)`.as(
        'pendingRunId',
      ),
    ])
    .where('s.state', '=', 'open');
  if (districtId !== null) q = q.where('s.districtId', '=', districtId);
  return q.orderBy('b.seasonId').orderBy('b.position').execute();
}

/**
 * Per batch and junior high: candidates not placed by any published run who have no choices in
 * the batch.
 */
export async function countMissingPreferences(
  db: Executor,
  batchIds: readonly string[],
  schoolIds: readonly string[] | null,
) {
  if (batchIds.length === 0 || schoolIds?.length === 0) return [];
  let q = db
    .selectFrom('enrollmentBatch as b')
    .innerJoin('enrollmentCandidate as c', 'c.seasonId', 'b.seasonId')
    .select(['b.id as batchId', 'c.schoolId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('b.id', 'in', batchIds)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM enrollment_placement p WHERE p.candidate_id = c.id)`)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM enrollment_preference f WHERE f.candidate_id = c.id AND f.batch_id = b.id AND jsonb_array_length(f.choices) > 0)`,
    );
  if (schoolIds) q = q.where('c.schoolId', 'in', schoolIds);
  return q.groupBy(['b.id', 'c.schoolId']).orderBy('b.id').orderBy('c.schoolId').execute();
}

/**
 * Per published batch and receiving school of open seasons: admitted candidates whose 报到 is not
 * recorded, with the time the results were published.
 */
export async function countUnregistered(
  db: Executor,
  districtId: string | null,
  schoolIds: readonly string[] | null,
) {
  if (schoolIds?.length === 0) return [];
  let q = db
    .selectFrom('enrollmentPlacement as p')
    .innerJoin('enrollmentRun as r', 'r.id', 'p.runId')
    .innerJoin('enrollmentBatch as b', 'b.id', 'p.batchId')
    .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
    .innerJoin('enrollmentProgram as g', 'g.id', 'p.programId')
    .leftJoin('enrollmentRegistration as reg', 'reg.candidateId', 'p.candidateId')
    .select([
      'p.seasonId',
      's.districtId',
      'p.batchId',
      'b.name as batchName',
      'r.publishedAt',
      'g.schoolId',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('s.state', '=', 'open')
    .where('r.state', '=', 'published')
    .where('reg.candidateId', 'is', null);
  if (districtId !== null) q = q.where('s.districtId', '=', districtId);
  if (schoolIds) q = q.where('g.schoolId', 'in', schoolIds);
  return q
    .groupBy(['p.seasonId', 's.districtId', 'p.batchId', 'b.name', 'r.publishedAt', 'g.schoolId'])
    .orderBy('p.batchId')
    .orderBy('g.schoolId')
    .execute();
}
