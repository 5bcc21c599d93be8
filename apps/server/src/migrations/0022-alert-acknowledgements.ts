import { sql, type Kysely } from 'kysely';

/**
 * 预警已知悉: a unit says it has seen an alert. An alert has no row of its own (each is computed
 * from records on the day), so an acknowledgement is keyed by the alert's stable id (`indicator:<id>`,
 * `supervision:<order id>` …), the tier it was given at and the unit the alert is addressed to; it
 * names the account that gave it, when, and an optional short note. When the alert worsens
 * (蓝 → 黄 → 红) it has a new key and asks again. Acknowledgements are kept, never changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE alert_acknowledgement (
      alert_id text NOT NULL CHECK (length(alert_id) BETWEEN 1 AND 200),
      tier text NOT NULL CHECK (tier IN ('blue', 'yellow', 'red')),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      acknowledged_by uuid NOT NULL REFERENCES app_user(id),
      acknowledged_at timestamptz NOT NULL,
      note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
      PRIMARY KEY (alert_id, unit_id, tier)
    );
    CREATE INDEX alert_acknowledgement_unit_idx ON alert_acknowledgement(unit_id, acknowledged_at);
  `.execute(db);
}
