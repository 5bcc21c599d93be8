import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
type AnyKysely = Kysely<any>;
import { loadMigrations } from './migrations-folder.ts';

const migrator = (db: AnyKysely) => new Migrator({ db, provider: { getMigrations: loadMigrations } });

/** The migrations a run applied; throws with the failing migration's name on error. */
function applied(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: AnyKysely): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/**
 * Applies the pending migrations up to and including `name`, and none after it: a restore brings a
 * new database to its backup's level before the rows go in.
 *
 * @example await migrateUpTo(db, '0012-indicator-periods') // ['0001-platform', …, '0012-indicator-periods']
 */
export async function migrateUpTo(db: AnyKysely, name: string): Promise<string[]> {
  return applied(await migrator(db).migrateTo(name));
}
