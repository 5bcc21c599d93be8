import { sql, type Kysely } from 'kysely';
import { CATALOGUE_2021_FILE, readCatalogueFile, syncMajorCatalogue } from '../modules/programs/catalogue.ts';

/**
 * Programs (专业与课程): the national 中职 major catalogue (versioned, loaded from
 * plans/catalogue), schools' majors with enrolment and applied national standards, courses and
 * textbooks, recognised projects with their reviews and history, and the teaching resource
 * library with its search terms (character bigrams, GIN-indexed) and usage counters.
 * `district_id` is kept on school records so a district's numbers read through an index.
 */
/** Filled here with the 2021 catalogue (reference data): a restore expects rows in it. */
export const referenceTables = ['major_catalogue'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE major_catalogue (
      version text NOT NULL CHECK (version ~ '^[0-9]{4}$'),
      code text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
      name text NOT NULL CHECK (name <> ''),
      category_code text NOT NULL CHECK (category_code ~ '^[0-9]{2}$' AND left(code, 2) = category_code),
      category_name text NOT NULL,
      verified boolean NOT NULL,
      PRIMARY KEY (version, code)
    );

    CREATE TABLE major (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      catalogue_version text NOT NULL,
      catalogue_code text NOT NULL,
      direction text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('active','suspended','closed')),
      established_year integer CHECK (established_year BETWEEN 1949 AND 2100),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      FOREIGN KEY (catalogue_version, catalogue_code) REFERENCES major_catalogue(version, code) ON UPDATE CASCADE,
      UNIQUE (school_id, catalogue_version, catalogue_code, direction)
    );
    CREATE INDEX major_district_idx ON major(district_id);

    CREATE TABLE major_enrolment (
      major_id uuid NOT NULL REFERENCES major(id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      intake integer NOT NULL CHECK (intake >= 0),
      enrolled integer NOT NULL CHECK (enrolled >= 0),
      PRIMARY KEY (major_id, year)
    );

    CREATE TABLE major_standard (
      major_id uuid NOT NULL REFERENCES major(id) ON DELETE CASCADE,
      standard text NOT NULL CHECK (standard IN ('teaching','curriculum','internship','training_facility')),
      adopted_on date NOT NULL,
      note text NOT NULL DEFAULT '',
      PRIMARY KEY (major_id, standard)
    );

    CREATE TABLE course (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      major_id uuid REFERENCES major(id),
      code text NOT NULL DEFAULT '',
      name text NOT NULL CHECK (name <> ''),
      category text NOT NULL CHECK (category IN ('public_basic','professional')),
      hours integer CHECK (hours BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE NULLS NOT DISTINCT (school_id, major_id, name)
    );
    CREATE INDEX course_major_idx ON course(major_id);

    CREATE TABLE textbook (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      title text NOT NULL CHECK (title <> ''),
      isbn text NOT NULL DEFAULT '',
      publisher text NOT NULL DEFAULT '',
      national_planned boolean NOT NULL,
      textbook_type text NOT NULL CHECK (textbook_type IN ('traditional','loose_leaf','workbook')),
      has_digital_resources boolean NOT NULL,
      digital_resources text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL
    );
    CREATE INDEX textbook_course_idx ON textbook(course_id);

    CREATE TABLE program_project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      kind text NOT NULL CHECK (kind IN ('brand_major','quality_course','master_studio','innovation_team',
        'master_teacher','ideology_studio','culture_brand','ideology_micro_course')),
      title text NOT NULL CHECK (title <> ''),
      summary text NOT NULL DEFAULT '',
      major_id uuid REFERENCES major(id),
      course_id uuid REFERENCES course(id),
      -- The teachers module owns teachers: a plain reference, no foreign key.
      teacher_id uuid,
      teacher_name text NOT NULL DEFAULT '',
      state text NOT NULL CHECK (state IN ('draft','applied','reviewing','approved','rejected',
        'midterm_passed','accepted','failed','withdrawn')),
      level text CHECK (level IN ('district','city','provincial','national')),
      average_score numeric(5,2),
      applied_at timestamptz,
      approved_on date,
      midterm_on date,
      closed_on date,
      decision_note text NOT NULL DEFAULT '',
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((level IS NULL) = (approved_on IS NULL)),
      CHECK (state NOT IN ('approved','midterm_passed','accepted') OR approved_on IS NOT NULL),
      CHECK (state NOT IN ('accepted','failed','rejected') OR closed_on IS NOT NULL)
    );
    CREATE INDEX program_project_district_idx ON program_project(district_id, kind, state);
    CREATE INDEX program_project_school_idx ON program_project(school_id);

    CREATE TABLE program_project_file (
      project_id uuid NOT NULL REFERENCES program_project(id) ON DELETE CASCADE,
      file_id uuid NOT NULL REFERENCES stored_file(id),
      stage text NOT NULL CHECK (stage IN ('application','midterm','acceptance')),
      PRIMARY KEY (project_id, file_id)
    );

    CREATE TABLE program_project_score (
      project_id uuid NOT NULL REFERENCES program_project(id) ON DELETE CASCADE,
      reviewer_id uuid NOT NULL REFERENCES app_user(id),
      score numeric(4,1) NOT NULL CHECK (score BETWEEN 0 AND 100),
      opinion text NOT NULL,
      scored_at timestamptz NOT NULL,
      PRIMARY KEY (project_id, reviewer_id)
    );

    CREATE TABLE program_project_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES program_project(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES app_user(id),
      action text NOT NULL,
      comment text
    );
    CREATE INDEX program_project_event_idx ON program_project_event(project_id, id);

    CREATE TABLE teaching_resource (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      major_id uuid REFERENCES major(id),
      course_id uuid REFERENCES course(id),
      resource_type text NOT NULL CHECK (resource_type IN ('courseware','lesson_plan','video','micro_lecture',
        'exercise','training_guide','case','other')),
      licence text NOT NULL CHECK (licence IN ('cc_by_4','cc_by_sa_4','cc_by_nc_4','cc_by_nc_sa_4',
        'cc_by_nc_nd_4','school_only')),
      title text NOT NULL CHECK (title <> ''),
      description text NOT NULL DEFAULT '',
      file_id uuid NOT NULL REFERENCES stored_file(id),
      share_state text NOT NULL CHECK (share_state IN ('private','pending','shared','refused')),
      shared_on date,
      reviewed_by uuid REFERENCES app_user(id),
      reviewed_at timestamptz,
      refusal_reason text,
      -- Search: normalised text (NFKC, lower case) for the exact recheck, and its terms (CJK
      -- character bigrams, Latin words) computed in TypeScript on every write.
      search_title text NOT NULL,
      search_text text NOT NULL,
      title_terms text[] NOT NULL,
      search_terms text[] NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (share_state <> 'shared' OR shared_on IS NOT NULL),
      CHECK (share_state <> 'refused' OR refusal_reason IS NOT NULL)
    );
    CREATE INDEX teaching_resource_terms_idx ON teaching_resource USING gin (search_terms);
    CREATE INDEX teaching_resource_title_terms_idx ON teaching_resource USING gin (title_terms);
    CREATE INDEX teaching_resource_recent_idx ON teaching_resource(created_at DESC, id);
    CREATE INDEX teaching_resource_school_idx ON teaching_resource(school_id, created_at DESC);
    CREATE INDEX teaching_resource_major_idx ON teaching_resource(major_id) WHERE share_state = 'shared';
    CREATE INDEX teaching_resource_pending_idx ON teaching_resource(district_id) WHERE share_state = 'pending';

    -- Counters kept apart from the resource row so a download never rewrites (and moves) it.
    CREATE TABLE teaching_resource_usage (
      resource_id uuid PRIMARY KEY REFERENCES teaching_resource(id) ON DELETE CASCADE,
      previews integer NOT NULL DEFAULT 0,
      downloads integer NOT NULL DEFAULT 0,
      last_used_at timestamptz
    );

    CREATE TABLE program_setting (
      district_id uuid NOT NULL REFERENCES org_unit(id),
      key text NOT NULL CHECK (key IN ('resourceCoverageThreshold')),
      value integer NOT NULL CHECK (value BETWEEN 1 AND 1000),
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (district_id, key)
    );
  `.execute(db);
  await syncMajorCatalogue(db, readCatalogueFile(CATALOGUE_2021_FILE));
}
