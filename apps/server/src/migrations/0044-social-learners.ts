import { sql, type Kysely } from 'kysely';

/**
 * Social learners (社会学习者, issue 14): adults a vocational school trains (社会培训) kept on the
 * school's register beside its students, so their learning outcomes go through the credit bank
 * too. `kind` tells them apart (`student` | `social`); a social learner has no major or class and
 * its `cohort_year` is the year it was registered; `source = 'social'` exactly for them. One person
 * is one row per school (the unique blind index per school stays): when a social learner is later
 * admitted through 报到, the cohort turns that row into the student's (kind, major, cohort, the
 * registration) and the outcomes and credits already recorded stay with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE learner ADD COLUMN kind text NOT NULL DEFAULT 'student' CHECK (kind IN ('student','social'));
    ALTER TABLE learner DROP CONSTRAINT learner_major_code_check;
    ALTER TABLE learner ADD CONSTRAINT learner_major_code_check
      CHECK (length(major_code) <= 32 AND (kind = 'social' OR length(major_code) >= 1));
    ALTER TABLE learner DROP CONSTRAINT learner_source_check;
    ALTER TABLE learner ADD CONSTRAINT learner_source_check CHECK (source IN ('enrollment','import','social'));
    ALTER TABLE learner ADD CONSTRAINT learner_kind_source CHECK ((kind = 'social') = (source = 'social'));
    CREATE INDEX learner_school_kind_idx ON learner(school_id, kind);
  `.execute(db);
}
