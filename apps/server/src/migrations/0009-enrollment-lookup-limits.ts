import { sql, type Kysely } from 'kysely';

/**
 * Failed result look-ups per exam number (keyed hash of season + exam number), so an ID number
 * cannot be guessed by rotating client IPs: past a few failures an exam number is refused for a
 * while whatever the IP. The per-IP attempt log keeps its `ip` column, which now holds the rate
 * limit's client key (an IPv4 address or an IPv6 /64).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE enrollment_lookup_failure (
      id bigserial PRIMARY KEY,
      exam_key text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX enrollment_lookup_failure_key_idx ON enrollment_lookup_failure(exam_key, at);
  `.execute(db);
}
