import { sql, type Kysely } from 'kysely';

/**
 * Throttled sign-ins are counted, not audited one by one: `login_attempt.outcome` may be
 * `throttled` (a request refused by the per-address throttle before any password check). Only the
 * first refusal of each throttle period writes an audit row, so a flood from a throttled address
 * no longer queues on the audit log's lock nor grows it without bound.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE login_attempt DROP CONSTRAINT login_attempt_outcome_check;
    ALTER TABLE login_attempt ADD CONSTRAINT login_attempt_outcome_check
      CHECK (outcome IN ('pending', 'failure', 'success', 'throttled'));
  `.execute(db);
}
