import { containsPattern } from '../../platform/search/search-sources.ts';
import type { InspectionKind, InspectionScopeType, InspectionState } from '@zhijiao/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SupervisionView } from './supervision.policy.ts';
import { concernsUnitsSql, inspectionVisibleSql } from './supervision.repository.ts';
import type { ScheduleItem } from './supervision.tables.ts';

/** SQL of inspections: the plan, its inspectors and scope, and the lists. */

export function findInspectionById(db: Executor, id: string) {
  return db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the inspection names one of `unitIds` in its scope or its findings. */
export async function inspectionConcernsUnits(
  db: Executor,
  id: string,
  unitIds: readonly string[],
): Promise<boolean> {
  const row = await db
    .selectFrom('inspection as i')
    .select('i.id')
    .where('i.id', '=', id)
    .where(concernsUnitsSql('i', unitIds))
    .executeTakeFirst();
  return row !== undefined;
}

/** Inspections the view sees, newest first, with their finding and open order counts. */
export function listInspectionsWithCounts(
  db: Executor,
  view: SupervisionView,
  q: { state?: InspectionState; q?: string; limit: number; offset: number },
) {
  let query = db
    .selectFrom('inspection as i')
    .selectAll('i')
    .select([
      sql<number>`(SELECT count(*) FROM finding f WHERE f.inspection_id = i.id)::int`.as('findings'),
      sql<number>`(SELECT count(*) FROM rectification_order o WHERE o.inspection_id = i.id AND o.state <> 'closed')::int`.as(
        'openOrders',
      ),
    ])
    .where(inspectionVisibleSql(view, 'i'))
    .orderBy('i.startsOn', 'desc')
    .orderBy('i.createdAt', 'desc')
    .limit(q.limit)
    .offset(q.offset);
  if (q.state) query = query.where('i.state', '=', q.state);
  const text = q.q?.trim();
  if (text) {
    const pattern = containsPattern(text);
    query = query.where((eb) =>
      eb.or([eb('i.title', 'ilike', pattern), eb('i.documentNumber', 'ilike', pattern)]),
    );
  }
  return query.execute();
}

/** The inspectors of an inspection (user ids), the lead first. */
export function listInspectorMembers(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspectionInspector')
    .select(['userId', 'isLead'])
    .where('inspectionId', '=', inspectionId)
    .orderBy('isLead', 'desc')
    .execute();
}

export function listScope(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspectionScope')
    .select(['itemType as type', 'itemId as id', 'label'])
    .where('inspectionId', '=', inspectionId)
    .orderBy('itemType')
    .orderBy('label')
    .execute();
}

export interface InspectionRow {
  districtId: string;
  kind: InspectionKind;
  title: string;
  purpose: string;
  documentNumber: string | null;
  startsOn: string;
  endsOn: string;
  schedule: ScheduleItem[];
  createdBy: string;
  at: Date;
}

export async function insertInspection(trx: Executor, row: InspectionRow): Promise<string> {
  const { at, schedule, ...rest } = row;
  const inserted = await trx
    .insertInto('inspection')
    .values({
      ...rest,
      state: 'planned',
      schedule: JSON.stringify(schedule),
      conclusion: '',
      completedAt: null,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Replaces the inspectors and the scope of an inspection. */
export async function replaceMembers(
  trx: Executor,
  inspectionId: string,
  inspectors: ReadonlyArray<{ userId: string; isLead: boolean }>,
  scope: ReadonlyArray<{ type: InspectionScopeType; id: string; label: string }>,
): Promise<void> {
  await trx.deleteFrom('inspectionInspector').where('inspectionId', '=', inspectionId).execute();
  await trx.deleteFrom('inspectionScope').where('inspectionId', '=', inspectionId).execute();
  if (inspectors.length)
    await trx
      .insertInto('inspectionInspector')
      .values(inspectors.map((i) => ({ inspectionId, ...i })))
      .execute();
  if (scope.length)
    await trx
      .insertInto('inspectionScope')
      .values(scope.map((s) => ({ inspectionId, itemType: s.type, itemId: s.id, label: s.label })))
      .execute();
}

/** The portal publication of an inspection's report, if any. */
export function findPublicationOf(db: Executor, inspectionId: string) {
  return db
    .selectFrom('supervisionPublication')
    .select(['id', 'publishedAt'])
    .where('inspectionId', '=', inspectionId)
    .executeTakeFirst();
}
