import { sql, type Kysely } from 'kysely';

/**
 * Per-period verdicts: a recurring indicator may repeat yearly, quarterly or monthly, and states
 * how its per-period verdicts add up (`verdict_rule`). A reported value may carry the numerator and
 * denominator it was computed from (the funds and the enrolment behind 元/生), kept with the
 * report and with the approved value.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE indicator DROP CONSTRAINT indicator_recurrence_check;
    ALTER TABLE indicator ADD CONSTRAINT indicator_recurrence_check
      CHECK (recurrence IN ('once','yearly','quarterly','monthly'));
    ALTER TABLE indicator ADD COLUMN verdict_rule text NOT NULL DEFAULT 'every-period'
      CHECK (verdict_rule IN ('every-period','last-period'));
    ALTER TABLE progress_report_value ADD COLUMN numerator numeric, ADD COLUMN denominator numeric,
      ADD CONSTRAINT progress_report_value_ratio_check
        CHECK ((numerator IS NULL) = (denominator IS NULL) AND (denominator IS NULL OR denominator > 0));
    ALTER TABLE indicator_value ADD COLUMN numerator numeric, ADD COLUMN denominator numeric;
  `.execute(db);
}
