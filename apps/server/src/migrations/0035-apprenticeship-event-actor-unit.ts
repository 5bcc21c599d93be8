import { sql, type Kysely } from 'kysely';

/**
 * 现代学徒制: each history line of an apprenticeship keeps the unit its actor acted for (the
 * school's or the enterprise's), so a line still names that unit after the account moves to
 * another. Lines written before keep what can be known: their actor's unit at this migration
 * (back-filled from the account; an account that moved before it shows its later unit there).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE apprenticeship_event ADD COLUMN actor_unit_id uuid REFERENCES org_unit(id);
    UPDATE apprenticeship_event e SET actor_unit_id = u.org_unit_id FROM app_user u WHERE u.id = e.actor_id;
  `.execute(db);
}
