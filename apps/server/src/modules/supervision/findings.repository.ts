import type { FindingState } from '@zhijiao/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SupervisionView } from './supervision.policy.ts';
import { visibleSql } from './supervision.repository.ts';
import type { FindingTable } from './supervision.tables.ts';

/** SQL of findings (问题). */

/** Findings with their inspection and order (if any); units are named by the caller. */
function findingsQuery(db: Executor) {
  return db
    .selectFrom('finding as f')
    .innerJoin('inspection as i', 'i.id', 'f.inspectionId')
    .leftJoin('rectificationOrder as o', 'o.findingId', 'f.id')
    .select([
      'f.id',
      'f.inspectionId',
      'f.districtId',
      'f.orgUnitId',
      'i.title as inspectionTitle',
      'i.kind as inspectionKind',
      'i.state as inspectionState',
      'f.subjectType',
      'f.subjectId',
      'f.subjectLabel',
      'f.evidence',
      'f.title',
      'f.description',
      'f.severity',
      'f.state',
      'f.createdAt',
      'o.id as orderId',
      'o.state as orderState',
      'o.dueDate as orderDueDate',
      'o.closedOn as orderClosedOn',
    ]);
}

export type FindingRow = NonNullable<Awaited<ReturnType<typeof findFindingRow>>>;

export function findFindingRow(db: Executor, id: string) {
  return findingsQuery(db).where('f.id', '=', id).executeTakeFirst();
}

export interface FindingFilter {
  /** Only the rows this view sees. */
  view?: SupervisionView;
  inspectionId?: string;
  orgUnitId?: string;
  state?: FindingState;
}

/** Findings by filter, newest or oldest first, a page of them if `limit` is given. */
export function listFindingRows(
  db: Executor,
  filter: FindingFilter,
  page: { order: 'newest' | 'oldest'; limit?: number; offset?: number },
) {
  let q = findingsQuery(db)
    .orderBy('f.createdAt', page.order === 'newest' ? 'desc' : 'asc')
    .orderBy('f.id');
  if (filter.view) q = q.where(visibleSql(filter.view, 'f'));
  if (filter.inspectionId) q = q.where('f.inspectionId', '=', filter.inspectionId);
  if (filter.orgUnitId) q = q.where('f.orgUnitId', '=', filter.orgUnitId);
  if (filter.state) q = q.where('f.state', '=', filter.state);
  if (page.limit !== undefined) q = q.limit(page.limit).offset(page.offset ?? 0);
  return q.execute();
}

/** A finding as it is recorded (open). */
export type NewFinding = Omit<Selectable<FindingTable>, 'id' | 'state'>;

/** Inserts an open finding; returns its id. */
export async function insertFinding(trx: Executor, row: NewFinding): Promise<string> {
  const inserted = await trx
    .insertInto('finding')
    .values({ ...row, evidence: JSON.stringify(row.evidence), state: 'open' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Moves a finding to `to` if it is in one of `from` (states of `findingWorkflow`); false if not. */
export async function moveFinding(
  trx: Executor,
  id: string,
  from: readonly FindingState[],
  to: FindingState,
): Promise<boolean> {
  const moved = await trx
    .updateTable('finding')
    .set({ state: to })
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .returning('id')
    .executeTakeFirst();
  return moved !== undefined;
}

/** Titles of findings by id. */
export async function findingTitlesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('finding')
    .select(['id', 'title'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** How many of `ids` are findings of the inspection. */
export async function countFindingsOfInspection(
  db: Executor,
  inspectionId: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .selectFrom('finding')
    .select('id')
    .where('id', 'in', [...ids])
    .where('inspectionId', '=', inspectionId)
    .execute();
  return rows.length;
}
