import { sql, type Kysely } from 'kysely';

/**
 * Verifiable credentials (issue 14), platform-owned like the auth and audit tables:
 *
 * - `credential_status_list`: a district's W3C Bitstring Status Lists (revocation), numbered per
 *   district, each with its length in bits, how many indexes it has given out, and the list as
 *   last signed (the VC-JWT served at its URL; re-signed at every revocation).
 * - `issued_credential`: one row per credential signed: its id (the credential's `urn:uuid:`),
 *   the district, what it was issued for (`subject_ref`, e.g. `learning_outcome:<uuid>`, opaque
 *   to the platform), its list and index (unique: two credentials never share a bit), when, the
 *   SHA-256 of the compact JWT (never the JWT or the holder's data), and its revocation.
 * - `credential_verification`: the public verification's rate-limit events, by a keyed hash of
 *   the client key (no address kept).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE credential_status_list (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      district_code text NOT NULL CHECK (district_code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
      list_number integer NOT NULL CHECK (list_number >= 1),
      bits integer NOT NULL CHECK (bits >= 131072 AND bits % 8 = 0),
      allocated integer NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= bits),
      signed_jwt text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT credential_status_list_number_key UNIQUE (district_code, list_number)
    );

    CREATE TABLE issued_credential (
      id uuid PRIMARY KEY,
      district_code text NOT NULL,
      subject_ref text NOT NULL CHECK (subject_ref ~ '^[a-z][a-z0-9_]{0,39}:[A-Za-z0-9._:-]{1,160}$'),
      status_list_id uuid NOT NULL REFERENCES credential_status_list(id),
      status_index integer NOT NULL CHECK (status_index >= 0),
      credential_hash text NOT NULL CHECK (credential_hash ~ '^[0-9a-f]{64}$'),
      issued_at timestamptz NOT NULL,
      issued_by uuid REFERENCES app_user(id),
      revoked_at timestamptz,
      revocation_reason text CHECK (length(revocation_reason) BETWEEN 1 AND 500),
      revoked_by uuid REFERENCES app_user(id),
      CONSTRAINT issued_credential_status_key UNIQUE (status_list_id, status_index),
      CONSTRAINT issued_credential_revocation CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
    );
    CREATE INDEX issued_credential_subject_idx ON issued_credential(subject_ref);
    CREATE INDEX issued_credential_hash_idx ON issued_credential(credential_hash);

    CREATE TABLE credential_verification (
      client_hash text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX credential_verification_client_idx ON credential_verification(client_hash, at);
    CREATE INDEX credential_verification_at_idx ON credential_verification(at);
  `.execute(db);
}
