import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
type AnyKysely = Kysely<any>;
import { loadMigrations } from './migrations-folder.ts';

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: AnyKysely): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: loadMigrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
