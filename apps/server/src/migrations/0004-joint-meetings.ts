import { sql, type Kysely } from 'kysely';

/**
 * The joint meeting (联席会议): meetings, their member units (attendance and the status report
 * snapshot with the unit's remarks), decisions as action items, and progress updates on them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE meeting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      number integer NOT NULL CHECK (number > 0),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      meeting_date date NOT NULL,
      location text NOT NULL DEFAULT '',
      chair text NOT NULL DEFAULT '',
      convening_unit_id uuid NOT NULL REFERENCES org_unit(id),
      agenda text[] NOT NULL DEFAULT '{}',
      state text NOT NULL CHECK (state IN ('planned','held','minutes_final','closed')),
      minutes_summary text NOT NULL DEFAULT '',
      prepared_at timestamptz,
      window_start date,
      held_at timestamptz,
      minutes_final_at timestamptz,
      closed_at timestamptz,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (district_id, number),
      CHECK (state = 'planned' OR held_at IS NOT NULL),
      CHECK (state NOT IN ('minutes_final','closed') OR minutes_final_at IS NOT NULL),
      CHECK (state <> 'closed' OR closed_at IS NOT NULL)
    );
    CREATE INDEX meeting_district_date_idx ON meeting(district_id, meeting_date DESC);

    -- One row per member unit: its attendance and its status report (情况汇报) with remarks.
    CREATE TABLE meeting_member (
      meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      position integer NOT NULL,
      attendance text NOT NULL DEFAULT 'pending' CHECK (attendance IN ('pending','present','absent')),
      attendees text NOT NULL DEFAULT '',
      absence_reason text NOT NULL DEFAULT '',
      snapshot jsonb,
      snapshot_at timestamptz,
      remarks text,
      remarks_by uuid REFERENCES app_user(id),
      remarks_at timestamptz,
      PRIMARY KEY (meeting_id, org_unit_id),
      CHECK (remarks IS NULL OR remarks_at IS NOT NULL)
    );
    CREATE INDEX meeting_member_unit_idx ON meeting_member(org_unit_id);

    -- A decision (议定事项) of a meeting and its follow-up (落实) by the responsible unit.
    CREATE TABLE action_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number > 0),
      decision text NOT NULL CHECK (length(decision) BETWEEN 1 AND 2000),
      responsible_unit_id uuid NOT NULL REFERENCES org_unit(id),
      deadline date NOT NULL,
      state text NOT NULL CHECK (state IN ('draft','open','submitted','returned','completed')),
      completed_on date,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (meeting_id, number),
      CHECK ((state = 'completed') = (completed_on IS NOT NULL))
    );
    CREATE INDEX action_item_unit_idx ON action_item(responsible_unit_id, state);
    CREATE INDEX action_item_open_deadline_idx ON action_item(deadline) WHERE state IN ('open','submitted','returned');

    CREATE TABLE action_item_update (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      action_item_id uuid NOT NULL REFERENCES action_item(id) ON DELETE CASCADE,
      narrative text NOT NULL CHECK (length(narrative) BETWEEN 1 AND 5000),
      claims_completion boolean NOT NULL,
      state text NOT NULL CHECK (state IN ('submitted','accepted','returned')),
      submitted_by uuid NOT NULL REFERENCES app_user(id),
      submitted_at timestamptz NOT NULL,
      reviewed_by uuid REFERENCES app_user(id),
      reviewed_at timestamptz,
      review_comment text,
      CHECK (state = 'submitted' OR reviewed_at IS NOT NULL),
      CHECK (state <> 'returned' OR review_comment IS NOT NULL)
    );
    CREATE INDEX action_item_update_item_idx ON action_item_update(action_item_id, seq);
    -- At most one update awaits review per item.
    CREATE UNIQUE INDEX action_item_update_pending_idx ON action_item_update(action_item_id) WHERE state = 'submitted';

    CREATE TABLE action_item_update_file (
      update_id uuid NOT NULL REFERENCES action_item_update(id) ON DELETE CASCADE,
      file_id uuid NOT NULL REFERENCES stored_file(id),
      PRIMARY KEY (update_id, file_id)
    );
  `.execute(db);
}
