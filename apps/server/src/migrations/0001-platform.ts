import { sql, type Kysely } from 'kysely';

/** Org units, users, sessions, the audit log and stored files. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE org_unit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      full_name text NOT NULL,
      name_en text NOT NULL DEFAULT '',
      type text NOT NULL CHECK (type IN ('district','bureau','school','enterprise','college','other')),
      groups text[] NOT NULL DEFAULT '{}',
      aliases jsonb NOT NULL DEFAULT '[]',
      parent_id uuid REFERENCES org_unit(id),
      demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX org_unit_parent_idx ON org_unit(parent_id);

    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL,
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      must_change_password boolean NOT NULL DEFAULT true,
      password_changed_at timestamptz,
      disabled_at timestamptz,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      failure_window_start timestamptz,
      failures_in_window integer NOT NULL DEFAULT 0,
      totp_secret_enc text,
      totp_enabled boolean NOT NULL DEFAULT false,
      totp_last_step bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));

    CREATE TABLE user_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES app_user(id),
      csrf_token text NOT NULL,
      mfa boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      ip text
    );
    CREATE INDEX user_session_user_idx ON user_session(user_id) WHERE ended_at IS NULL;

    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text,
      org_unit_id uuid,
      action text NOT NULL,
      object_type text,
      object_id text,
      result text NOT NULL CHECK (result IN ('success','denied','failure')),
      ip text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_at_idx ON audit_log(at);
    CREATE INDEX audit_log_actor_idx ON audit_log(actor_id, seq);

    -- The app may only append to the audit log.
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

    CREATE TABLE stored_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      original_name text NOT NULL,
      kind text NOT NULL,
      mime text NOT NULL,
      size_bytes integer NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );
  `.execute(db);
}
