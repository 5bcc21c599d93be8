import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CertificateSittingTable } from './credit-bank.tables.ts';

/*
 * 1+X sittings (考核记录, migration 0040): one row per learner, certificate, level, issuer and day
 * of assessment, passed or not; a pass names the certificate (learning outcome) it made.
 */

/** The key one sitting has once: learner, issuer, certificate name, level and day. */
export const sittingKey = (s: {
  learnerId: string;
  issuer: string;
  certificateName: string;
  level: string;
  examOn: string;
}) => [s.learnerId, s.issuer, s.certificateName, s.level, s.examOn].join('|');

/** The sittings of these learners (to find a row's sitting already recorded). */
export function findSittingsOfLearners(db: Executor, learnerIds: readonly string[]) {
  if (learnerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('certificateSitting')
    .select(['id', 'learnerId', 'issuer', 'certificateName', 'level', 'examOn', 'passed', 'outcomeId'])
    .where('learnerId', 'in', [...learnerIds])
    .execute();
}

/** Inserts sittings in one statement (a sitting already recorded under its key is left as it is). */
export async function insertSittings(db: Executor, rows: ReadonlyArray<Insertable<CertificateSittingTable>>) {
  if (rows.length === 0) return;
  await db
    .insertInto('certificateSitting')
    .values([...rows])
    .onConflict((oc) => oc.columns(['learnerId', 'issuer', 'certificateName', 'level', 'examOn']).doNothing())
    .execute();
}
