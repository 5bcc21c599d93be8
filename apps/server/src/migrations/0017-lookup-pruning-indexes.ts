import { sql, type Kysely } from 'kysely';

/**
 * Old result look-up attempts and failures are pruned by their time alone (`at < …`), once a
 * minute a process: an index on `at` keeps that from scanning a results day's rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX enrollment_lookup_attempt_at_idx ON enrollment_lookup_attempt(at);
    CREATE INDEX enrollment_lookup_failure_at_idx ON enrollment_lookup_failure(at);
  `.execute(db);
}
