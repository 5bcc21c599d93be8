import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { FieldCrypto } from '../crypto/field-crypto.ts';

/**
 * What a migration is given besides the database: the field key (the one the services are given,
 * `platform/crypto/field-key.ts`), or null where the caller has none (a new, empty database: the
 * tests' template, a restore's target before its rows go in; `zhijiao migrate` where the data
 * directory holds no key file). A migration that must encrypt rows it finds refuses to run without
 * it (`keyForStoredRows`).
 */
export interface MigrationContext {
  crypto: FieldCrypto | null;
  /** With no key: the key file that was looked for and does not exist, named in the refusal. */
  missingKeyFile?: string | null;
}

/**
 * A migration file: `up(db, context)` (most ignore the context), an optional `down`, and — for a
 * migration that drops or overwrites personal data kept in clear — `personalDataRemovedFrom`, the
 * tables it removed it from: the migrator rewrites them once the migration has committed
 * (`migrate.ts`), since PostgreSQL keeps a dropped column's values, and the old versions of
 * updated rows, in the table's pages until the table is rewritten.
 */
export interface MigrationModule {
  readonly personalDataRemovedFrom?: readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
  up(db: Kysely<any>, context: MigrationContext): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
  down?(db: Kysely<any>, context: MigrationContext): Promise<void>;
}

/** Where the migrations are: one folder, one file per step, named `NNNN-what.ts`. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.ts$/;

let loaded: Promise<Record<string, MigrationModule>> | null = null;

/**
 * Every migration of the folder, in name order: a new module adds its `NNNN-<module>.ts` and
 * nothing else. One set for PostgreSQL and PGlite alike.
 */
export function loadMigrations(): Promise<Record<string, MigrationModule>> {
  loaded ??= (async () => {
    const names = fs
      .readdirSync(MIGRATIONS_DIR)
      .map((f) => MIGRATION_FILE.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort();
    const out: Record<string, MigrationModule> = {};
    for (const name of names)
      out[name] = (await import(path.join(MIGRATIONS_DIR, `${name}.ts`))) as MigrationModule;
    return out;
  })();
  return loaded;
}

/**
 * The tables migrations fill with reference data (the national major catalogue): a migration that
 * loads rows names their tables in `export const referenceTables = [...]`. A database whose only
 * rows are in these tables is empty as far as a restore is concerned.
 */
export async function loadReferenceTables(): Promise<string[]> {
  const migrations = Object.values(await loadMigrations()) as Array<{ referenceTables?: readonly string[] }>;
  return [...new Set(migrations.flatMap((m) => m.referenceTables ?? []))].sort();
}
