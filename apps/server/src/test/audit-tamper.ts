import { sql, type Kysely } from 'kysely';
import { auditRowContentOf, auditRowHash, GENESIS_HASH } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/db/database.types.ts';

/**
 * What the role that owns the tables can do to the audit log: switch the append-only trigger off,
 * change rows, switch it on again, all in one transaction.
 *
 * @example await asTableOwner(db, (trx) => sql`DELETE FROM audit_log WHERE seq > 12`.execute(trx))
 */
export function asTableOwner(db: Kysely<Database>, change: (trx: Kysely<Database>) => Promise<unknown>) {
  return db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    await change(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

/**
 * Recomputes every row's `prev_hash` and `hash` with the app's own hash function, as an attacker
 * with the table owner's rights would after changing rows, so the chain is consistent again.
 */
export async function rechainAuditLog(trx: Kysely<Database>): Promise<void> {
  const rows = await trx.selectFrom('auditLog').selectAll().orderBy('seq').execute();
  let prevHash = GENESIS_HASH;
  for (const r of rows) {
    const hash = auditRowHash(prevHash, auditRowContentOf(r));
    await trx.updateTable('auditLog').set({ prevHash, hash }).where('seq', '=', r.seq).execute();
    prevHash = hash;
  }
}

/** Deletes the row at `seq` and moves every later row down by one, leaving no gap. */
export async function deleteAndRenumber(trx: Kysely<Database>, seq: number): Promise<void> {
  await sql`DELETE FROM audit_log WHERE seq = ${seq}`.execute(trx);
  // Through negative numbers, so no two rows ever share a seq mid-update.
  await sql`UPDATE audit_log SET seq = -seq WHERE seq > ${seq}`.execute(trx);
  await sql`UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0`.execute(trx);
}
