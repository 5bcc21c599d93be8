import { sql, type Kysely } from 'kysely';

/**
 * A notification tells of a record, and only an account that may read that kind of record reads it
 * (`notification.read_permission`, e.g. `teacher.read` for a 双师型 decision): not an account of the
 * unit without a role (never granted or revoked), not an administrator (三权分立: they read no
 * business records), not a role without the module's read permission (an inspector and a joint
 * meeting's action item). The notifications written before carry their module's read permission.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notification ADD COLUMN read_permission text;
    UPDATE notification SET read_permission = CASE object_type
      WHEN 'progress_report' THEN 'plan.read'
      WHEN 'rectification_order' THEN 'supervision.read'
      WHEN 'action_item' THEN 'meeting.read'
      WHEN 'dq_application' THEN 'teacher.read'
      WHEN 'program_project' THEN 'program.read'
    END;
    ALTER TABLE notification ALTER COLUMN read_permission SET NOT NULL;
    ALTER TABLE notification ADD CONSTRAINT notification_read_permission_check
      CHECK (read_permission ~ '^[a-z]+\\.[a-z_]+$');
  `.execute(db);
}
