import { sql, type Kysely } from 'kysely';

/**
 * During and after a placement (task （十三）; 《职业学校学生实习管理规定》 2021, arts. 34–36):
 * incident reports (实习安全事故/事件) filed by the school or the host enterprise, with the policy
 * that covered the day (a copy of the placement's insurance as it stood at the report) and when
 * the insurer was notified; their attached files; the two evaluations (实习考核: the enterprise
 * mentor's and the school supervisor's, one of each per placement); and the overall result the
 * completion keeps. The description is free text that may name health details: it is read only
 * by those who see the placement (no new identifier column is kept in clear).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE internship_incident (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      placement_id uuid NOT NULL REFERENCES internship_placement(id),
      occurred_at timestamptz NOT NULL,
      kind text NOT NULL CHECK (kind IN ('work_injury','accidental_injury','illness','property_loss','other')),
      severity text NOT NULL CHECK (severity IN ('minor','serious','grave')),
      description text NOT NULL CHECK (description <> ''),
      measures text NOT NULL DEFAULT '',
      insurer text,
      policy_number text,
      CHECK ((insurer IS NULL) = (policy_number IS NULL)),
      insurer_notified_at timestamptz CHECK (insurer_notified_at >= occurred_at),
      claim_reference text NOT NULL DEFAULT '',
      reported_by_party text NOT NULL CHECK (reported_by_party IN ('school','enterprise')),
      reported_by uuid REFERENCES app_user(id),
      reported_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX internship_incident_placement_idx ON internship_incident(placement_id, occurred_at);
    CREATE INDEX internship_incident_unnotified_idx ON internship_incident(placement_id)
      WHERE insurer_notified_at IS NULL;

    CREATE TABLE internship_incident_file (
      incident_id uuid NOT NULL REFERENCES internship_incident(id),
      file_id uuid NOT NULL REFERENCES stored_file(id),
      PRIMARY KEY (incident_id, file_id)
    );
    CREATE INDEX internship_incident_file_idx ON internship_incident_file(file_id);

    CREATE TABLE internship_evaluation (
      placement_id uuid NOT NULL REFERENCES internship_placement(id),
      party text NOT NULL CHECK (party IN ('school','enterprise')),
      grade text NOT NULL CHECK (grade IN ('excellent','good','pass','fail')),
      comments text NOT NULL DEFAULT '',
      evaluated_on date NOT NULL,
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (placement_id, party)
    );

    ALTER TABLE internship_placement
      ADD COLUMN result text CHECK (result IN ('excellent','good','pass','fail'));
  `.execute(db);
}
