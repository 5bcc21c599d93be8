import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { TeacherImportTable } from './teachers.tables.ts';

/** The unit's earlier import of a file with this content hash, if any. */
export function findImportByHash(db: Executor, orgUnitId: string, contentHash: string) {
  return db
    .selectFrom('teacherImport')
    .selectAll()
    .where('orgUnitId', '=', orgUnitId)
    .where('contentHash', '=', contentHash)
    .executeTakeFirst();
}

export async function insertImport(trx: Executor, row: Insertable<TeacherImportTable>): Promise<string> {
  return (await trx.insertInto('teacherImport').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Records what an import did. */
export async function setImportCounts(
  trx: Executor,
  id: string,
  counts: { created: number; updated: number; unchanged: number },
) {
  await trx.updateTable('teacherImport').set(counts).where('id', '=', id).execute();
}
