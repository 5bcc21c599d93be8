import type { Kysely } from 'kysely';

/**
 * The tables that held personal data in clear are rewritten once more, for the installations that
 * applied 0026 and 0030 before the migrator rewrote such tables (`personalDataRemovedFrom`,
 * `platform/db/migrate.ts`): there `teacher` still carries the dropped clear birth dates in every
 * row's bytes, and both tables the old versions of rows with a plain (guessable) row hash, where a
 * copy of the data files would find them. No schema change: the migrator runs `VACUUM FULL` on
 * these tables after this migration commits (once, when 0026 or 0030 are applied in the same run).
 */
export const personalDataRemovedFrom = ['teacher', 'enrollment_candidate'];

export async function up(_db: Kysely<unknown>): Promise<void> {}
