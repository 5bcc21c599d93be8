import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * Seasons the public pages offer (past set-up, so cut-offs may exist), newest year first, with how
 * many batches have published results. Names and counts only.
 */
export async function listPublicSeasons(db: Executor) {
  const rows = await db
    .selectFrom('enrollmentSeason as s')
    .innerJoin('orgUnit as d', 'd.id', 's.districtId')
    .select([
      's.id',
      's.name',
      's.admissionYear',
      'd.name as district',
      sql<number>`(select count(distinct r.batch_id)::int from enrollment_run r
        join enrollment_batch b on b.id = r.batch_id
        where b.season_id = s.id and r.state = 'published')`.as('publishedBatches'),
    ])
    .where('s.state', '!=', 'setup')
    .orderBy('s.admissionYear', 'desc')
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ ...r, publishedBatches: Number(r.publishedBatches) }));
}
