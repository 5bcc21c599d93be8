import { sql, type Kysely } from 'kysely';

/**
 * The enrolment season (统一招生): seasons, batches, programs, candidates (ID numbers encrypted
 * with a blind index), preferences with their history, matching runs, placements, registrations
 * (报到), the result look-up's rate-limit log, and the platform's job table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      state text NOT NULL CHECK (state IN ('queued','running','succeeded','failed')),
      progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      payload jsonb NOT NULL DEFAULT '{}',
      result jsonb,
      error jsonb,
      owner_id uuid REFERENCES app_user(id),
      org_unit_id uuid REFERENCES org_unit(id),
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX job_state_idx ON job(state) WHERE state IN ('queued','running');

    CREATE TABLE enrollment_season (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      admission_year integer NOT NULL CHECK (admission_year BETWEEN 2000 AND 2100),
      name text NOT NULL CHECK (length(name) > 0),
      subjects jsonb NOT NULL,
      tie_break jsonb NOT NULL,
      state text NOT NULL CHECK (state IN ('setup','open','closed')),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (district_id, admission_year)
    );

    CREATE TABLE enrollment_batch (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      season_id uuid NOT NULL REFERENCES enrollment_season(id) ON DELETE CASCADE,
      code text NOT NULL,
      name text NOT NULL,
      position integer NOT NULL CHECK (position >= 1),
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      max_choices integer NOT NULL CHECK (max_choices BETWEEN 1 AND 50),
      CHECK (closes_at > opens_at),
      UNIQUE (season_id, code),
      UNIQUE (season_id, position)
    );

    CREATE TABLE enrollment_program (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      season_id uuid NOT NULL REFERENCES enrollment_season(id) ON DELETE CASCADE,
      batch_id uuid NOT NULL REFERENCES enrollment_batch(id) ON DELETE CASCADE,
      code text NOT NULL,
      name text NOT NULL,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      track text NOT NULL CHECK (track IN ('general','vocational')),
      quota integer NOT NULL CHECK (quota >= 0),
      min_score numeric,
      requires jsonb NOT NULL DEFAULT '{}',
      reserved jsonb NOT NULL DEFAULT '[]',
      UNIQUE (season_id, code)
    );
    CREATE INDEX enrollment_program_batch_idx ON enrollment_program(batch_id);
    CREATE INDEX enrollment_program_school_idx ON enrollment_program(school_id);

    CREATE TABLE enrollment_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      season_id uuid NOT NULL REFERENCES enrollment_season(id) ON DELETE CASCADE,
      content_hash text NOT NULL,
      file_name text NOT NULL,
      rows integer NOT NULL,
      created integer NOT NULL,
      updated integer NOT NULL,
      unchanged integer NOT NULL,
      imported_by uuid REFERENCES app_user(id),
      imported_at timestamptz NOT NULL,
      UNIQUE (season_id, content_hash)
    );

    CREATE TABLE enrollment_candidate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      season_id uuid NOT NULL REFERENCES enrollment_season(id) ON DELETE CASCADE,
      exam_number text NOT NULL,
      name text NOT NULL,
      id_cipher text NOT NULL,
      id_index text NOT NULL,
      id_masked text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('M','F')),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      scores jsonb NOT NULL,
      total numeric NOT NULL,
      bonus numeric NOT NULL DEFAULT 0,
      row_hash text NOT NULL,
      import_id uuid NOT NULL REFERENCES enrollment_import(id),
      UNIQUE (season_id, exam_number),
      UNIQUE (season_id, id_index)
    );
    CREATE INDEX enrollment_candidate_school_idx ON enrollment_candidate(school_id);

    CREATE TABLE enrollment_preference (
      candidate_id uuid NOT NULL REFERENCES enrollment_candidate(id) ON DELETE CASCADE,
      batch_id uuid NOT NULL REFERENCES enrollment_batch(id) ON DELETE CASCADE,
      choices jsonb NOT NULL,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (candidate_id, batch_id)
    );
    CREATE INDEX enrollment_preference_batch_idx ON enrollment_preference(batch_id);

    CREATE TABLE enrollment_preference_change (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      candidate_id uuid NOT NULL REFERENCES enrollment_candidate(id) ON DELETE CASCADE,
      batch_id uuid NOT NULL REFERENCES enrollment_batch(id) ON DELETE CASCADE,
      old_choices jsonb,
      new_choices jsonb NOT NULL,
      changed_by uuid REFERENCES app_user(id),
      changed_at timestamptz NOT NULL
    );
    CREATE INDEX enrollment_preference_change_idx ON enrollment_preference_change(candidate_id, batch_id);

    CREATE TABLE enrollment_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      batch_id uuid NOT NULL REFERENCES enrollment_batch(id) ON DELETE CASCADE,
      job_id uuid REFERENCES job(id),
      state text NOT NULL CHECK (state IN ('draft','reviewed','published')),
      input_hash text NOT NULL,
      output text NOT NULL,
      summary jsonb NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      reviewed_by uuid REFERENCES app_user(id),
      reviewed_at timestamptz,
      published_by uuid REFERENCES app_user(id),
      published_at timestamptz
    );
    CREATE INDEX enrollment_run_batch_idx ON enrollment_run(batch_id);
    CREATE UNIQUE INDEX enrollment_run_published_idx ON enrollment_run(batch_id) WHERE state = 'published';

    CREATE TABLE enrollment_placement (
      candidate_id uuid PRIMARY KEY REFERENCES enrollment_candidate(id) ON DELETE CASCADE,
      season_id uuid NOT NULL REFERENCES enrollment_season(id) ON DELETE CASCADE,
      batch_id uuid NOT NULL REFERENCES enrollment_batch(id) ON DELETE CASCADE,
      run_id uuid NOT NULL REFERENCES enrollment_run(id),
      program_id uuid NOT NULL REFERENCES enrollment_program(id),
      seat text,
      choice integer NOT NULL CHECK (choice >= 1)
    );
    CREATE INDEX enrollment_placement_program_idx ON enrollment_placement(program_id);

    CREATE TABLE enrollment_registration (
      candidate_id uuid PRIMARY KEY REFERENCES enrollment_placement(candidate_id) ON DELETE CASCADE,
      program_id uuid NOT NULL REFERENCES enrollment_program(id),
      status text NOT NULL CHECK (status IN ('registered','declined')),
      reason text,
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL,
      CHECK (status = 'registered' OR (reason IS NOT NULL AND length(reason) > 0))
    );

    CREATE TABLE enrollment_lookup_attempt (
      id bigserial PRIMARY KEY,
      ip text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX enrollment_lookup_attempt_ip_idx ON enrollment_lookup_attempt(ip, at);
  `.execute(db);
}
