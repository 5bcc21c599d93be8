import { sql, type Kysely } from 'kysely';
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
 * Rewrites (`VACUUM FULL`) each table the migrations just applied removed personal data in clear
 * from (`personalDataRemovedFrom`), after their transaction committed (VACUUM cannot run inside
 * one): a dropped column's values stay in every row's bytes, and an updated row's old version in
 * the table's pages, until the table is rewritten, where a copy of the data files would find them.
 * The rewrite writes each live row anew without them (a dropped column as null) into a new file
 * and empties the old one. PostgreSQL and PGlite alike. A table dropped by a later migration is
 * skipped.
 */
async function rewriteTablesThatHeldPersonalData(db: AnyKysely, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const migrations = await loadMigrations();
  const tables = [...new Set(names.flatMap((n) => migrations[n]?.personalDataRemovedFrom ?? []))];
  for (const table of tables) {
    const { rows } = await sql<{ present: boolean }>`
      SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(db);
    if (rows[0]?.present) await sql`VACUUM FULL ${sql.table(table)}`.execute(db);
  }
}

/**
 * Applies every pending migration; throws with the failing migration's name on error. `context`
 * carries the field key (`platform/crypto/field-key.ts`): without it, a migration that finds
 * personal data to encrypt fails and nothing is applied. Tables a migration removed personal data
 * in clear from are then rewritten (`personalDataRemovedFrom`).
 */
export async function migrateToLatest(db: AnyKysely, context: MigrationContext = NO_KEY): Promise<string[]> {
  const names = applied(await migrator(db, context).migrateToLatest());
  await rewriteTablesThatHeldPersonalData(db, names);
  return names;
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
  const names = applied(await migrator(db, context).migrateTo(name));
  await rewriteTablesThatHeldPersonalData(db, names);
  return names;
}
