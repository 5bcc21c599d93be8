import { sql, type Kysely } from 'kysely';

/**
 * A plan's reporting periods end with the plan: earlier versions extended them up to today, so an
 * ended plan offered "2026年第4季度" to report on. Periods that start after their plan's end and
 * hold no report and no value are removed (one that holds a report is kept: it is a record).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM reporting_period rp
    USING plan p
    WHERE rp.plan_id = p.id
      AND rp.starts_on > p.end_date
      AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.period_id = rp.id)
      AND NOT EXISTS (SELECT 1 FROM indicator_value v WHERE v.period_id = rp.id);
  `.execute(db);
}
