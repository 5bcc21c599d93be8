import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from 'kysely/migration';

/** Where the migrations are: one folder, one file per step, named `NNNN-what.ts`. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.ts$/;

let loaded: Promise<Record<string, Migration>> | null = null;

/**
 * Every migration of the folder, in name order: a new module adds its `NNNN-<module>.ts` and
 * nothing else. One set for PostgreSQL and PGlite alike.
 */
export function loadMigrations(): Promise<Record<string, Migration>> {
  loaded ??= (async () => {
    const names = fs
      .readdirSync(MIGRATIONS_DIR)
      .map((f) => MIGRATION_FILE.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort();
    const out: Record<string, Migration> = {};
    for (const name of names)
      out[name] = (await import(path.join(MIGRATIONS_DIR, `${name}.ts`))) as Migration;
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
