import type { Executor } from '../../platform/db/database.ts';

/** Blind indexes a lookup reads at most (they go as one array parameter). */
const LOOKUP_CHUNK = 5_000;

/** The columns an import compares a row with (never a cipher). */
const COMPARED = [
  'id',
  'idIndex',
  'name',
  'sex',
  'majorCode',
  'majorName',
  'className',
  'cohortYear',
  'status',
  'statusSince',
] as const;

function findChunk(db: Executor, schoolId: string, idIndexes: string[]) {
  return db
    .selectFrom('learner')
    .select(COMPARED)
    .where('schoolId', '=', schoolId)
    .where('idIndex', 'in', idIndexes)
    .execute();
}

export type RegisteredLearner = Awaited<ReturnType<typeof findChunk>>[number];

/**
 * The learners of a school whose ID numbers' blind indexes are among these, by blind index: what
 * an import compares its rows with. A few queries for any number of rows.
 */
export async function learnersByIdIndexes(db: Executor, schoolId: string, idIndexes: readonly string[]) {
  const found = new Map<string, RegisteredLearner>();
  for (let i = 0; i < idIndexes.length; i += LOOKUP_CHUNK)
    for (const r of await findChunk(db, schoolId, idIndexes.slice(i, i + LOOKUP_CHUNK)))
      found.set(r.idIndex, r);
  return found;
}
