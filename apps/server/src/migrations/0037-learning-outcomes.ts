import { sql, type Kysely } from 'kysely';

/**
 * The credit bank stored (学分银行, issue 14): recognise → accumulate.
 *
 * - `outcome_catalogue` + `outcome_catalogue_entry`: a district's learning-outcome catalogue
 *   (学习成果名录) for a year, in versions — which outcome types (optionally one certificate) count,
 *   at which level, with how many suggested credits (tenths of a credit). A version is never
 *   changed: a change is the next version, and the highest version is in force (recognition.rules.ts).
 * - `learning_outcome`: an outcome of a learner — course credit, 1+X certificate (name, code, level,
 *   培训评价组织, number, date), vocational qualification / skill level certificate, training
 *   completion, competition award — with its issuer, optional evidence (a stored file) and status
 *   待认定 → 已认定 / 不予认定, 已认定 → 已撤销, with the reviewer's reason. One certificate number of
 *   one issuer is one outcome (a refused one may be recorded again). `school_id` and `district_id`
 *   are the learner's, kept on the row so scoped lists read through an index.
 * - `outcome_recognition`: each 认定 with its credits and the catalogue version it was judged by.
 * - `credit_ledger_entry`: the account, append-only (a trigger refuses UPDATE, DELETE and
 *   TRUNCATE). Entry ids are those of credit-ledger.rules.ts (`post:<recognition>`,
 *   `reverse:<entry>`, `convert:<conversion>`), so the same step twice is the same key; an entry is
 *   reversed at most once. Every row names its learner and is read by learner (a distributed
 *   deployment shards by learner).
 * - `conversion_rule`: a school's conversion rules (转换) as data — an outcome type (optionally one
 *   certificate) at a minimum level exempts courses for so many credits, per major or every major,
 *   in force for a period (conversion.rules.ts); never changed once published.
 * - `credit_conversion`: a learner's application under a rule, checked and explained when applied
 *   (申请) and again when the district approves (批准: the `convert` entry) or refuses it.
 * - `outcome_import`: the 1+X results files imported, by content hash per importing unit (the same
 *   file twice changes nothing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outcome_catalogue (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      version integer NOT NULL CHECK (version >= 1),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      CONSTRAINT outcome_catalogue_version_key UNIQUE (district_id, year, version)
    );

    CREATE TABLE outcome_catalogue_entry (
      catalogue_id uuid NOT NULL REFERENCES outcome_catalogue(id),
      position integer NOT NULL CHECK (position >= 0),
      type text NOT NULL CHECK (type IN ('course_credit','one_plus_x_certificate','vocational_qualification','training_completion','competition_award')),
      certificate_code text CHECK (length(certificate_code) BETWEEN 1 AND 50),
      certificate_name text NOT NULL DEFAULT '' CHECK (length(certificate_name) <= 100),
      level text CHECK (level IN ('elementary','intermediate','advanced')),
      suggested_credits integer NOT NULL CHECK (suggested_credits BETWEEN 1 AND 1000),
      PRIMARY KEY (catalogue_id, position),
      CONSTRAINT outcome_catalogue_entry_line_key UNIQUE NULLS NOT DISTINCT (catalogue_id, type, certificate_code, level)
    );

    CREATE FUNCTION credit_bank_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER outcome_catalogue_no_update BEFORE UPDATE OR DELETE ON outcome_catalogue
      FOR EACH ROW EXECUTE FUNCTION credit_bank_append_only();
    CREATE TRIGGER outcome_catalogue_entry_no_update BEFORE UPDATE OR DELETE ON outcome_catalogue_entry
      FOR EACH ROW EXECUTE FUNCTION credit_bank_append_only();

    CREATE TABLE outcome_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      content_hash text NOT NULL,
      file_name text NOT NULL,
      rows integer NOT NULL,
      created integer NOT NULL,
      unchanged integer NOT NULL,
      imported_by uuid REFERENCES app_user(id),
      imported_at timestamptz NOT NULL,
      UNIQUE (org_unit_id, content_hash)
    );

    CREATE TABLE learning_outcome (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      learner_id uuid NOT NULL REFERENCES learner(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      type text NOT NULL CHECK (type IN ('course_credit','one_plus_x_certificate','vocational_qualification','training_completion','competition_award')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
      certificate_code text CHECK (length(certificate_code) BETWEEN 1 AND 50),
      level text CHECK (level IN ('elementary','intermediate','advanced')),
      issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 100),
      number text CHECK (length(number) BETWEEN 1 AND 64),
      number_key text CHECK (length(number_key) BETWEEN 1 AND 64),
      achieved_on date NOT NULL,
      evidence_file_id uuid REFERENCES stored_file(id),
      source text NOT NULL CHECK (source IN ('school','import')),
      import_id uuid REFERENCES outcome_import(id),
      status text NOT NULL CHECK (status IN ('pending','recognised','refused','revoked')),
      status_reason text NOT NULL DEFAULT '' CHECK (length(status_reason) <= 500),
      status_reasons jsonb NOT NULL DEFAULT '[]',
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      recorded_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT learning_outcome_number_key CHECK ((number IS NULL) = (number_key IS NULL)),
      CONSTRAINT learning_outcome_one_plus_x CHECK
        (type <> 'one_plus_x_certificate' OR (level IS NOT NULL AND number IS NOT NULL)),
      CONSTRAINT learning_outcome_import_source CHECK ((source = 'import') = (import_id IS NOT NULL)),
      CONSTRAINT learning_outcome_decided CHECK ((status = 'pending') = (decided_at IS NULL))
    );
    -- One certificate of one issuer is one outcome: a refused record does not hold the number.
    CREATE UNIQUE INDEX learning_outcome_certificate_key ON learning_outcome(issuer, number_key)
      WHERE number_key IS NOT NULL AND status <> 'refused';
    CREATE INDEX learning_outcome_learner_idx ON learning_outcome(learner_id, achieved_on);
    CREATE INDEX learning_outcome_school_status_idx ON learning_outcome(school_id, status, created_at);
    CREATE INDEX learning_outcome_district_status_idx ON learning_outcome(district_id, status, created_at);
    CREATE INDEX learning_outcome_evidence_idx ON learning_outcome(evidence_file_id)
      WHERE evidence_file_id IS NOT NULL;

    CREATE TABLE outcome_recognition (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outcome_id uuid NOT NULL REFERENCES learning_outcome(id),
      catalogue_id uuid NOT NULL REFERENCES outcome_catalogue(id),
      credits integer NOT NULL CHECK (credits BETWEEN 1 AND 1000),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      recognised_by uuid REFERENCES app_user(id),
      recognised_at timestamptz NOT NULL
    );
    CREATE INDEX outcome_recognition_outcome_idx ON outcome_recognition(outcome_id);
    CREATE TRIGGER outcome_recognition_no_update BEFORE UPDATE OR DELETE ON outcome_recognition
      FOR EACH ROW EXECUTE FUNCTION credit_bank_append_only();

    CREATE TABLE conversion_rule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      major_code text CHECK (length(major_code) BETWEEN 1 AND 32),
      outcome_type text NOT NULL CHECK (outcome_type IN ('course_credit','one_plus_x_certificate','vocational_qualification','training_completion','competition_award')),
      certificate_code text CHECK (length(certificate_code) BETWEEN 1 AND 50),
      min_level text CHECK (min_level IN ('elementary','intermediate','advanced')),
      exempts text[] NOT NULL CHECK (cardinality(exempts) BETWEEN 1 AND 20),
      credits integer NOT NULL CHECK (credits BETWEEN 1 AND 1000),
      valid_from date NOT NULL,
      valid_to date CHECK (valid_to >= valid_from),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX conversion_rule_school_idx ON conversion_rule(school_id, valid_from);
    -- Applications cite a rule: a rule is never changed.
    CREATE TRIGGER conversion_rule_no_update BEFORE UPDATE OR DELETE ON conversion_rule
      FOR EACH ROW EXECUTE FUNCTION credit_bank_append_only();

    CREATE TABLE credit_conversion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      learner_id uuid NOT NULL REFERENCES learner(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      rule_id uuid NOT NULL REFERENCES conversion_rule(id),
      outcome_id uuid NOT NULL REFERENCES learning_outcome(id),
      credits integer NOT NULL CHECK (credits BETWEEN 1 AND 1000),
      courses text[] NOT NULL,
      explanation_zh text NOT NULL,
      explanation_en text NOT NULL,
      status text NOT NULL CHECK (status IN ('applied','approved','refused')),
      status_reason text NOT NULL DEFAULT '' CHECK (length(status_reason) <= 500),
      applied_by uuid REFERENCES app_user(id),
      applied_at timestamptz NOT NULL,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      CONSTRAINT credit_conversion_decided CHECK ((status = 'applied') = (decided_at IS NULL))
    );
    CREATE INDEX credit_conversion_learner_idx ON credit_conversion(learner_id, applied_at);
    CREATE INDEX credit_conversion_school_status_idx ON credit_conversion(school_id, status);

    CREATE TABLE credit_ledger_entry (
      learner_id uuid NOT NULL REFERENCES learner(id),
      id text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      kind text NOT NULL CHECK (kind IN ('post','reverse','convert')),
      outcome_id uuid NOT NULL REFERENCES learning_outcome(id),
      credits integer NOT NULL CHECK (credits <> 0),
      recognition_id uuid REFERENCES outcome_recognition(id),
      reverses text,
      conversion_id uuid REFERENCES credit_conversion(id),
      rule_id uuid REFERENCES conversion_rule(id),
      consumes text[] NOT NULL DEFAULT '{}',
      reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
      posted_by uuid REFERENCES app_user(id),
      posted_at timestamptz NOT NULL,
      -- The rules' ids name a uuid (a recognition's, a conversion's): unique across accounts, so
      -- the key is the id alone and a reversal names the entry it reverses by it (the backup
      -- orders a table that refers to itself through one column).
      PRIMARY KEY (id),
      CONSTRAINT credit_ledger_entry_reverses_fkey FOREIGN KEY (reverses) REFERENCES credit_ledger_entry(id),
      -- An entry is reversed at most once.
      CONSTRAINT credit_ledger_entry_reverses_key UNIQUE (reverses),
      CONSTRAINT credit_ledger_entry_shape CHECK (
        (kind = 'post' AND credits > 0 AND recognition_id IS NOT NULL AND reverses IS NULL AND conversion_id IS NULL)
        OR (kind = 'reverse' AND reverses IS NOT NULL AND recognition_id IS NULL AND conversion_id IS NULL)
        OR (kind = 'convert' AND credits < 0 AND conversion_id IS NOT NULL AND rule_id IS NOT NULL
            AND recognition_id IS NULL AND reverses IS NULL)
      )
    );
    CREATE INDEX credit_ledger_entry_learner_seq_idx ON credit_ledger_entry(learner_id, seq);
    CREATE INDEX credit_ledger_entry_outcome_idx ON credit_ledger_entry(outcome_id);
    CREATE TRIGGER credit_ledger_entry_no_update BEFORE UPDATE OR DELETE ON credit_ledger_entry
      FOR EACH ROW EXECUTE FUNCTION credit_bank_append_only();
    CREATE TRIGGER credit_ledger_entry_no_truncate BEFORE TRUNCATE ON credit_ledger_entry
      FOR EACH STATEMENT EXECUTE FUNCTION credit_bank_append_only();
    CREATE TRIGGER outcome_recognition_no_truncate BEFORE TRUNCATE ON outcome_recognition
      FOR EACH STATEMENT EXECUTE FUNCTION credit_bank_append_only();
    CREATE TRIGGER outcome_catalogue_entry_no_truncate BEFORE TRUNCATE ON outcome_catalogue_entry
      FOR EACH STATEMENT EXECUTE FUNCTION credit_bank_append_only();
  `.execute(db);
}
