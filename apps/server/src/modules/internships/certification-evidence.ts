/**
 * What the certification of 产教融合型企业 (task （十二）) reads of an enterprise's internships: the
 * students who interned there 3 months or more, per year, and the 2 % duty of a year. Reads only
 * this module's tables and the enterprise register's index.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { DEFAULT_DUTY_RULE, enterpriseDuty, enterpriseYearFacts } from '../enterprises/index.ts';
import { postsOfferedPerEnterprise } from './internships.metrics.ts';

/**
 * Students (distinct ID numbers) whose placement at the enterprise lasted 3 months or more by
 * `asOf` (its actual end, or its planned end while running, on or after the day before the
 * 3-month anniversary of its start), per calendar year of its start. Drafts and placements ended
 * before 3 months are not counted.
 *
 * @example await longInternsByYear(db, zhendongId, '2022-03-01') // { 2020: 24, 2021: 41 }
 */
export async function longInternsByYear(
  db: Executor,
  enterpriseId: string,
  asOf: string,
): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('internshipPlacement')
    .select([
      sql<number>`extract(year from starts_on)::int`.as('year'),
      sql<number | string>`count(DISTINCT student_id_index)`.as('n'),
    ])
    .where('enterpriseId', '=', enterpriseId)
    .where('state', 'in', ['active', 'completed', 'terminated'])
    .where('startsOn', '<=', asOf)
    .where(
      sql<boolean>`coalesce(ended_on, ends_on) >= (starts_on + interval '3 months' - interval '1 day')::date`,
    )
    .where(sql<boolean>`(starts_on + interval '3 months' - interval '1 day')::date <= ${asOf}::date`)
    .groupBy(sql`extract(year from starts_on)`)
    .execute();
  return Object.fromEntries(rows.map((r) => [Number(r.year), Number(r.n)]));
}

/**
 * The enterprise's 2 % duty of `year` (duty.rules.ts): met, short, not applicable (not above
 * scale that year) or not judged (flag or staff count not on the register).
 */
export async function internshipDutyOf(
  db: Executor,
  enterpriseId: string,
  year: number,
): Promise<'met' | 'short' | 'not_applicable' | 'not_judged'> {
  const [facts, offered] = await Promise.all([
    enterpriseYearFacts(db, [enterpriseId], year),
    postsOfferedPerEnterprise(db, { year, enterpriseIds: [enterpriseId] }),
  ]);
  const f = facts.get(enterpriseId);
  const o = offered.get(enterpriseId);
  return enterpriseDuty(
    {
      enterpriseId,
      year,
      aboveScale: f?.aboveScale ?? null,
      staff: f?.staff ?? null,
      postsOffered: o?.places ?? 0,
      postsFilled: o?.filled ?? 0,
    },
    DEFAULT_DUTY_RULE,
  ).status;
}
