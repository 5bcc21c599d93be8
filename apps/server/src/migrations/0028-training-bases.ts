import { sql, type Kysely } from 'kysely';

/**
 * Training bases (实训基地, task （十四）) and vocational-education groups (职教集团, task （十五））:
 * bases with their owner (an enterprise or a school org unit), partners, majors, capacity in
 * stations, equipment, status dates and basis documents (stored files); the sessions schools and
 * enterprises book on them; groups with member units and their joint programmes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE training_base (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      name text NOT NULL CHECK (name <> ''),
      kind text NOT NULL CHECK (kind IN ('high_level','in_school','co_built')),
      owner_id uuid NOT NULL REFERENCES org_unit(id),
      majors text[] NOT NULL DEFAULT '{}',
      capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
      location text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('planned','building','operating')),
      planned_on date,
      construction_started_on date,
      operating_since date,
      CHECK (status <> 'building' OR construction_started_on IS NOT NULL),
      CHECK (status <> 'operating' OR operating_since IS NOT NULL),
      CHECK (operating_since IS NULL OR construction_started_on IS NULL OR operating_since >= construction_started_on),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX training_base_district_idx ON training_base(district_id, kind, status);
    CREATE INDEX training_base_owner_idx ON training_base(owner_id);

    CREATE TABLE training_base_partner (
      base_id uuid NOT NULL REFERENCES training_base(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      PRIMARY KEY (base_id, unit_id)
    );
    CREATE INDEX training_base_partner_unit_idx ON training_base_partner(unit_id);

    CREATE TABLE training_base_equipment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      base_id uuid NOT NULL REFERENCES training_base(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      name text NOT NULL CHECK (name <> ''),
      quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
      unit_value numeric(14,2) NOT NULL CHECK (unit_value >= 0)
    );
    CREATE INDEX training_base_equipment_base_idx ON training_base_equipment(base_id, position);

    CREATE TABLE training_base_document (
      base_id uuid NOT NULL REFERENCES training_base(id) ON DELETE CASCADE,
      file_id uuid NOT NULL REFERENCES stored_file(id),
      PRIMARY KEY (base_id, file_id)
    );
    CREATE INDEX training_base_document_file_idx ON training_base_document(file_id);

    CREATE TABLE training_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      base_id uuid NOT NULL REFERENCES training_base(id),
      booker_id uuid NOT NULL REFERENCES org_unit(id),
      session_date date NOT NULL,
      start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      minutes smallint NOT NULL CHECK (minutes BETWEEN 30 AND 1440),
      group_size integer NOT NULL CHECK (group_size BETWEEN 1 AND 10000),
      purpose text NOT NULL CHECK (purpose IN ('teaching','social_training','production','technical_service')),
      topic text NOT NULL DEFAULT '',
      state text NOT NULL CHECK (state IN ('booked','cancelled')),
      cancelled_on date,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX training_session_base_idx ON training_session(base_id, session_date);
    CREATE INDEX training_session_booker_idx ON training_session(booker_id, session_date);

    CREATE TABLE vet_group (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      name text NOT NULL CHECK (name <> ''),
      lead_unit_id uuid NOT NULL REFERENCES org_unit(id),
      founded_on date,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (district_id, name)
    );

    CREATE TABLE vet_group_member (
      group_id uuid NOT NULL REFERENCES vet_group(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      kind text NOT NULL CHECK (kind IN ('undergraduate','vocational_school','enterprise')),
      role text NOT NULL CHECK (role IN ('chair','vice_chair','council','member')),
      joined_on date NOT NULL,
      PRIMARY KEY (group_id, unit_id)
    );
    CREATE INDEX vet_group_member_unit_idx ON vet_group_member(unit_id);

    CREATE TABLE vet_group_programme (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      group_id uuid NOT NULL REFERENCES vet_group(id),
      kind text NOT NULL CHECK (kind IN ('articulation','modern_apprenticeship','enterprise_apprenticeship')),
      name text NOT NULL CHECK (name <> ''),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      unit_ids uuid[] NOT NULL DEFAULT '{}',
      places integer NOT NULL CHECK (places BETWEEN 0 AND 100000),
      enrolled integer NOT NULL CHECK (enrolled BETWEEN 0 AND 100000),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX vet_group_programme_group_idx ON vet_group_programme(group_id, year);
  `.execute(db);
}
