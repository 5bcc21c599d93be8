import { sql, type Kysely } from 'kysely';

/**
 * The message centre (消息中心): `notification` holds what a module told an org unit (or one
 * account of it) about a change to its records — a report approved, an order issued — with its
 * title and body in both UI languages and the web path of the record. Notifications are kept,
 * never deleted; lists page them. Reads are per account in `notification_read`, so a unit's
 * notification one colleague has read stays unread for the others.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recipient_unit_id uuid NOT NULL REFERENCES org_unit(id),
      recipient_user_id uuid REFERENCES app_user(id),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'),
      title_zh text NOT NULL CHECK (length(title_zh) > 0),
      title_en text NOT NULL CHECK (length(title_en) > 0),
      body_zh text,
      body_en text,
      link text NOT NULL CHECK (link LIKE '/%'),
      object_type text NOT NULL,
      object_id uuid NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX notification_recipient_idx ON notification(recipient_unit_id, created_at DESC, id DESC);

    CREATE TABLE notification_read (
      notification_id uuid NOT NULL REFERENCES notification(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      read_at timestamptz NOT NULL,
      PRIMARY KEY (notification_id, user_id)
    );
    CREATE INDEX notification_read_user_idx ON notification_read(user_id);
  `.execute(db);
}
