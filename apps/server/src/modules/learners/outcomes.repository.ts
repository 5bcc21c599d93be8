import { sql, type Insertable } from 'kysely';
import type { OutcomeStatus } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { LearningOutcomeTable, OutcomeRecognitionTable } from './credit-bank.tables.ts';

/*
 * Learning outcomes' SQL (学习成果). Callers scope: they pass the schools the actor sees.
 */

const SHOWN = [
  'o.id',
  'o.learnerId',
  'o.schoolId',
  'o.districtId',
  'o.type',
  'o.title',
  'o.certificateCode',
  'o.level',
  'o.issuer',
  'o.number',
  'o.achievedOn',
  'o.evidenceFileId',
  'o.source',
  'o.status',
  'o.statusReason',
  'o.statusReasons',
  'o.decidedBy',
  'o.decidedAt',
  'o.createdAt',
  'o.updatedAt',
] as const;

export type OutcomeRow = Awaited<ReturnType<typeof findOutcome>> & object;

/** One outcome as shown, or undefined. */
export function findOutcome(db: Executor, id: string) {
  return db.selectFrom('learningOutcome as o').select(SHOWN).where('o.id', '=', id).executeTakeFirst();
}

/** One outcome as shown, locked until the transaction ends (decisions on it are serialised). */
export function lockOutcome(db: Executor, id: string) {
  return db
    .selectFrom('learningOutcome as o')
    .select(SHOWN)
    .where('o.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A learner's outcomes, oldest achieved first. */
export function listOutcomesOfLearner(db: Executor, learnerId: string) {
  return db
    .selectFrom('learningOutcome as o')
    .select(SHOWN)
    .where('o.learnerId', '=', learnerId)
    .orderBy('o.achievedOn')
    .orderBy('o.createdAt')
    .orderBy('o.id')
    .execute();
}

export interface OutcomeFilter {
  /** The schools the actor sees (null: every school). */
  schoolIds: readonly string[] | null;
  status?: OutcomeStatus;
  limit: number;
  offset: number;
}

/** Outcomes of learners of `schoolIds` (e.g. the reviewer's 待认定 queue), oldest recorded first, with the total. */
export async function listOutcomeRows(db: Executor, f: OutcomeFilter) {
  if (f.schoolIds?.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('learningOutcome as o');
  if (f.schoolIds) q = q.where('o.schoolId', 'in', [...f.schoolIds]);
  if (f.status) q = q.where('o.status', '=', f.status);
  const [rows, count] = await Promise.all([
    q
      .innerJoin('learner as l', 'l.id', 'o.learnerId')
      .select([...SHOWN, 'l.name as learnerName'])
      .orderBy('o.createdAt')
      .orderBy('o.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The outcomes holding these issuers' certificate numbers (refused ones let go of theirs). */
export async function findOutcomesByCertificates(
  db: Executor,
  keys: ReadonlyArray<{ issuer: string; numberKey: string }>,
) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('learningOutcome as o')
    .select([...SHOWN, 'o.numberKey'])
    .where('o.status', '<>', 'refused')
    .where('o.numberKey', 'in', [...new Set(keys.map((k) => k.numberKey))])
    .where('o.issuer', 'in', [...new Set(keys.map((k) => k.issuer))])
    .execute();
}

/** Inserts outcomes in one statement; answers their ids in the order given. */
export async function insertOutcomes(db: Executor, rows: ReadonlyArray<Insertable<LearningOutcomeTable>>) {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('learningOutcome')
    .values([...rows])
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** Sets an outcome's status with the decision's reason(s), who and when. */
export async function setOutcomeStatus(
  db: Executor,
  id: string,
  values: {
    status: OutcomeStatus;
    statusReason: string;
    statusReasons: string;
    decidedBy: string;
    decidedAt: Date;
  },
): Promise<void> {
  await db
    .updateTable('learningOutcome')
    .set({ ...values, updatedAt: values.decidedAt })
    .where('id', '=', id)
    .execute();
}

/** Records a recognition (认定); answers its id. */
export async function insertRecognition(db: Executor, row: Insertable<OutcomeRecognitionTable>) {
  return (await db.insertInto('outcomeRecognition').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** An outcome's recognitions, oldest first, with the catalogue version each was judged by. */
export function listRecognitions(db: Executor, outcomeId: string) {
  return db
    .selectFrom('outcomeRecognition as r')
    .innerJoin('outcomeCatalogue as c', 'c.id', 'r.catalogueId')
    .select(['r.id', 'r.credits', 'r.note', 'r.recognisedBy', 'r.recognisedAt', 'c.year', 'c.version'])
    .where('r.outcomeId', '=', outcomeId)
    .orderBy('r.recognisedAt')
    .execute();
}

/** Ids of outcomes with `fileId` as evidence (for the file download's owner check). */
export async function listOutcomeIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('learningOutcome')
    .select('id')
    .where('evidenceFileId', '=', sql<string>`${fileId}::uuid`)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Recognised outcomes (已认定) for the national credit bank's export, in scope: of `schoolIds`
 * (null: every school), of one learner, recognised in a China calendar year — with the learner's
 * name, masked ID number and major and the recognition's credits and date; by school, learner, date.
 */
export function listRecognisedForExport(
  db: Executor,
  f: { schoolIds: readonly string[] | null; learnerId?: string; year?: number; limit?: number },
) {
  if (f.schoolIds?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('learningOutcome as o')
    .innerJoin('learner as l', 'l.id', 'o.learnerId')
    .innerJoin('outcomeRecognition as r', 'r.outcomeId', 'o.id')
    .select([
      ...SHOWN,
      'l.name as learnerName',
      'l.idMasked',
      'l.majorCode',
      'l.majorName',
      'r.credits',
      'r.recognisedAt',
    ])
    .where('o.status', '=', 'recognised');
  if (f.schoolIds) q = q.where('o.schoolId', 'in', [...f.schoolIds]);
  if (f.learnerId) q = q.where('o.learnerId', '=', f.learnerId);
  if (f.year !== undefined)
    q = q
      .where('r.recognisedAt', '>=', new Date(`${f.year}-01-01T00:00:00+08:00`))
      .where('r.recognisedAt', '<', new Date(`${f.year + 1}-01-01T00:00:00+08:00`));
  q = q.orderBy('o.schoolId').orderBy('l.name').orderBy('o.achievedOn').orderBy('o.id');
  return (f.limit !== undefined ? q.limit(f.limit) : q).execute();
}
