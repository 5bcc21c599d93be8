import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SupervisionView } from './supervision.policy.ts';

/** SQL every supervision repository shares: which rows the actor sees, who inspects what. */

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

/** Inspector user ids of one inspection. */
export async function listInspectorIds(db: Executor, inspectionId: string): Promise<string[]> {
  return (await inspectorIdsOf(db, [inspectionId])).get(inspectionId) ?? [];
}
