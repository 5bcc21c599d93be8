import { sql, type Kysely } from 'kysely';

/**
 * An account may hold no role (三权分立): the system administrator creates it, the security
 * administrator grants its business role and scope. `role` NULL = not yet granted (or revoked):
 * the account signs in, changes its password, and may do nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user ALTER COLUMN role DROP NOT NULL`.execute(db);
}
