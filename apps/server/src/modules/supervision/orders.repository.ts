import type { ExtensionState, OrderState } from '@zhijiao/contracts';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SupervisionView } from './supervision.policy.ts';
import { visibleSql } from './supervision.repository.ts';
import type { RectificationOrderTable } from './supervision.tables.ts';

/** SQL of rectification orders (整改通知), their extension requests and history. */

/** Orders with their finding and inspection, and whether an extension is pending; units are named by the caller. */
function ordersQuery(db: Executor) {
  return db
    .selectFrom('rectificationOrder as o')
    .innerJoin('finding as f', 'f.id', 'o.findingId')
    .innerJoin('inspection as i', 'i.id', 'o.inspectionId')
    .select([
      'o.id',
      'o.findingId',
      'o.inspectionId',
      'o.districtId',
      'o.orgUnitId',
      'f.title as findingTitle',
      'i.title as inspectionTitle',
      'o.title',
      'o.requirements',
      'o.state',
      'o.issuedOn',
      'o.originalDueDate',
      'o.dueDate',
      'o.closedOn',
      sql<boolean>`EXISTS (SELECT 1 FROM rectification_extension x WHERE x.order_id = o.id AND x.state = 'pending')`.as(
        'pendingExtension',
      ),
    ]);
}

export type OrderRow = Awaited<ReturnType<typeof listOrderRows>>[number];

export interface OrderFilter {
  view: SupervisionView;
  state?: OrderState;
  inspectionId?: string;
  orgUnitId?: string;
  /** Only open orders due before this day. */
  dueBefore?: string;
  /** Only open orders due on or before this day. */
  dueBy?: string;
}

/** Orders the view sees, by due date, one page. */
export function listOrderRows(db: Executor, f: OrderFilter, page: { limit: number; offset: number }) {
  let q = ordersQuery(db)
    .where(visibleSql(f.view, 'o'))
    .orderBy('o.dueDate')
    .orderBy('o.id')
    .limit(page.limit)
    .offset(page.offset);
  if (f.state) q = q.where('o.state', '=', f.state);
  if (f.inspectionId) q = q.where('o.inspectionId', '=', f.inspectionId);
  if (f.orgUnitId) q = q.where('o.orgUnitId', '=', f.orgUnitId);
  if (f.dueBefore) q = q.where('o.state', '<>', 'closed').where('o.dueDate', '<', f.dueBefore);
  if (f.dueBy) q = q.where('o.state', '<>', 'closed').where('o.dueDate', '<=', f.dueBy);
  return q.execute();
}

/** One order with its answer and review. */
export function findOrderRow(db: Executor, id: string) {
  return ordersQuery(db)
    .select(['o.measures', 'o.evidenceFileIds', 'o.reviewComment', 'o.answeredAt', 'o.verifiedAt'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** An order as it is issued; `at` stamps its creation. */
export type NewOrder = Pick<
  Selectable<RectificationOrderTable>,
  | 'findingId'
  | 'inspectionId'
  | 'districtId'
  | 'orgUnitId'
  | 'title'
  | 'requirements'
  | 'issuedOn'
  | 'dueDate'
> & { createdBy: string; at: Date };

/** Inserts an issued order; returns its id. */
export async function insertOrder(trx: Executor, row: NewOrder): Promise<string> {
  const { at, ...rest } = row;
  const inserted = await trx
    .insertInto('rectificationOrder')
    .values({ ...rest, state: 'issued', originalDueDate: row.dueDate, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The history of an order (who is named by the caller). */
export function listOrderEvents(db: Executor, orderId: string) {
  return db
    .selectFrom('rectificationEvent')
    .select(['at', 'action', 'comment', 'actorId'])
    .where('orderId', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function listExtensions(db: Executor, orderId: string) {
  return db
    .selectFrom('rectificationExtension')
    .select(['id', 'requestedDueDate', 'reason', 'state', 'requestedAt', 'decidedAt', 'decisionReason'])
    .where('orderId', '=', orderId)
    .orderBy('requestedAt')
    .execute();
}

export function findExtension(db: Executor, orderId: string, id: string) {
  return db
    .selectFrom('rectificationExtension')
    .select(['id', 'state', 'requestedDueDate'])
    .where('id', '=', id)
    .where('orderId', '=', orderId)
    .executeTakeFirst();
}

export async function insertExtension(
  trx: Executor,
  row: { orderId: string; requestedDueDate: string; reason: string; requestedBy: string; requestedAt: Date },
): Promise<void> {
  await trx
    .insertInto('rectificationExtension')
    .values({ ...row, state: 'pending' })
    .execute();
}

/**
 * Decides an extension request still in one of `from` (states of `extensionWorkflow`); false when
 * someone decided it meanwhile.
 */
export async function decideExtension(
  trx: Executor,
  id: string,
  from: readonly ExtensionState[],
  set: { state: ExtensionState; decidedBy: string; decidedAt: Date; decisionReason: string | null },
): Promise<boolean> {
  const decided = await trx
    .updateTable('rectificationExtension')
    .set(set)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .returning('id')
    .executeTakeFirst();
  return decided !== undefined;
}

/** Open orders the view sees due on or before `until` (the alert source), most overdue first. */
export function listDueOrders(db: Executor, view: SupervisionView, until: string) {
  return db
    .selectFrom('rectificationOrder as o')
    .select(['o.id', 'o.title', 'o.dueDate', 'o.orgUnitId'])
    .where(visibleSql(view, 'o'))
    .where('o.state', '<>', 'closed')
    .where('o.dueDate', '<=', until)
    .orderBy('o.dueDate')
    .orderBy('o.id')
    .limit(1000)
    .execute();
}

/** Orders with the stored file `fileId` among the evidence of their answer. */
export async function listOrderIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rectificationOrder')
    .select('id')
    .where(sql<boolean>`${fileId}::uuid = ANY(evidence_file_ids)`)
    .execute();
  return rows.map((r) => r.id);
}
