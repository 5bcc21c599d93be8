import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export function listOrgUnits(db: Executor) {
  return db
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name', 'fullName', 'nameEn', 'type', 'groups', 'aliases', 'parentId', 'demo'])
    .orderBy('code')
    .execute();
}

export function findOrgUnitByCode(db: Executor, code: string) {
  return db.selectFrom('orgUnit').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findOrgUnitsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgUnit').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

/** A unit and every unit below it. */
export async function listSubtreeIds(db: Executor, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE sub AS (
      SELECT id FROM org_unit WHERE id = ${rootId}
      UNION ALL
      SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id
    ) SELECT id FROM sub`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The nearest unit of type `district` at or above a unit, or null. */
export async function findDistrictOf(db: Executor, orgUnitId: string): Promise<string | null> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, type, 0 AS depth FROM org_unit WHERE id = ${orgUnitId}
      UNION ALL
      SELECT o.id, o.parent_id, o.type, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id
    ) SELECT id FROM up WHERE type = 'district' ORDER BY depth LIMIT 1`.execute(db);
  return rows.rows[0]?.id ?? null;
}
