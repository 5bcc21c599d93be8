import { sql, type Kysely } from 'kysely';

/**
 * Job leases, so several app processes can share one database: a running job names the process
 * that claimed it (`lease_owner`) and holds a lease that process renews while it works
 * (`lease_expires_at`). Only a running job whose lease has expired is taken for interrupted. Jobs
 * left running before this migration have no lease, so they count as expired.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE job ADD COLUMN lease_owner text;
    ALTER TABLE job ADD COLUMN lease_expires_at timestamptz;
    CREATE INDEX job_queued_idx ON job(created_at) WHERE state = 'queued';
  `.execute(db);
}
