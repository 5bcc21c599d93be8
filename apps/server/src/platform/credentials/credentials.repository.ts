/**
 * The SQL of issued credentials and their status lists (Kysely), over an Executor.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { CredentialStatusListTable, IssuedCredentialTable } from './credentials.tables.ts';

export type StatusListRow = Selectable<CredentialStatusListTable>;
export type IssuedCredentialRow = Insertable<IssuedCredentialTable>;

/** The district's newest status list, or undefined before its first credential. */
export function findNewestStatusList(db: Executor, districtCode: string) {
  return db
    .selectFrom('credentialStatusList')
    .selectAll()
    .where('districtCode', '=', districtCode)
    .orderBy('listNumber', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One status list by district and number (the public URL's parts). */
export function findStatusList(db: Executor, districtCode: string, listNumber: number) {
  return db
    .selectFrom('credentialStatusList')
    .selectAll()
    .where('districtCode', '=', districtCode)
    .where('listNumber', '=', listNumber)
    .executeTakeFirst();
}

export function findStatusListById(db: Executor, id: string) {
  return db.selectFrom('credentialStatusList').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function insertStatusList(db: Executor, row: Insertable<CredentialStatusListTable>) {
  return db.insertInto('credentialStatusList').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Counts one more index given out of the list. */
export async function countAllocation(db: Executor, listId: string): Promise<void> {
  await db
    .updateTable('credentialStatusList')
    .set((eb) => ({ allocated: eb('allocated', '+', 1) }))
    .where('id', '=', listId)
    .execute();
}

export async function storeSignedList(db: Executor, listId: string, signedJwt: string, at: Date) {
  await db
    .updateTable('credentialStatusList')
    .set({ signedJwt, updatedAt: at })
    .where('id', '=', listId)
    .execute();
}

/** Which of `indexes` the list has already given out. */
export async function takenIndexes(db: Executor, listId: string, indexes: number[]): Promise<Set<number>> {
  const rows = await db
    .selectFrom('issuedCredential')
    .select('statusIndex')
    .where('statusListId', '=', listId)
    .where('statusIndex', 'in', indexes)
    .execute();
  return new Set(rows.map((r) => r.statusIndex));
}

/** The indexes of the list's revoked credentials: the bits to set. */
export async function revokedIndexes(db: Executor, listId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('issuedCredential')
    .select('statusIndex')
    .where('statusListId', '=', listId)
    .where('revokedAt', 'is not', null)
    .execute();
  return rows.map((r) => r.statusIndex);
}

export async function insertIssuedCredential(db: Executor, row: IssuedCredentialRow): Promise<void> {
  await db.insertInto('issuedCredential').values(row).execute();
}

/** The credentials issued for `subjectRef`, or the one with `id`; with `lock`, locked for a revocation. */
export function findCredentials(
  db: Executor,
  by: { id: string } | { subjectRef: string },
  options: { lock?: boolean } = {},
) {
  let query = db.selectFrom('issuedCredential').selectAll();
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('subjectRef', '=', by.subjectRef);
  query = query.orderBy('issuedAt').orderBy('id');
  return (options.lock ? query.forUpdate() : query).execute();
}

export async function markRevoked(
  db: Executor,
  ids: string[],
  revocation: { at: Date; reason: string; by: string | null },
): Promise<void> {
  await db
    .updateTable('issuedCredential')
    .set({ revokedAt: revocation.at, revocationReason: revocation.reason, revokedBy: revocation.by })
    .where('id', 'in', ids)
    .execute();
}

/** The stored record of a credential with this JWT hash, if this installation issued it. */
export function findCredentialByHash(db: Executor, credentialHash: string) {
  return db
    .selectFrom('issuedCredential')
    .select(['id', 'districtCode', 'revokedAt'])
    .where('credentialHash', '=', credentialHash)
    .executeTakeFirst();
}

/** Counts the client's verifications since each instant. */
export function countVerifications(db: Executor, clientHash: string, since: Date[]) {
  return Promise.all(
    since.map(async (at) => {
      const row = await db
        .selectFrom('credentialVerification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('clientHash', '=', clientHash)
        .where('at', '>', at)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
}

/** Records a verification for the rate limit and forgets events older than `forgetBefore`. */
export async function recordVerification(db: Executor, clientHash: string, at: Date, forgetBefore: Date) {
  await db.deleteFrom('credentialVerification').where('at', '<', forgetBefore).execute();
  await db.insertInto('credentialVerification').values({ clientHash, at }).execute();
}
