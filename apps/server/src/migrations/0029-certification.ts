import { sql, type Kysely } from 'kysely';

/**
 * 产教融合型企业 certification (task （十二）) and the 组合式激励 ledger: an enterprise's
 * application for a year with its history, the joint-review sheet (会签单: one opinion per bureau),
 * the decision with the evaluation snapshot it was taken on (so later records never rewrite it),
 * the yearly re-checks with theirs, revocation, and each incentive granted. Also the programs
 * module's partner enterprises of a course (共同开发课程), which the certification reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE course_partner_enterprise (
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      since_year integer NOT NULL CHECK (since_year BETWEEN 2000 AND 2100),
      PRIMARY KEY (course_id, enterprise_id)
    );
    CREATE INDEX course_partner_enterprise_idx ON course_partner_enterprise(enterprise_id);

    CREATE TABLE certification_application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      applied_by_unit_id uuid NOT NULL REFERENCES org_unit(id),
      applied_on date NOT NULL,
      statement text NOT NULL DEFAULT '',
      state text NOT NULL CHECK (state IN ('submitted','certified','refused','revoked')),
      decided_on date,
      decision_note text NOT NULL DEFAULT '',
      evaluation jsonb,
      certified_on date,
      valid_until date,
      revoked_on date,
      revoke_reason text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (enterprise_id, year)
    );
    CREATE INDEX certification_application_district_idx ON certification_application(district_id, year, state);

    CREATE TABLE certification_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES certification_application(id),
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX certification_event_application_idx ON certification_event(application_id, at);

    CREATE TABLE certification_opinion (
      application_id uuid NOT NULL REFERENCES certification_application(id),
      bureau_id uuid NOT NULL REFERENCES org_unit(id),
      opinion text NOT NULL CHECK (opinion IN ('agree','disagree')),
      comment text NOT NULL DEFAULT '',
      given_on date NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      PRIMARY KEY (application_id, bureau_id)
    );

    CREATE TABLE certification_recheck (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES certification_application(id),
      checked_on date NOT NULL,
      passed boolean NOT NULL,
      evaluation jsonb NOT NULL,
      comment text NOT NULL DEFAULT '',
      actor_id uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX certification_recheck_application_idx ON certification_recheck(application_id, checked_on);

    CREATE TABLE certification_incentive (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES org_unit(id),
      application_id uuid NOT NULL REFERENCES certification_application(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      kind text NOT NULL CHECK (kind IN ('finance','fiscal','land','credit','tax')),
      granting_unit_id uuid NOT NULL REFERENCES org_unit(id),
      grantor text NOT NULL DEFAULT '',
      amount numeric(14,2) CHECK (amount > 0),
      measure text NOT NULL DEFAULT '',
      granted_on date NOT NULL,
      basis_number text NOT NULL DEFAULT '',
      basis_file_id uuid REFERENCES stored_file(id),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      CHECK (amount IS NOT NULL OR measure <> ''),
      CHECK (basis_number <> '' OR basis_file_id IS NOT NULL)
    );
    CREATE INDEX certification_incentive_enterprise_idx ON certification_incentive(enterprise_id, granted_on);
    CREATE INDEX certification_incentive_district_idx ON certification_incentive(district_id, granted_on);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE certification_incentive;
    DROP TABLE certification_recheck;
    DROP TABLE certification_opinion;
    DROP TABLE certification_event;
    DROP TABLE certification_application;
    DROP TABLE course_partner_enterprise;
  `.execute(db);
}
