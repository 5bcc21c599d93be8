import { sql, type Kysely } from 'kysely';

/**
 * Graduates' destinations (毕业去向, issue 14; the employment quality task （十一） evaluates): one
 * row per graduate of a school's register — the kind (就业, 自主创业, 参军入伍, 升学, 待就业, 其他),
 * the day it began, for work the employer (its name, and its org unit when it is an enterprise on
 * the register), whether it matches the major (专业对口), the first month's pay (起薪, yuan) and the
 * region (本区 / 本省其他地区 / 省外), for further study the school, level and route (中高职衔接,
 * 职教高考, other), a note, and whether the school or a graduate survey said so. The row is kept up
 * to date (a later survey corrects it); each write is audited. `graduation_year` and `school_id`
 * are copied from the learner so a year's figures read one index. The CHECKs hold each kind to the
 * fields it must state; the note never holds an ID or phone number (the service refuses it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE learner_destination (
      learner_id uuid PRIMARY KEY REFERENCES learner(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      graduation_year integer NOT NULL CHECK (graduation_year BETWEEN 2000 AND 2100),
      kind text NOT NULL
        CHECK (kind IN ('employed','self_employed','enlisted','further_study','seeking','other')),
      settled_on date,
      employer_name text CHECK (length(employer_name) BETWEEN 1 AND 200),
      employer_unit_id uuid REFERENCES org_unit(id),
      relevant_to_major boolean,
      monthly_pay integer CHECK (monthly_pay BETWEEN 500 AND 100000),
      region text CHECK (region IN ('district','province','elsewhere')),
      institution_name text CHECK (length(institution_name) BETWEEN 1 AND 200),
      study_level text CHECK (study_level IN ('higher_vocational','undergraduate')),
      study_route text CHECK (study_route IN ('articulation','vocational_exam','other')),
      note text CHECK (length(note) BETWEEN 1 AND 500),
      source text NOT NULL CHECK (source IN ('school','survey')),
      recorded_by uuid REFERENCES app_user(id),
      recorded_at timestamptz NOT NULL,
      CONSTRAINT learner_destination_kind_fields CHECK (
        CASE kind
          WHEN 'employed' THEN settled_on IS NOT NULL AND employer_name IS NOT NULL
            AND relevant_to_major IS NOT NULL AND region IS NOT NULL
          WHEN 'self_employed' THEN settled_on IS NOT NULL AND relevant_to_major IS NOT NULL
            AND region IS NOT NULL
          WHEN 'enlisted' THEN settled_on IS NOT NULL
          WHEN 'further_study' THEN settled_on IS NOT NULL AND institution_name IS NOT NULL
            AND study_level IS NOT NULL AND study_route IS NOT NULL
          WHEN 'other' THEN note IS NOT NULL
          ELSE true
        END
      )
    );
    CREATE INDEX learner_destination_school_year_idx ON learner_destination(school_id, graduation_year);
  `.execute(db);
}
