import type { Kysely } from 'kysely';

/** Filled by the module's first change (tables of that module only). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
