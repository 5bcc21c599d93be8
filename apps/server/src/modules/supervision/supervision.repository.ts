import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SupervisionView } from './supervision.policy.ts';

/**
 * SQL condition: the rows of `alias` (a table with `district_id`, `inspection_id`, and unless
 * `inspectionsOnly` an `org_unit_id`) the view sees. Inspectors see their inspections' rows.
 */
export function visibleSql(
  v: SupervisionView,
  alias: string,
  opts: { unitsSee: boolean; inspectionColumn?: string } = { unitsSee: true },
): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  if (v.kind === 'district')
    return v.all ? sql<boolean>`true` : sql<boolean>`${col('district_id')} = ${v.districtId}`;
  if (v.kind === 'inspector') {
    return sql<boolean>`${col(opts.inspectionColumn ?? 'inspection_id')} IN
      (SELECT inspection_id FROM inspection_inspector WHERE user_id = ${v.userId})`;
  }
  if (!opts.unitsSee || v.unitIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${col('org_unit_id')} = ANY(${[...v.unitIds]}::uuid[])`;
}

/** SQL condition: inspections `alias` that name one of `unitIds` in their scope or findings. */
export function concernsUnitsSql(alias: string, unitIds: readonly string[]): RawBuilder<boolean> {
  if (unitIds.length === 0) return sql<boolean>`false`;
  const ids = [...unitIds];
  return sql<boolean>`(${sql.ref(`${alias}.id`)} IN (SELECT inspection_id FROM finding WHERE org_unit_id = ANY(${ids}::uuid[]))
    OR ${sql.ref(`${alias}.id`)} IN (SELECT inspection_id FROM inspection_scope WHERE item_id = ANY(${ids}::uuid[])))`;
}

/** Inspections the view sees (a unit: those that concern it). */
export function inspectionVisibleSql(v: SupervisionView, alias: string): RawBuilder<boolean> {
  return v.kind === 'units'
    ? concernsUnitsSql(alias, v.unitIds)
    : visibleSql(v, alias, { unitsSee: false, inspectionColumn: 'id' });
}

export function findInspection(db: Executor, id: string) {
  return db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inspector user ids of each inspection. */
export async function inspectorIdsOf(
  db: Executor,
  inspectionIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (inspectionIds.length === 0) return out;
  const rows = await db
    .selectFrom('inspectionInspector')
    .select(['inspectionId', 'userId'])
    .where('inspectionId', 'in', [...new Set(inspectionIds)])
    .execute();
  for (const r of rows) out.set(r.inspectionId, [...(out.get(r.inspectionId) ?? []), r.userId]);
  return out;
}

export function listInspectors(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspectionInspector as ii')
    .innerJoin('appUser as u', 'u.id', 'ii.userId')
    .select(['u.id as userId', 'u.displayName', 'ii.isLead'])
    .where('ii.inspectionId', '=', inspectionId)
    .orderBy('ii.isLead', 'desc')
    .orderBy('u.displayName')
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

/** Findings with their unit, inspection and order (if any), filtered by a condition. */
export function findingsQuery(db: Executor) {
  return db
    .selectFrom('finding as f')
    .innerJoin('orgUnit as u', 'u.id', 'f.orgUnitId')
    .innerJoin('inspection as i', 'i.id', 'f.inspectionId')
    .leftJoin('rectificationOrder as o', 'o.findingId', 'f.id')
    .select([
      'f.id',
      'f.inspectionId',
      'f.districtId',
      'f.orgUnitId',
      'u.code as unitCode',
      'u.name as unitName',
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

/** Orders with their unit, finding and inspection, and whether an extension is pending. */
export function ordersQuery(db: Executor) {
  return db
    .selectFrom('rectificationOrder as o')
    .innerJoin('orgUnit as u', 'u.id', 'o.orgUnitId')
    .innerJoin('finding as f', 'f.id', 'o.findingId')
    .innerJoin('inspection as i', 'i.id', 'o.inspectionId')
    .select([
      'o.id',
      'o.findingId',
      'o.inspectionId',
      'o.districtId',
      'o.orgUnitId',
      'u.code as unitCode',
      'u.name as unitName',
      'f.title as findingTitle',
      'i.title as inspectionTitle',
      'o.title',
      'o.requirements',
      'o.state',
      'o.issuedOn',
      'o.originalDueDate',
      'o.dueDate',
      'o.closedOn',
      'o.updatedAt',
      sql<boolean>`EXISTS (SELECT 1 FROM rectification_extension x WHERE x.order_id = o.id AND x.state = 'pending')`.as(
        'pendingExtension',
      ),
    ]);
}

export function findOrderRow(db: Executor, id: string) {
  return ordersQuery(db)
    .select(['o.measures', 'o.evidenceFileIds', 'o.reviewComment', 'o.answeredAt', 'o.verifiedAt'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export function listOrderEvents(db: Executor, orderId: string) {
  return db
    .selectFrom('rectificationEvent as e')
    .leftJoin('appUser as u', 'u.id', 'e.actorId')
    .select(['e.at', 'e.action', 'e.comment', 'u.displayName as actor'])
    .where('e.orderId', '=', orderId)
    .orderBy('e.at')
    .orderBy('e.id')
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

export function listFilesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('storedFile')
    .select(['id', 'originalName as name', 'sizeBytes', 'mime', 'orgUnitId'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Interviews with their unit and commitments. */
export async function listInterviewRows(db: Executor, where: { inspectionId?: string; id?: string }) {
  let q = db
    .selectFrom('interview as v')
    .innerJoin('orgUnit as u', 'u.id', 'v.orgUnitId')
    .select([
      'v.id',
      'v.inspectionId',
      'v.districtId',
      'v.orgUnitId',
      'u.code as unitCode',
      'u.name as unitName',
      'v.heldOn',
      'v.interviewers',
      'v.interviewees',
      'v.reason',
      'v.findingIds',
    ])
    .orderBy('v.heldOn')
    .orderBy('v.createdAt');
  if (where.inspectionId) q = q.where('v.inspectionId', '=', where.inspectionId);
  if (where.id) q = q.where('v.id', '=', where.id);
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
  const findingIds = [...new Set(rows.flatMap((r) => r.findingIds))];
  const findings = findingIds.length
    ? await db.selectFrom('finding').select(['id', 'title']).where('id', 'in', findingIds).execute()
    : [];
  const titleOf = new Map(findings.map((f) => [f.id, f.title]));
  return rows.map((r) => ({
    ...r,
    findings: r.findingIds.map((id) => ({ id, title: titleOf.get(id) ?? '' })),
    commitments: commitments.filter((c) => c.interviewId === r.id).map(({ interviewId: _i, ...c }) => c),
  }));
}

export function listSanctionRows(db: Executor) {
  return db
    .selectFrom('sanction as s')
    .innerJoin('orgUnit as u', 'u.id', 's.orgUnitId')
    .select([
      's.id',
      's.districtId',
      's.orgUnitId',
      'u.code as unitCode',
      'u.name as unitName',
      's.inspectionId',
      's.kind',
      's.year',
      's.points',
      's.title',
      's.ground',
      's.groundsText',
      's.refs',
      's.decidedOn',
    ]);
}
