import { sql, type Kysely } from 'kysely';

/**
 * School–enterprise cooperation (校企合作, tasks （十二）（十三）): agreements between a vocational
 * school and an enterprise (both org units) with their period, scope and signed file; apprenticeships
 * (现代学徒制 / 企业新型学徒制) under an agreement, approved by the school and then the enterprise, with
 * the jointly made training plan, mentors, stages and completion — apprentices are counted, not
 * named, until a learner register exists; and co-built centres (应用技术协同创新中心, 教学工厂) with
 * partner enterprises and their projects. `district_id` is kept so a district's numbers read
 * through an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cooperation_agreement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      title text NOT NULL CHECK (title <> ''),
      starts_on date NOT NULL,
      ends_on date NOT NULL CHECK (ends_on >= starts_on),
      scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
      summary text NOT NULL DEFAULT '',
      signed_on date,
      agreement_file_id uuid REFERENCES stored_file(id),
      CHECK ((agreement_file_id IS NULL) = (signed_on IS NULL)),
      state text NOT NULL CHECK (state IN ('in_force','terminated')),
      terminated_on date,
      termination_reason text NOT NULL DEFAULT '',
      CHECK ((state = 'terminated') = (terminated_on IS NOT NULL)),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX cooperation_agreement_school_idx ON cooperation_agreement(school_id, starts_on);
    CREATE INDEX cooperation_agreement_enterprise_idx ON cooperation_agreement(enterprise_id, starts_on);
    CREATE INDEX cooperation_agreement_file_idx ON cooperation_agreement(agreement_file_id);

    CREATE TABLE apprenticeship (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES cooperation_agreement(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      scheme text NOT NULL CHECK (scheme IN ('modern','enterprise')),
      title text NOT NULL CHECK (title <> ''),
      occupation text NOT NULL CHECK (occupation <> ''),
      starts_on date NOT NULL,
      ends_on date NOT NULL CHECK (ends_on >= starts_on),
      apprentice_count integer NOT NULL CHECK (apprentice_count BETWEEN 0 AND 100000),
      school_mentors text[] NOT NULL DEFAULT '{}',
      enterprise_mentors text[] NOT NULL DEFAULT '{}',
      plan_summary text NOT NULL DEFAULT '',
      plan_file_id uuid REFERENCES stored_file(id),
      state text NOT NULL CHECK (state IN ('draft','school_approved','approved','completed','terminated')),
      school_approved_on date,
      enterprise_approved_on date,
      completed_on date,
      terminated_on date,
      CHECK ((state = 'terminated') = (terminated_on IS NOT NULL)),
      completed_count integer CHECK (completed_count >= 0 AND completed_count <= apprentice_count),
      end_note text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX apprenticeship_agreement_idx ON apprenticeship(agreement_id);
    CREATE INDEX apprenticeship_school_idx ON apprenticeship(school_id, state);
    CREATE INDEX apprenticeship_enterprise_idx ON apprenticeship(enterprise_id, state);
    CREATE INDEX apprenticeship_district_idx ON apprenticeship(district_id, starts_on);
    CREATE INDEX apprenticeship_file_idx ON apprenticeship(plan_file_id);

    CREATE TABLE apprenticeship_stage (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      apprenticeship_id uuid NOT NULL REFERENCES apprenticeship(id),
      seq smallint NOT NULL CHECK (seq >= 1),
      title text NOT NULL CHECK (title <> ''),
      planned_end_on date NOT NULL,
      completed_on date,
      note text NOT NULL DEFAULT '',
      UNIQUE (apprenticeship_id, seq)
    );

    CREATE TABLE apprenticeship_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      apprenticeship_id uuid NOT NULL REFERENCES apprenticeship(id),
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX apprenticeship_event_idx ON apprenticeship_event(apprenticeship_id, at);

    CREATE TABLE cooperation_centre (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('innovation_centre','teaching_factory')),
      name text NOT NULL CHECK (name <> ''),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      partner_ids uuid[] NOT NULL DEFAULT '{}',
      field text NOT NULL DEFAULT '',
      opened_on date NOT NULL,
      state text NOT NULL CHECK (state IN ('operating','closed')),
      closed_on date CHECK (closed_on >= opened_on),
      close_reason text NOT NULL DEFAULT '',
      CHECK ((state = 'closed') = (closed_on IS NOT NULL)),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX cooperation_centre_school_idx ON cooperation_centre(school_id, kind);
    CREATE INDEX cooperation_centre_partner_idx ON cooperation_centre USING gin (partner_ids);

    CREATE TABLE cooperation_centre_project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id uuid NOT NULL REFERENCES cooperation_centre(id),
      kind text NOT NULL CHECK (kind IN ('research','transfer','promotion','staff_training','practice','production')),
      title text NOT NULL CHECK (title <> ''),
      enterprise_id uuid REFERENCES org_unit(id),
      starts_on date NOT NULL,
      ends_on date CHECK (ends_on >= starts_on),
      staff_trained integer CHECK (staff_trained >= 0),
      students_trained integer CHECK (students_trained >= 0),
      value_yuan numeric(14,2) CHECK (value_yuan >= 0),
      note text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX cooperation_centre_project_idx ON cooperation_centre_project(centre_id, starts_on);
  `.execute(db);
}
