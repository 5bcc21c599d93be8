import { sql, type Kysely } from 'kysely';

/**
 * Sign-in abuse and password reuse (issue 11):
 * - `login_attempt`: one row per sign-in attempt that reached the password check, by client key
 *   (an IPv4 address or an IPv6 /64) and account, so several server processes share the
 *   per-address throttle and can tell an address that has been failing on an account from one
 *   that has not. `pending` rows are attempts still being checked: counted, so a parallel burst
 *   cannot slip past a limit.
 * - `password_history`: hashes of an account's most recent passwords (kept to 5), so a password
 *   change cannot go back to one of them.
 * - `app_user.totp_pending_secret_enc`: a replacement TOTP secret waiting for its first code; the
 *   active secret stays in force until then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_attempt (
      id bigserial PRIMARY KEY,
      client_key text NOT NULL,
      user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('pending', 'failure', 'success'))
    );
    CREATE INDEX login_attempt_client_idx ON login_attempt (client_key, at);
    CREATE INDEX login_attempt_user_idx ON login_attempt (user_id, client_key, at);
    CREATE INDEX login_attempt_at_idx ON login_attempt (at);

    CREATE TABLE password_history (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX password_history_user_idx ON password_history (user_id, id);

    ALTER TABLE app_user ADD COLUMN totp_pending_secret_enc text;
  `.execute(db);
}
