import { sql, type Kysely } from 'kysely';

/**
 * Teachers (教师队伍): the register per school with the 专业课 periods and majors taught, enterprise
 * work history, certificates, practice hours, 双师型 applications and recognitions, recruitment
 * exceptions, per-district settings and import bookkeeping. ID numbers and phones are stored
 * encrypted with a blind index and a masked copy. `district_id` is kept on the teacher so the ratio
 * reads a district's rows through an index and finds its setting without walking the org tree.
 * Dates: employment is [hire_date, leave_date) (the leave date is the first day not employed);
 * 专业课 periods and recognition validity are inclusive of both ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE teacher (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      id_cipher text NOT NULL,
      id_index text NOT NULL,
      id_masked text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('M','F')),
      birth_date date NOT NULL,
      phone_cipher text,
      phone_masked text,
      education text NOT NULL CHECK (education IN
        ('junior_high','senior_high','secondary_vocational','vocational_college','bachelor','master','doctor')),
      professional_title text NOT NULL CHECK (professional_title IN
        ('none','junior','intermediate','associate_senior','senior')),
      post text NOT NULL DEFAULT '',
      series text NOT NULL CHECK (series IN ('full_time','enterprise_part_time')),
      internship_instructor boolean NOT NULL DEFAULT false,
      hire_date date NOT NULL,
      leave_date date CHECK (leave_date IS NULL OR leave_date > hire_date),
      row_hash text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (school_id, id_index)
    );
    CREATE INDEX teacher_district_idx ON teacher(district_id, school_id);
    CREATE INDEX teacher_school_dates_idx ON teacher(school_id, hire_date, leave_date);
    CREATE INDEX teacher_id_index_idx ON teacher(id_index);

    CREATE TABLE teacher_major (
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      major_code text NOT NULL CHECK (length(major_code) BETWEEN 1 AND 20),
      major_name text NOT NULL DEFAULT '',
      PRIMARY KEY (teacher_id, major_code)
    );
    CREATE INDEX teacher_major_code_idx ON teacher_major(major_code);

    CREATE TABLE teacher_specialised_period (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      starts_on date NOT NULL,
      ends_on date CHECK (ends_on IS NULL OR ends_on >= starts_on),
      UNIQUE (teacher_id, starts_on)
    );
    CREATE INDEX teacher_specialised_period_dates_idx
      ON teacher_specialised_period(teacher_id, starts_on, ends_on);

    CREATE TABLE teacher_work_experience (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      position integer NOT NULL,
      employer text NOT NULL CHECK (length(employer) BETWEEN 1 AND 200),
      industry text NOT NULL DEFAULT '',
      job text NOT NULL DEFAULT '',
      starts_on date NOT NULL,
      ends_on date CHECK (ends_on IS NULL OR ends_on >= starts_on)
    );
    CREATE INDEX teacher_work_experience_teacher_idx ON teacher_work_experience(teacher_id);

    CREATE TABLE teacher_certificate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      position integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('vocational_qualification','skill_level','other')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      level text CHECK (level IN ('junior','intermediate','senior','technician','senior_technician')),
      issuer text NOT NULL DEFAULT '',
      certificate_no text NOT NULL DEFAULT '',
      issued_on date NOT NULL
    );
    CREATE INDEX teacher_certificate_teacher_idx ON teacher_certificate(teacher_id);

    CREATE TABLE teacher_practice (
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year BETWEEN 1950 AND 2200),
      hours numeric(7,1) NOT NULL CHECK (hours >= 0 AND hours <= 8784),
      enterprise text NOT NULL DEFAULT '',
      PRIMARY KEY (teacher_id, year)
    );

    CREATE TABLE dq_application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      level text NOT NULL CHECK (level IN ('junior','intermediate','senior')),
      state text NOT NULL CHECK (state IN
        ('submitted','returned','school_passed','approved','refused','withdrawn')),
      statement text NOT NULL DEFAULT '',
      evidence_file_ids uuid[] NOT NULL DEFAULT '{}',
      criteria jsonb NOT NULL DEFAULT '[]',
      submitted_by uuid REFERENCES app_user(id),
      submitted_at timestamptz NOT NULL,
      school_reviewed_by uuid REFERENCES app_user(id),
      school_reviewed_at timestamptz,
      school_comment text,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      decision_reason text,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX dq_application_district_state_idx ON dq_application(district_id, state);
    CREATE INDEX dq_application_school_state_idx ON dq_application(school_id, state);
    CREATE UNIQUE INDEX dq_application_open_idx ON dq_application(teacher_id)
      WHERE state IN ('submitted','returned','school_passed');

    CREATE TABLE dq_application_event (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES dq_application(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX dq_application_event_app_idx ON dq_application_event(application_id, at);

    CREATE TABLE dq_recognition (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      teacher_id uuid NOT NULL REFERENCES teacher(id) ON DELETE CASCADE,
      application_id uuid REFERENCES dq_application(id),
      level text NOT NULL CHECK (level IN ('junior','intermediate','senior')),
      certifying_body text NOT NULL CHECK (length(certifying_body) BETWEEN 1 AND 200),
      recognised_on date NOT NULL,
      valid_from date NOT NULL,
      valid_until date NOT NULL CHECK (valid_until >= valid_from),
      certificate_no text NOT NULL DEFAULT '',
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX dq_recognition_validity_idx ON dq_recognition(teacher_id, valid_from, valid_until);
    CREATE INDEX dq_recognition_until_idx ON dq_recognition(valid_until);

    CREATE TABLE teacher_hire_exception (
      teacher_id uuid PRIMARY KEY REFERENCES teacher(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      granted_by uuid REFERENCES app_user(id),
      granted_at timestamptz NOT NULL
    );

    CREATE TABLE teacher_setting (
      district_id uuid PRIMARY KEY REFERENCES org_unit(id),
      count_part_time boolean NOT NULL DEFAULT false,
      criteria jsonb,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE teacher_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      content_hash text NOT NULL,
      file_name text NOT NULL,
      rows integer NOT NULL,
      created integer NOT NULL,
      updated integer NOT NULL,
      unchanged integer NOT NULL,
      imported_by uuid REFERENCES app_user(id),
      imported_at timestamptz NOT NULL,
      UNIQUE (org_unit_id, content_hash)
    );
  `.execute(db);
}
