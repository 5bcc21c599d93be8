import { sql, type Kysely } from 'kysely';

/**
 * The enterprise register (企业名录, task （十二）), keyed by the enterprise's org unit:
 * - `enterprise`: the profile — 统一社会信用代码 (unique), legal name, 国民经济行业分类 门类 letter
 *   and 大类 code, address in the district, status, and the district whose register holds it;
 * - `enterprise_year`: per calendar year the staff count (职工总数 at year end), revenue (万元,
 *   optional), the 规模以上 flag from the statistics bureau's list as given, and the flag in force
 *   with its source (`statistics_list`, or `thresholds` computed from revenue and industry with the
 *   threshold version named);
 * - `enterprise_contact`: contacts with their phones only encrypted (FieldCrypto) and masked;
 * - `enterprise_import`: imports of the 规上 list and staff counts, by content hash per importing
 *   unit, so the same file twice has one effect.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE enterprise (
      org_unit_id uuid PRIMARY KEY REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      uscc text NOT NULL UNIQUE CHECK (uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
      legal_name text NOT NULL CHECK (length(legal_name) > 0),
      industry_section text NOT NULL CHECK (industry_section ~ '^[A-T]$'),
      industry_division text NOT NULL CHECK (industry_division ~ '^[0-9]{2}$'),
      address text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('active','suspended','deregistered')),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX enterprise_district_idx ON enterprise(district_id, legal_name, org_unit_id);

    CREATE TABLE enterprise_year (
      enterprise_id uuid NOT NULL REFERENCES enterprise(org_unit_id),
      year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
      staff integer CHECK (staff >= 0),
      revenue_wan numeric(16,2) CHECK (revenue_wan >= 0),
      listed_above_scale boolean,
      above_scale boolean,
      above_scale_source text CHECK (above_scale_source IN ('statistics_list','thresholds')),
      threshold_version text,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (enterprise_id, year),
      CHECK ((above_scale IS NULL) = (above_scale_source IS NULL)),
      CHECK ((above_scale_source = 'thresholds') = (threshold_version IS NOT NULL))
    );
    CREATE INDEX enterprise_year_year_idx ON enterprise_year(year, above_scale);

    CREATE TABLE enterprise_contact (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES enterprise(org_unit_id),
      position integer NOT NULL,
      name text NOT NULL CHECK (length(name) > 0),
      title text NOT NULL DEFAULT '',
      phone_cipher text,
      phone_masked text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((phone_cipher IS NULL) = (phone_masked IS NULL))
    );
    CREATE INDEX enterprise_contact_enterprise_idx ON enterprise_contact(enterprise_id, position);

    CREATE TABLE enterprise_import (
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
