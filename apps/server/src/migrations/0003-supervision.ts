import { sql, type Kysely } from 'kysely';

/**
 * Supervision (督导): inspections with their inspectors and scope, findings, rectification orders
 * with their extensions and history, interviews and commitments, rewards and penalties, published
 * report snapshots. `district_id` is kept on findings and orders so the dashboard reads one
 * district's rows through an index without joins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE inspection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      kind text NOT NULL CHECK (kind IN ('regular','special')),
      state text NOT NULL CHECK (state IN ('planned','in_progress','completed')),
      title text NOT NULL,
      purpose text NOT NULL DEFAULT '',
      document_number text,
      starts_on date NOT NULL,
      ends_on date NOT NULL CHECK (ends_on >= starts_on),
      schedule jsonb NOT NULL DEFAULT '[]',
      conclusion text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      completed_at timestamptz
    );
    CREATE INDEX inspection_district_idx ON inspection(district_id, starts_on DESC);

    CREATE TABLE inspection_inspector (
      inspection_id uuid NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id),
      is_lead boolean NOT NULL DEFAULT false,
      PRIMARY KEY (inspection_id, user_id)
    );
    CREATE INDEX inspection_inspector_user_idx ON inspection_inspector(user_id);

    CREATE TABLE inspection_scope (
      inspection_id uuid NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
      item_type text NOT NULL CHECK (item_type IN ('unit','school','task')),
      item_id uuid NOT NULL,
      label text NOT NULL,
      PRIMARY KEY (inspection_id, item_type, item_id)
    );
    CREATE INDEX inspection_scope_item_idx ON inspection_scope(item_id);

    CREATE TABLE finding (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      inspection_id uuid NOT NULL REFERENCES inspection(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      subject_type text NOT NULL CHECK (subject_type IN ('task','indicator','action_item','other')),
      subject_id uuid,
      subject_label text NOT NULL DEFAULT '',
      evidence jsonb NOT NULL DEFAULT '{}',
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      severity text NOT NULL CHECK (severity IN ('general','serious')),
      state text NOT NULL CHECK (state IN ('open','rectifying','resolved')),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      CHECK (subject_type = 'other' OR subject_id IS NOT NULL)
    );
    CREATE INDEX finding_inspection_idx ON finding(inspection_id);
    CREATE INDEX finding_district_idx ON finding(district_id, org_unit_id, state);
    CREATE INDEX finding_unit_idx ON finding(org_unit_id, state);

    CREATE TABLE rectification_order (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      finding_id uuid NOT NULL UNIQUE REFERENCES finding(id),
      inspection_id uuid NOT NULL REFERENCES inspection(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      title text NOT NULL,
      requirements text NOT NULL,
      state text NOT NULL CHECK (state IN ('issued','answered','returned','verified','closed')),
      issued_on date NOT NULL,
      original_due_date date NOT NULL,
      due_date date NOT NULL,
      measures text,
      evidence_file_ids uuid[] NOT NULL DEFAULT '{}',
      answered_at timestamptz,
      answered_by uuid REFERENCES app_user(id),
      verified_at timestamptz,
      verified_by uuid REFERENCES app_user(id),
      review_comment text,
      closed_on date,
      closed_by uuid REFERENCES app_user(id),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (state <> 'closed' OR closed_on IS NOT NULL)
    );
    CREATE INDEX rectification_order_district_idx ON rectification_order(district_id, state, due_date);
    CREATE INDEX rectification_order_unit_idx ON rectification_order(org_unit_id, state, due_date);
    CREATE INDEX rectification_order_inspection_idx ON rectification_order(inspection_id, state);
    CREATE INDEX rectification_order_open_due_idx ON rectification_order(district_id, due_date)
      WHERE state <> 'closed';

    CREATE TABLE rectification_event (
      id bigserial PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES rectification_order(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX rectification_event_order_idx ON rectification_event(order_id, at);

    CREATE TABLE rectification_extension (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL REFERENCES rectification_order(id) ON DELETE CASCADE,
      requested_due_date date NOT NULL,
      reason text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending','approved','refused')),
      requested_by uuid REFERENCES app_user(id),
      requested_at timestamptz NOT NULL,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      decision_reason text
    );
    CREATE UNIQUE INDEX rectification_extension_pending_idx ON rectification_extension(order_id)
      WHERE state = 'pending';

    CREATE TABLE interview (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      inspection_id uuid NOT NULL REFERENCES inspection(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      held_on date NOT NULL,
      interviewers text NOT NULL,
      interviewees text NOT NULL,
      reason text NOT NULL,
      finding_ids uuid[] NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX interview_inspection_idx ON interview(inspection_id);
    CREATE INDEX interview_unit_idx ON interview(org_unit_id);

    CREATE TABLE interview_commitment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      interview_id uuid NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
      position integer NOT NULL,
      text text NOT NULL,
      due_date date,
      state text NOT NULL CHECK (state IN ('pending','fulfilled','unfulfilled')),
      follow_up text,
      followed_up_at timestamptz,
      followed_up_by uuid REFERENCES app_user(id)
    );
    CREATE INDEX interview_commitment_interview_idx ON interview_commitment(interview_id, position);

    CREATE TABLE sanction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      inspection_id uuid REFERENCES inspection(id),
      kind text NOT NULL CHECK (kind IN ('reward','penalty')),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      points numeric NOT NULL CHECK (points >= 0 AND points <= 100),
      title text NOT NULL,
      ground text NOT NULL CHECK (ground IN
        ('findings_closed_on_time','indicator_met','order_overdue','interview_commitment_broken','other')),
      grounds_text text NOT NULL,
      refs jsonb NOT NULL DEFAULT '[]',
      decided_on date NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX sanction_district_year_idx ON sanction(district_id, year, org_unit_id);

    CREATE TABLE supervision_publication (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      inspection_id uuid NOT NULL UNIQUE REFERENCES inspection(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      title text NOT NULL,
      kind text NOT NULL,
      document jsonb NOT NULL,
      published_by uuid REFERENCES app_user(id),
      published_at timestamptz NOT NULL
    );
    CREATE INDEX supervision_publication_at_idx ON supervision_publication(published_at DESC);
  `.execute(db);
}
