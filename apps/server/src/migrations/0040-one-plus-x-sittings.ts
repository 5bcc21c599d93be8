import { sql, type Kysely } from 'kysely';

/**
 * 1+X sittings (考核记录, issue 14; task （十六）'s participation and pass rates): one row per time a
 * learner sat a 1+X certificate's assessment — the learner, the school and district, the learner's
 * major code at the time, the certificate's code and name, its level, the 培训评价组织, the day of
 * the assessment, whether the learner passed (合格) and, for a pass, the learning outcome (the
 * certificate) it made; the results file it came from (null when the school recorded the
 * certificate by hand). One learner sitting one issuer's certificate at one level on one day is one
 * sitting (the same row imported twice is one). A failure makes no outcome; a pass names its outcome,
 * at most one sitting each. The certificates recorded before this migration are their passing
 * sittings (the issue date standing for the assessment's day). An import counts its rows passed
 * (合格) and failed (不合格); the files imported before listed passes only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE certificate_sitting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      learner_id uuid NOT NULL REFERENCES learner(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      major_code text NOT NULL,
      certificate_code text CHECK (length(certificate_code) BETWEEN 1 AND 50),
      certificate_name text NOT NULL CHECK (length(certificate_name) BETWEEN 1 AND 100),
      level text NOT NULL CHECK (level IN ('elementary','intermediate','advanced')),
      issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 100),
      exam_on date NOT NULL,
      passed boolean NOT NULL,
      outcome_id uuid UNIQUE REFERENCES learning_outcome(id),
      import_id uuid REFERENCES outcome_import(id),
      recorded_at timestamptz NOT NULL,
      CONSTRAINT certificate_sitting_outcome CHECK (passed = (outcome_id IS NOT NULL)),
      CONSTRAINT certificate_sitting_key UNIQUE (learner_id, issuer, certificate_name, level, exam_on)
    );
    CREATE INDEX certificate_sitting_school_idx ON certificate_sitting(school_id, exam_on);
    CREATE INDEX certificate_sitting_district_idx ON certificate_sitting(district_id, exam_on);

    ALTER TABLE outcome_import ADD COLUMN passed integer NOT NULL DEFAULT 0,
      ADD COLUMN failed integer NOT NULL DEFAULT 0;
    UPDATE outcome_import SET passed = rows;

    INSERT INTO certificate_sitting (learner_id, school_id, district_id, major_code, certificate_code,
      certificate_name, level, issuer, exam_on, passed, outcome_id, import_id, recorded_at)
    SELECT DISTINCT ON (o.learner_id, o.issuer, o.title, o.level, o.achieved_on)
      o.learner_id, o.school_id, o.district_id, l.major_code, o.certificate_code, o.title, o.level,
      o.issuer, o.achieved_on, true, o.id, o.import_id, o.created_at
    FROM learning_outcome o JOIN learner l ON l.id = o.learner_id
    WHERE o.type = 'one_plus_x_certificate' AND o.status <> 'refused'
    ORDER BY o.learner_id, o.issuer, o.title, o.level, o.achieved_on, o.created_at;
  `.execute(db);
}
