import { sql, type Kysely } from 'kysely';

/**
 * Two mends of task （十三）'s records.
 *
 * 现代学徒制: each history line of an apprenticeship keeps the unit its actor acted for (the
 * school's or the enterprise's), so a line still names that unit after the account moves to
 * another. Lines written before keep what can be known: their actor's unit at this migration
 * (back-filled from the account; an account that moved before it shows its later unit there).
 *
 * 职教集团: a 中职 enrolment program admits the students of one 中高职衔接 programme, whose places
 * and enrolled are then read from it: two programmes linked to one program would count its
 * students twice. The service refuses the second link by name (under a lock); the index keeps it
 * so for any writer. Links exist only since 0033, which no release has carried, so none is doubled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE apprenticeship_event ADD COLUMN actor_unit_id uuid REFERENCES org_unit(id);
    UPDATE apprenticeship_event e SET actor_unit_id = u.org_unit_id FROM app_user u WHERE u.id = e.actor_id;

    CREATE UNIQUE INDEX vet_group_programme_enrollment_program_key ON vet_group_programme(enrollment_program_id)
      WHERE enrollment_program_id IS NOT NULL;
  `.execute(db);
}
