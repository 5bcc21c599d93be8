import { sql, type Kysely } from 'kysely';

/**
 * Internships (学生实习, task （十三）): posts an enterprise publishes (an org unit of type
 * enterprise), placements a school makes on them with the student's ID number encrypted (cipher,
 * blind index, masked copy; the birth date and sex it encodes kept for the age rules), the
 * documents on file (三方协议, 知情同意书, 实习责任保险 — the premium never the student's), each
 * placement's history and its attendance log. `district_id` is kept on posts and placements so a
 * district's numbers read through an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE internship_post (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      title text NOT NULL CHECK (title <> ''),
      kind text NOT NULL CHECK (kind IN ('cognitive','post')),
      majors text[] NOT NULL DEFAULT '{}',
      places integer NOT NULL CHECK (places BETWEEN 1 AND 10000),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      starts_on date NOT NULL,
      ends_on date NOT NULL CHECK (ends_on >= starts_on),
      location text NOT NULL CHECK (location <> ''),
      daily_hours numeric(4,1) NOT NULL CHECK (daily_hours > 0 AND daily_hours <= 24),
      weekly_hours numeric(4,1) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 168),
      night_work boolean NOT NULL,
      overtime_work boolean NOT NULL,
      holiday_work boolean NOT NULL,
      filing_reference text NOT NULL DEFAULT '',
      venue text CHECK (venue IN ('bar','nightclub','karaoke','bathhouse','arcade','internet_cafe','other_entertainment')),
      via_agent boolean NOT NULL DEFAULT false,
      labour_intensity_class smallint NOT NULL CHECK (labour_intensity_class BETWEEN 1 AND 4),
      high_risk_work text[] NOT NULL DEFAULT '{}',
      monthly_pay numeric(10,2) NOT NULL CHECK (monthly_pay >= 0),
      same_job_monthly_wage numeric(10,2) CHECK (same_job_monthly_wage >= 0),
      lowest_wage_grade numeric(10,2) CHECK (lowest_wage_grade >= 0),
      staff_on_post integer CHECK (staff_on_post >= 0),
      state text NOT NULL CHECK (state IN ('draft','published','closed')),
      published_on date,
      closed_on date,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX internship_post_enterprise_idx ON internship_post(enterprise_id, year);
    CREATE INDEX internship_post_district_idx ON internship_post(district_id, year, state);

    CREATE TABLE internship_placement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      post_id uuid NOT NULL REFERENCES internship_post(id),
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      student_name text NOT NULL CHECK (student_name <> ''),
      student_id_cipher text NOT NULL,
      student_id_index text NOT NULL,
      student_id_masked text NOT NULL,
      -- The birth date only encrypted: beside the masked ID (first 6, last 4) it would be the rest of it.
      birth_date_cipher text NOT NULL,
      age_at_start smallint NOT NULL CHECK (age_at_start >= 0),
      sex text NOT NULL CHECK (sex IN ('M','F')),
      major text NOT NULL CHECK (major <> ''),
      study_year smallint NOT NULL CHECK (study_year BETWEEN 1 AND 5),
      guardian_name text NOT NULL DEFAULT '',
      school_supervisor text NOT NULL DEFAULT '',
      enterprise_mentor text NOT NULL DEFAULT '',
      starts_on date NOT NULL,
      ends_on date NOT NULL CHECK (ends_on >= starts_on),
      monthly_pay numeric(10,2) NOT NULL CHECK (monthly_pay >= 0),
      agreement_file_id uuid REFERENCES stored_file(id),
      agreement_signed_on date,
      consent_file_id uuid REFERENCES stored_file(id),
      student_consent_on date,
      guardian_consent_on date,
      insurer text,
      policy_number text,
      insurance_starts_on date,
      insurance_ends_on date,
      premium_paid_by text CHECK (premium_paid_by IN ('school','enterprise','government')),
      insurance_file_id uuid REFERENCES stored_file(id),
      CHECK ((agreement_file_id IS NULL) = (agreement_signed_on IS NULL)),
      CHECK (consent_file_id IS NOT NULL OR (student_consent_on IS NULL AND guardian_consent_on IS NULL)),
      CHECK (
        (insurer IS NULL AND policy_number IS NULL AND insurance_starts_on IS NULL
          AND insurance_ends_on IS NULL AND premium_paid_by IS NULL AND insurance_file_id IS NULL)
        OR (insurer IS NOT NULL AND policy_number IS NOT NULL AND insurance_starts_on IS NOT NULL
          AND insurance_ends_on >= insurance_starts_on AND premium_paid_by IS NOT NULL
          AND insurance_file_id IS NOT NULL)
      ),
      state text NOT NULL CHECK (state IN ('draft','active','completed','terminated')),
      activated_on date,
      ended_on date,
      end_note text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (post_id, student_id_index)
    );
    CREATE INDEX internship_placement_school_idx ON internship_placement(school_id, state);
    CREATE INDEX internship_placement_enterprise_idx ON internship_placement(enterprise_id, state);
    CREATE INDEX internship_placement_district_idx ON internship_placement(district_id, starts_on, ends_on);

    CREATE TABLE internship_placement_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      placement_id uuid NOT NULL REFERENCES internship_placement(id),
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX internship_placement_event_idx ON internship_placement_event(placement_id, at);

    CREATE TABLE internship_attendance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      placement_id uuid NOT NULL REFERENCES internship_placement(id),
      work_date date NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '24 hours'),
      holiday boolean NOT NULL DEFAULT false,
      note text NOT NULL DEFAULT '',
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX internship_attendance_placement_idx ON internship_attendance(placement_id, starts_at);
  `.execute(db);
}
