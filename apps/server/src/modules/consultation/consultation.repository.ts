import type { CommentStatus, ConsultationStatus } from '@zhijiao/contracts';
import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { lockForTransaction } from '../../platform/db/advisory-lock.ts';
import type { ConsultationCommentTable, ConsultationTable } from './consultation.tables.ts';

const consultationColumns = [
  'consultation.id',
  'consultation.planId',
  'consultation.districtId',
  'consultation.title',
  'consultation.description',
  'consultation.status',
  'consultation.opensAt',
  'consultation.closesAt',
  'consultation.closedAt',
  'consultation.summaryDate',
  'consultation.revisionPlanId',
  'consultation.createdAt',
] as const;

export type ConsultationRow = Awaited<ReturnType<typeof findConsultationById>> & object;
export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

/** One consultation, optionally locked for update inside a transaction. */
export function findConsultationById(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('consultation').select(consultationColumns).where('consultation.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findConsultationByPlanId(db: Executor, planId: string) {
  return db.selectFrom('consultation').select('id').where('planId', '=', planId).executeTakeFirst();
}

/** Consultations, newest first: of one district, or all when `districtId` is null. */
export function listConsultations(
  db: Executor,
  filter: { districtId: string | null; statuses?: readonly ConsultationStatus[] },
) {
  let q = db.selectFrom('consultation').select(consultationColumns);
  if (filter.districtId !== null) q = q.where('consultation.districtId', '=', filter.districtId);
  if (filter.statuses) q = q.where('consultation.status', 'in', [...filter.statuses]);
  return q.orderBy('consultation.opensAt', 'desc').execute();
}

/** Comment counts by consultation and status, for lists. */
export async function countCommentsByStatus(db: Executor, consultationIds: string[]) {
  if (consultationIds.length === 0) return [];
  return db
    .selectFrom('consultationComment')
    .select(['consultationId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultationId', 'in', consultationIds)
    .groupBy(['consultationId', 'status'])
    .execute();
}

const commentColumns = [
  'id',
  'consultationId',
  'seq',
  'clauseKey',
  'body',
  'authorName',
  'contactCipher',
  'contactKind',
  'status',
  'rejectReason',
  'moderatedAt',
  'reply',
  'decision',
  'decisionReason',
  'repliedAt',
  'createdAt',
] as const;

/** Comments of a consultation in submission order, optionally only some statuses. */
export function listComments(db: Executor, consultationId: string, statuses?: readonly CommentStatus[]) {
  let q = db
    .selectFrom('consultationComment')
    .select(commentColumns)
    .where('consultationId', '=', consultationId);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('seq').execute();
}

export function findCommentById(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('consultationComment').select(commentColumns).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The comments with these ids (any consultation), for a step on several at once. */
export function listCommentsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('consultationComment').select(commentColumns).where('id', 'in', ids).execute();
}

export async function insertConsultation(trx: Executor, values: Insertable<ConsultationTable>) {
  const row = await trx.insertInto('consultation').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertComment(trx: Executor, values: Insertable<ConsultationCommentTable>) {
  const row = await trx
    .insertInto('consultationComment')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The next comment number of a consultation; call with the consultation row locked. */
export async function nextCommentSeq(db: Executor, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom('consultationComment')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('consultationId', '=', consultationId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/**
 * Serialises the rate check of one client across processes for the rest of the transaction,
 * then counts its accepted comments since each given instant.
 */
export async function lockAndCountClientEvents(db: Executor, clientHash: string, since: Date[]) {
  await lockForTransaction(db, `consultation-rate|${clientHash}`);
  return Promise.all(
    since.map(async (at) => {
      const row = await db
        .selectFrom('consultationRateEvent')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('clientHash', '=', clientHash)
        .where('at', '>', at)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }),
  );
}

/** Records an accepted comment for the rate limit and forgets events older than `forgetBefore`. */
export async function recordClientEvent(db: Executor, clientHash: string, at: Date, forgetBefore: Date) {
  await db.deleteFrom('consultationRateEvent').where('at', '<', forgetBefore).execute();
  await db.insertInto('consultationRateEvent').values({ clientHash, at }).execute();
}

/** Marks a challenge nonce used; false when it already was. Expired nonces are forgotten. */
export async function useChallengeNonce(
  db: Executor,
  nonce: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  await db.deleteFrom('consultationChallengeUse').where('expiresAt', '<', now).execute();
  const inserted = await db
    .insertInto('consultationChallengeUse')
    .values({ nonce, expiresAt })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  return inserted !== undefined;
}
