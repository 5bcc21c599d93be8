import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * Open consultations (whose comment period ends by `endsBy`, when given) of one district (null: all),
 * with how many of their comments wait for moderation (`pending`) and how many published ones for
 * a reply (`unreplied`). The alert and todo sources read it.
 */
export function listOpenConsultationBacklogs(
  db: Executor,
  filter: { districtId: string | null; endsBy?: Date },
) {
  let q = db
    .selectFrom('consultation as c')
    .leftJoin('consultationComment as m', 'm.consultationId', 'c.id')
    .select([
      'c.id',
      'c.title',
      'c.districtId',
      'c.closesAt',
      sql<number>`count(*) FILTER (WHERE m.status = 'pending')::int`.as('pending'),
      sql<number>`count(*) FILTER (WHERE m.status = 'published' AND m.reply IS NULL)::int`.as('unreplied'),
    ])
    .where('c.status', '=', 'open')
    .groupBy(['c.id', 'c.title', 'c.districtId', 'c.closesAt']);
  if (filter.endsBy) q = q.where('c.closesAt', '<=', filter.endsBy);
  if (filter.districtId !== null) q = q.where('c.districtId', '=', filter.districtId);
  return q.orderBy('c.closesAt').orderBy('c.id').execute();
}
