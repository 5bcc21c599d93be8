import { sql, type Kysely } from 'kysely';

/**
 * Reversing an approved conversion (撤销转换, issue 14): the conversion's row gains the status
 * `reversed` and who reversed it, when and why; its approval (`decided_*`) is kept as it was. The
 * credits come back through a reversing ledger entry (credit-ledger.rules.ts), never an edit of the
 * `convert` entry. The reviewer's queue reads pending applications by district, so it gets an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE credit_conversion DROP CONSTRAINT credit_conversion_status_check;
    ALTER TABLE credit_conversion
      ADD CONSTRAINT credit_conversion_status_check
        CHECK (status IN ('applied','approved','refused','reversed')),
      ADD COLUMN reversed_by uuid REFERENCES app_user(id),
      ADD COLUMN reversed_at timestamptz,
      ADD COLUMN reversal_reason text NOT NULL DEFAULT '' CHECK (length(reversal_reason) <= 500),
      ADD CONSTRAINT credit_conversion_reversed
        CHECK ((status = 'reversed') = (reversed_at IS NOT NULL));
    CREATE INDEX credit_conversion_district_status_idx
      ON credit_conversion(district_id, status, applied_at);
  `.execute(db);
}
