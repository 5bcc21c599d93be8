import { sql, type Kysely } from 'kysely';

/**
 * The student register (学籍, issue 14): one row per student of a vocational school — school,
 * major (code and name; from enrolment, the enrolment program's code and name), class, cohort
 * (入学年份), name, ID number (encrypted, blind-indexed per school, masked), sex, birth date
 * (encrypted only: beside the masked ID it would be the rest of the number), status 在籍 / 休学 /
 * 转学 / 退学 / 毕业 with the day it took effect, and where the row came from: an enrolment
 * registration (报到; its id, the candidate's, at most one learner each) or an import.
 * `district_id` is kept on the row so the coordinator's list reads the district through an index.
 *
 * The status history is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): the entry
 * onto the register (`from_status` null) and every change after it, with the day, the reason, who
 * and when. No foreign key to the enrolment module's table (a module's tables reference only its
 * own and the platform's): the registration id is checked through the enrolment module's export.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE learner (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      -- As long as an enrolment program's code may be (32): the cohort's major comes from it.
      major_code text NOT NULL CHECK (length(major_code) BETWEEN 1 AND 32),
      major_name text NOT NULL DEFAULT '' CHECK (length(major_name) <= 100),
      class_name text NOT NULL DEFAULT '' CHECK (length(class_name) <= 50),
      cohort_year integer NOT NULL CHECK (cohort_year BETWEEN 2000 AND 2100),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      id_cipher text NOT NULL,
      id_index text NOT NULL,
      id_masked text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('M','F')),
      birth_date_cipher text NOT NULL,
      status text NOT NULL CHECK (status IN ('enrolled','suspended','transferred','withdrawn','graduated')),
      status_since date NOT NULL,
      source text NOT NULL CHECK (source IN ('enrollment','import')),
      enrollment_registration_id uuid,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT learner_source_registration
        CHECK ((source = 'enrollment') = (enrollment_registration_id IS NOT NULL)),
      CONSTRAINT learner_school_id_index_key UNIQUE (school_id, id_index)
    );
    CREATE UNIQUE INDEX learner_enrollment_registration_key ON learner(enrollment_registration_id)
      WHERE enrollment_registration_id IS NOT NULL;
    CREATE INDEX learner_school_cohort_idx ON learner(school_id, cohort_year);
    CREATE INDEX learner_district_idx ON learner(district_id, school_id);
    CREATE INDEX learner_id_index_idx ON learner(id_index);

    CREATE TABLE learner_status_change (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      learner_id uuid NOT NULL REFERENCES learner(id),
      from_status text CHECK (from_status IN ('enrolled','suspended','transferred','withdrawn','graduated')),
      to_status text NOT NULL CHECK (to_status IN ('enrolled','suspended','transferred','withdrawn','graduated')),
      changed_on date NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      changed_by uuid REFERENCES app_user(id),
      changed_at timestamptz NOT NULL,
      CHECK (from_status IS DISTINCT FROM to_status)
    );
    CREATE INDEX learner_status_change_learner_idx ON learner_status_change(learner_id, seq);

    CREATE FUNCTION learner_status_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'learner_status_change is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER learner_status_change_no_update BEFORE UPDATE OR DELETE ON learner_status_change
      FOR EACH ROW EXECUTE FUNCTION learner_status_change_append_only();
    CREATE TRIGGER learner_status_change_no_truncate BEFORE TRUNCATE ON learner_status_change
      FOR EACH STATEMENT EXECUTE FUNCTION learner_status_change_append_only();
  `.execute(db);
}
