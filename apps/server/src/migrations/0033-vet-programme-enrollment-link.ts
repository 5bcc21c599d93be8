import { sql, type Kysely } from 'kysely';

/**
 * 职教集团: a 中高职衔接 joint programme may be linked to the enrolment program (统一招生, 中职
 * track) that admits its students; linked, its places and enrolled are read from that program's
 * quota and registrations (报到). The link is the training-bases module's; no foreign key to the
 * enrolment module's table (a module's tables reference only its own and the platform's), the
 * link is checked through the enrolment module's exported query when set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE vet_group_programme
      ADD COLUMN enrollment_program_id uuid,
      ADD CONSTRAINT vet_group_programme_link_articulation
        CHECK (enrollment_program_id IS NULL OR kind = 'articulation');
  `.execute(db);
}
