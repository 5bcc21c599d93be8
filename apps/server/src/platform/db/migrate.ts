import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import { loadMigrations, type MigrationContext } from './migrations-folder.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
type AnyKysely = Kysely<any>;

export type { MigrationContext } from './migrations-folder.ts';

/** No field key: enough for a database holding no personal data a migration must re-encrypt. */
const NO_KEY: MigrationContext = { crypto: null };

/**
 * Kysely calls `up(db)`; each migration gets the context as its second argument, so a data step
 * that must encrypt existing rows (0026) runs with the field key inside the migrations' one
 * transaction (Kysely runs every pending migration in a single transaction on PostgreSQL and PGlite).
 */
const migrator = (db: AnyKysely, context: MigrationContext) =>
  new Migrator({
    db,
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const [name, m] of Object.entries(await loadMigrations()))
          out[name] = {
            up: (trx) => m.up(trx, context),
            ...(m.down ? { down: (trx: AnyKysely) => m.down!(trx, context) } : {}),
          };
        return out;
      },
    },
  });

/** The migrations a run applied; throws with the failing migration's name on error. */
function applied(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies every pending migration; throws with the failing migration's name on error. `context`
 * carries the field key (`platform/crypto/field-key.ts`): without it, a migration that finds
 * personal data to encrypt fails and nothing is applied.
 */
export async function migrateToLatest(db: AnyKysely, context: MigrationContext = NO_KEY): Promise<string[]> {
  return applied(await migrator(db, context).migrateToLatest());
}

/**
 * Applies the pending migrations up to and including `name`, and none after it: a restore brings a
 * new database to its backup's level before the rows go in.
 *
 * @example await migrateUpTo(db, '0012-indicator-periods') // ['0001-platform', …, '0012-indicator-periods']
 */
export async function migrateUpTo(
  db: AnyKysely,
  name: string,
  context: MigrationContext = NO_KEY,
): Promise<string[]> {
  return applied(await migrator(db, context).migrateTo(name));
}
