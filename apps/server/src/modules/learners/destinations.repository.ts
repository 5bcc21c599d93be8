import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { LearnerDestinationTable } from './learners.tables.ts';

/*
 * Graduates' destinations' SQL (毕业去向). Callers scope: they pass the schools the actor sees.
 * A graduate is a learner whose status is 毕业; the year of graduation is the year it took effect.
 */

/** The destination columns shown with a graduate (the learner's id aside). */
const DESTINATION = [
  'd.kind',
  'd.settledOn',
  'd.employerName',
  'd.employerUnitId',
  'd.relevantToMajor',
  'd.monthlyPay',
  'd.region',
  'd.institutionName',
  'd.studyLevel',
  'd.studyRoute',
  'd.note',
  'd.source',
  'd.recordedAt',
] as const;

/** A learner's destination, or undefined. */
export function findDestination(db: Executor, learnerId: string) {
  return db
    .selectFrom('learnerDestination as d')
    .select(DESTINATION)
    .where('d.learnerId', '=', learnerId)
    .executeTakeFirst();
}

/** Writes the graduate's destination, replacing the one recorded before (a survey corrects the school). */
export async function upsertDestination(db: Executor, row: Insertable<LearnerDestinationTable>) {
  const { learnerId: _, ...changes } = row;
  await db
    .insertInto('learnerDestination')
    .values(row)
    .onConflict((oc) => oc.column('learnerId').doUpdateSet(changes))
    .execute();
}

/**
 * The graduates of a year at these schools (null: every school), with their destination where one
 * is recorded; by school, class and name.
 */
export function listGraduates(
  db: Executor,
  filter: { schoolIds: readonly string[] | null; graduationYear: number },
) {
  const { schoolIds, graduationYear } = filter;
  return db
    .selectFrom('learner as l')
    .leftJoin('learnerDestination as d', 'd.learnerId', 'l.id')
    .select([
      'l.id',
      'l.schoolId',
      'l.name',
      'l.idMasked',
      'l.majorCode',
      'l.majorName',
      'l.className',
      'l.cohortYear',
      'l.statusSince as graduatedOn',
      ...DESTINATION,
    ])
    .where('l.status', '=', 'graduated')
    .where('l.statusSince', '>=', `${graduationYear}-01-01`)
    .where('l.statusSince', '<=', `${graduationYear}-12-31`)
    .$if(schoolIds !== null, (q) =>
      schoolIds!.length === 0 ? q.where(sql<boolean>`false`) : q.where('l.schoolId', 'in', [...schoolIds!]),
    )
    .orderBy('l.schoolId')
    .orderBy('l.className')
    .orderBy('l.name')
    .orderBy('l.id')
    .execute();
}

export type GraduateRow = Awaited<ReturnType<typeof listGraduates>>[number];
