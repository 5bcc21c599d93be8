import { sql, type Kysely } from 'kysely';

/** Plans and their versions, sections, tasks, units, indicators, milestones, periods, reports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      version integer NOT NULL,
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      district_id uuid NOT NULL REFERENCES org_unit(id),
      status text NOT NULL CHECK (status IN ('draft','published','archived')),
      stage text,
      start_date date NOT NULL,
      end_date date NOT NULL,
      reporting_period text NOT NULL CHECK (reporting_period IN ('monthly','quarterly','yearly')),
      preamble text NOT NULL DEFAULT '',
      definition jsonb NOT NULL,
      content_hash text NOT NULL,
      warnings jsonb NOT NULL DEFAULT '[]',
      is_current boolean NOT NULL DEFAULT true,
      imported_by uuid REFERENCES app_user(id),
      imported_at timestamptz NOT NULL,
      UNIQUE (code, version)
    );
    CREATE UNIQUE INDEX plan_current_idx ON plan(code) WHERE is_current;

    CREATE TABLE plan_section (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      number integer NOT NULL,
      label text NOT NULL,
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      UNIQUE (plan_id, number)
    );

    CREATE TABLE plan_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      section_id uuid NOT NULL REFERENCES plan_section(id) ON DELETE CASCADE,
      code text NOT NULL,
      number integer NOT NULL,
      label text NOT NULL,
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      text text NOT NULL,
      UNIQUE (plan_id, number)
    );

    CREATE TABLE task_unit (
      task_id uuid NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      role text NOT NULL CHECK (role IN ('lead','cooperating')),
      position integer NOT NULL,
      written_as text NOT NULL,
      PRIMARY KEY (task_id, org_unit_id)
    );
    CREATE INDEX task_unit_org_idx ON task_unit(org_unit_id);

    CREATE TABLE indicator (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      task_id uuid NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
      code text NOT NULL,
      name text NOT NULL,
      name_en text NOT NULL DEFAULT '',
      unit text NOT NULL,
      comparator text NOT NULL CHECK (comparator IN ('gte','lte','eq','between')),
      target numeric,
      target_low numeric,
      target_high numeric,
      deadline date NOT NULL,
      recurrence text NOT NULL DEFAULT 'once' CHECK (recurrence IN ('once','yearly')),
      baseline numeric,
      kind text NOT NULL CHECK (kind IN ('reported','computed')),
      metric text,
      is_public boolean NOT NULL DEFAULT true,
      description text NOT NULL DEFAULT '',
      position integer NOT NULL,
      UNIQUE (plan_id, code)
    );
    CREATE INDEX indicator_task_idx ON indicator(task_id);

    CREATE TABLE milestone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      task_id uuid NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
      code text NOT NULL,
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      due date NOT NULL,
      org_unit_id uuid REFERENCES org_unit(id),
      description text NOT NULL DEFAULT '',
      completed_on date,
      position integer NOT NULL,
      UNIQUE (plan_id, code)
    );
    CREATE INDEX milestone_task_idx ON milestone(task_id);
    CREATE INDEX milestone_org_idx ON milestone(org_unit_id) WHERE org_unit_id IS NOT NULL;

    CREATE TABLE reporting_period (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      label text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      due_on date NOT NULL,
      UNIQUE (plan_id, starts_on)
    );

    CREATE TABLE progress_report (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      task_id uuid NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
      period_id uuid NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      state text NOT NULL CHECK (state IN ('draft','submitted','returned','approved')),
      progress text NOT NULL CHECK (progress IN ('on_track','at_risk','behind','completed')),
      narrative text NOT NULL,
      completed_milestones uuid[] NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      submitted_at timestamptz,
      reviewed_by uuid REFERENCES app_user(id),
      reviewed_at timestamptz,
      review_comment text,
      UNIQUE (task_id, period_id, org_unit_id)
    );
    CREATE INDEX progress_report_plan_state_idx ON progress_report(plan_id, state);
    CREATE INDEX progress_report_org_idx ON progress_report(org_unit_id, plan_id);
    CREATE INDEX progress_report_task_idx ON progress_report(task_id, period_id);

    CREATE TABLE progress_report_value (
      report_id uuid NOT NULL REFERENCES progress_report(id) ON DELETE CASCADE,
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      value numeric NOT NULL,
      note text NOT NULL DEFAULT '',
      PRIMARY KEY (report_id, indicator_id)
    );
    CREATE INDEX progress_report_value_indicator_idx ON progress_report_value(indicator_id);

    CREATE TABLE progress_report_file (
      report_id uuid NOT NULL REFERENCES progress_report(id) ON DELETE CASCADE,
      file_id uuid NOT NULL REFERENCES stored_file(id),
      PRIMARY KEY (report_id, file_id)
    );

    CREATE TABLE progress_report_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      report_id uuid NOT NULL REFERENCES progress_report(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX progress_report_event_report_idx ON progress_report_event(report_id, at);

    -- Approved indicator values: the history behind every "latest value".
    CREATE TABLE indicator_value (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      period_id uuid NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      value numeric NOT NULL,
      report_id uuid REFERENCES progress_report(id) ON DELETE SET NULL,
      recorded_at timestamptz NOT NULL,
      UNIQUE (indicator_id, period_id)
    );
  `.execute(db);
}
