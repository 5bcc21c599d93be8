import { sql, type Kysely } from 'kysely';

/**
 * The 2 % table (GET /api/internships/duty) sums a district's posts and placements, or a
 * province's 60,000 posts and 300,000 placements, per enterprise: the district indexes carry the
 * columns it reads (an index-only scan, not a heap page per row), and the placements holding a
 * place on a post are counted from an index of (post, state). Same keys as the indexes they
 * replace, so every other reader keeps its plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX internship_post_district_offer_idx ON internship_post(district_id, year, state)
      INCLUDE (enterprise_id, places);
    DROP INDEX internship_post_district_idx;
    CREATE INDEX internship_placement_district_run_idx
      ON internship_placement(district_id, starts_on, ends_on)
      INCLUDE (state, enterprise_id, insurance_starts_on, insurance_ends_on);
    DROP INDEX internship_placement_district_idx;
    CREATE INDEX internship_placement_post_state_idx ON internship_placement(post_id, state);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX internship_post_district_idx ON internship_post(district_id, year, state);
    DROP INDEX internship_post_district_offer_idx;
    CREATE INDEX internship_placement_district_idx ON internship_placement(district_id, starts_on, ends_on);
    DROP INDEX internship_placement_district_run_idx;
    DROP INDEX internship_placement_post_state_idx;
  `.execute(db);
}
