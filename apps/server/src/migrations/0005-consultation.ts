import { sql, type Kysely } from 'kysely';

/** Public consultation on a draft plan: consultations, comments, anti-spam bookkeeping. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE consultation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL UNIQUE REFERENCES plan(id),
      district_id uuid NOT NULL REFERENCES org_unit(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      closed_at timestamptz,
      summary_date date,
      revision_plan_id uuid REFERENCES plan(id),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      CHECK (closes_at > opens_at),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND summary_date IS NOT NULL)),
      CHECK (revision_plan_id IS NULL OR status = 'closed')
    );
    CREATE INDEX consultation_status_idx ON consultation(status, closes_at);

    CREATE TABLE consultation_comment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      clause_key text NOT NULL CHECK (clause_key ~ '^(preamble|section-[0-9]+|task-[0-9]+)$'),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
      author_name text CHECK (length(author_name) BETWEEN 1 AND 40),
      contact_cipher text,
      contact_kind text CHECK (contact_kind IN ('mobile','email')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','published','rejected')),
      reject_reason text,
      moderated_by uuid REFERENCES app_user(id),
      moderated_at timestamptz,
      reply text CHECK (length(reply) BETWEEN 1 AND 2000),
      decision text CHECK (decision IN ('adopted','partly_adopted','not_adopted')),
      decision_reason text CHECK (length(decision_reason) <= 1000),
      replied_by uuid REFERENCES app_user(id),
      replied_at timestamptz,
      created_at timestamptz NOT NULL,
      UNIQUE (consultation_id, seq),
      CHECK ((contact_cipher IS NULL) = (contact_kind IS NULL)),
      CHECK ((status = 'pending') = (moderated_at IS NULL)),
      CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
      CHECK ((reply IS NULL) = (decision IS NULL) AND (reply IS NULL) = (replied_at IS NULL)),
      CHECK (reply IS NULL OR status = 'published'),
      CHECK (decision IS NULL OR decision = 'adopted' OR coalesce(length(decision_reason), 0) > 0)
    );
    CREATE INDEX consultation_comment_clause_idx ON consultation_comment(consultation_id, clause_key);
    CREATE INDEX consultation_comment_status_idx ON consultation_comment(consultation_id, status);

    -- Accepted public comments per client (keyed hash of the IP, never the IP), for rate limits
    -- that hold across processes. Rows older than a day are deleted as new ones arrive.
    CREATE TABLE consultation_rate_event (
      client_hash text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX consultation_rate_event_client_idx ON consultation_rate_event(client_hash, at);
    CREATE INDEX consultation_rate_event_at_idx ON consultation_rate_event(at);

    -- Proof-of-work challenges already used, kept until they expire (single use).
    CREATE TABLE consultation_challenge_use (
      nonce text PRIMARY KEY,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX consultation_challenge_use_expiry_idx ON consultation_challenge_use(expires_at);
  `.execute(db);
}
