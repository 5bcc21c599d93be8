import type { CommitmentState } from '@zhijiao/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { findingTitlesByIds } from './findings.repository.ts';
import type { InterviewTable, SanctionTable } from './supervision.tables.ts';

/** SQL of interviews (约谈) with their commitments, and of rewards and penalties (奖惩). */

/** An interview as it is recorded, with the commitments made. */
export type NewInterview = Omit<Selectable<InterviewTable>, 'id'> & {
  commitments: ReadonlyArray<{ text: string; dueDate: string | null }>;
};

/** Inserts an interview and its commitments (pending); returns its id. */
export async function insertInterview(trx: Executor, row: NewInterview): Promise<string> {
  const { commitments, ...interview } = row;
  const inserted = await trx
    .insertInto('interview')
    .values(interview)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (commitments.length)
    await trx
      .insertInto('interviewCommitment')
      .values(
        commitments.map((c, position) => ({
          interviewId: inserted.id,
          position,
          text: c.text,
          dueDate: c.dueDate,
          state: 'pending' as const,
        })),
      )
      .execute();
  return inserted.id;
}

/** Interviews (of an inspection, or one by id) with their commitments and the findings they name. */
export async function listInterviewRows(db: Executor, where: { inspectionId?: string; id?: string }) {
  let q = db
    .selectFrom('interview')
    .select([
      'id',
      'inspectionId',
      'districtId',
      'orgUnitId',
      'heldOn',
      'interviewers',
      'interviewees',
      'reason',
      'findingIds',
    ])
    .orderBy('heldOn')
    .orderBy('createdAt');
  if (where.inspectionId) q = q.where('inspectionId', '=', where.inspectionId);
  if (where.id) q = q.where('id', '=', where.id);
  const rows = await q.execute();
  const commitments = rows.length
    ? await db
        .selectFrom('interviewCommitment')
        .select(['id', 'interviewId', 'text', 'dueDate', 'state', 'followUp', 'followedUpAt'])
        .where(
          'interviewId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('position')
        .execute()
    : [];
  const titleOf = await findingTitlesByIds(db, [...new Set(rows.flatMap((r) => r.findingIds))]);
  return rows.map((r) => ({
    ...r,
    findings: r.findingIds.map((id) => ({ id, title: titleOf.get(id) ?? '' })),
    commitments: commitments.filter((c) => c.interviewId === r.id).map(({ interviewId: _i, ...c }) => c),
  }));
}

export type InterviewRow = Awaited<ReturnType<typeof listInterviewRows>>[number];

/** Records the follow-up of one commitment. */
export async function updateCommitment(
  trx: Executor,
  id: string,
  set: { state: CommitmentState; followUp: string; followedUpAt: Date; followedUpBy: string },
): Promise<void> {
  await trx.updateTable('interviewCommitment').set(set).where('id', '=', id).execute();
}

export type NewSanction = Omit<Selectable<SanctionTable>, 'id'>;

export async function insertSanction(trx: Executor, row: NewSanction): Promise<string> {
  const inserted = await trx
    .insertInto('sanction')
    .values({ ...row, refs: JSON.stringify(row.refs) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export interface SanctionFilter {
  /** Only these units' (a clerk), or only this district's (null: none); neither: all. */
  unitIds?: readonly string[];
  districtId?: string | null;
  inspectionId?: string;
  year?: number;
  orgUnitId?: string;
  id?: string;
}

/** Rewards and penalties by filter, newest decision first. */
export function listSanctionRows(db: Executor, f: SanctionFilter) {
  let q = db
    .selectFrom('sanction')
    .select([
      'id',
      'districtId',
      'orgUnitId',
      'inspectionId',
      'kind',
      'year',
      'points',
      'title',
      'ground',
      'groundsText',
      'refs',
      'decidedOn',
    ])
    .orderBy('decidedOn', 'desc')
    .orderBy('createdAt', 'desc');
  if (f.unitIds) q = q.where('orgUnitId', 'in', f.unitIds.length ? [...f.unitIds] : [NO_ID]);
  if (f.districtId !== undefined) q = q.where('districtId', '=', f.districtId ?? NO_ID);
  if (f.inspectionId) q = q.where('inspectionId', '=', f.inspectionId);
  if (f.year) q = q.where('year', '=', f.year);
  if (f.orgUnitId) q = q.where('orgUnitId', '=', f.orgUnitId);
  if (f.id) q = q.where('id', '=', f.id);
  return q.execute();
}

const NO_ID = '00000000-0000-0000-0000-000000000000';
