import { sql, type Kysely } from 'kysely';

/**
 * Milestones wired to records (issue 10): `completed_by` names the metric whose value ≥ 1 marks
 * the milestone done (no hand tick); `owner_note` says why a milestone's unit is not one of its
 * task's responsible units. Both come from the plan file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE milestone
      ADD COLUMN completed_by text CHECK (completed_by <> ''),
      ADD COLUMN owner_note text NOT NULL DEFAULT '';
  `.execute(db);
}
