import { sql, type Insertable } from 'kysely';
import type { OrgUnitType } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import type { OrgUnitTable } from './org.tables.ts';

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

/**
 * The districts at or under a unit, by code: the unit itself when it is a district, else the
 * districts below it (a district's own subtree is not walked, so a province's 117 districts cost
 * their ancestors' rows, not their 50,000 enterprises').
 *
 * @example await listDistrictsUnder(db, provinceId) // [{ id, code: 'D001', name: '第001区' }, …]
 */
export async function listDistrictsUnder(db: Executor, rootId: string): Promise<UnitRef[]> {
  const rows = await sql<UnitRef & { type: string }>`
    WITH RECURSIVE down AS (
      SELECT id, code, name, type FROM org_unit WHERE id = ${rootId}
      UNION ALL
      SELECT o.id, o.code, o.name, o.type FROM org_unit o JOIN down ON o.parent_id = down.id
      WHERE down.type <> 'district'
    ) SELECT id, code, name, type FROM down WHERE type = 'district' ORDER BY code`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, code: r.code, name: r.name }));
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

const UNIT_COLUMNS = ['id', 'code', 'name', 'fullName', 'nameEn', 'type', 'groups', 'parentId'] as const;

/** Adds a unit; answers it as the unit list shows it. */
export function insertOrgUnit(trx: Executor, values: Insertable<OrgUnitTable>) {
  return trx.insertInto('orgUnit').values(values).returning(UNIT_COLUMNS).executeTakeFirstOrThrow();
}

/**
 * Units `insertEnterpriseUnitRows` writes a statement at most: one array parameter a column
 * (`unnest`), so a statement has four parameters whatever its rows.
 */
const UNITS_PER_INSERT = 10_000;

/**
 * Adds enterprise units (no groups, no aliases) in bulk, `INSERT … SELECT FROM unnest(…)`: a few
 * statements for 50,000 (a VALUES list of 7 parameters a row took PostgreSQL half again as long to
 * plan and run). Answers them as the unit list shows them, in the order given.
 */
export async function insertEnterpriseUnitRows(
  trx: Executor,
  values: ReadonlyArray<{ code: string; name: string; fullName: string; parentId: string }>,
) {
  const byCode = new Map<string, Awaited<ReturnType<typeof insertOrgUnit>>>();
  for (let i = 0; i < values.length; i += UNITS_PER_INSERT) {
    const part = values.slice(i, i + UNITS_PER_INSERT);
    const col = (pick: (v: (typeof part)[number]) => string) => part.map(pick);
    const { rows } = await sql<Awaited<ReturnType<typeof insertOrgUnit>>>`
      INSERT INTO org_unit (code, name, full_name, type, groups, aliases, parent_id)
      SELECT u.code, u.name, u.full_name, 'enterprise', '{}'::text[], '[]'::jsonb, u.parent_id
      FROM unnest(${col((v) => v.code)}::text[], ${col((v) => v.name)}::text[], ${col((v) => v.fullName)}::text[],
        ${col((v) => v.parentId)}::uuid[]) AS u(code, name, full_name, parent_id)
      RETURNING id, code, name, full_name AS "fullName", name_en AS "nameEn", type, groups, parent_id AS "parentId"
    `.execute(trx);
    // Codes are unique: RETURNING's order is not promised, the code finds each input's row.
    for (const r of rows) byCode.set(r.code, r);
  }
  return values.map((v) => byCode.get(v.code)!);
}

/** Adds a unit, or updates the unit with its code; answers its id. */
/** Sets an enterprise unit's code if it still holds `from`; whether a row changed. */
export async function updateEnterpriseUnitCode(
  trx: Executor,
  input: { id: string; from: string; to: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('orgUnit')
    .set({ code: input.to })
    .where('id', '=', input.id)
    .where('code', '=', input.from)
    .where('type', '=', 'enterprise')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function upsertOrgUnit(trx: Executor, values: Insertable<OrgUnitTable>): Promise<string> {
  const row = await trx
    .insertInto('orgUnit')
    .values(values)
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A unit as other modules show it. */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

/** What other modules may read of a unit. */
export interface OrgUnitInfo extends UnitRef {
  fullName: string;
  type: OrgUnitType;
  groups: string[];
  parentId: string | null;
}

const INFO_COLUMNS = ['id', 'code', 'name', 'fullName', 'type', 'groups', 'parentId'] as const;

/**
 * Names units by id for an export's title block (`exportList`'s `unitNames`): the actor's unit and
 * the units its filters name.
 *
 * @example exportList(deps, actor, { ...spec, unitNames: unitNamesIn(deps.db) })
 */
export function unitNamesIn(db: Executor) {
  return (ids: readonly (string | null)[]) => unitRefsByIds(db, ids);
}

/**
 * Units by id as `{ id, code, name }`, for naming the units of a list without joining org_unit
 * (missing ids are absent from the map).
 *
 * @example const units = await unitRefsByIds(db, rows.map((r) => r.schoolId)); units.get(r.schoolId)?.name
 */
export async function unitRefsByIds(
  db: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, UnitRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Units matching every filter given: ids, types, groups (any of), the subtree under a unit
 * (itself included), the name or full name containing a text (literally, case as given; matched
 * in the database, so a district's thousands of enterprises are not read to find a few), ordered
 * by code.
 *
 * @example await listOrgUnitInfo(db, { under: districtId, types: ['school'], groups: ['中职'] })
 * @example await listOrgUnitInfo(db, { under: districtId, types: ['enterprise'], nameContains: '易通' })
 */
export async function listOrgUnitInfo(
  db: Executor,
  filter: {
    ids?: readonly string[];
    types?: readonly OrgUnitType[];
    groups?: readonly string[];
    under?: string;
    nameContains?: string;
  } = {},
): Promise<OrgUnitInfo[]> {
  if (filter.ids?.length === 0 || filter.types?.length === 0) return [];
  let q = db.selectFrom('orgUnit').select([...INFO_COLUMNS]);
  if (filter.ids) q = q.where('id', 'in', [...filter.ids]);
  if (filter.types) q = q.where('type', 'in', [...filter.types]);
  if (filter.groups?.length) q = q.where(sql<boolean>`groups && ${sql.val([...filter.groups])}::text[]`);
  if (filter.nameContains) {
    const pattern = containsPattern(filter.nameContains);
    q = q.where((eb) => eb.or([eb('name', 'like', pattern), eb('fullName', 'like', pattern)]));
  }
  if (filter.under) {
    const under = await listSubtreeIds(db, filter.under);
    if (under.length === 0) return [];
    q = q.where('id', 'in', under);
  }
  return q.orderBy('code').execute();
}

/** Units by code (missing codes are absent from the map). */
export async function unitsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, OrgUnitInfo>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('orgUnit')
    .select([...INFO_COLUMNS])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/**
 * A unit and every unit above it, nearest first (for a setting recorded at the unit or above it).
 *
 * @example await listAncestorIds(db, schoolId) // [schoolId, bureauId, districtId, cityId]
 */
export async function listAncestorIds(db: Executor, orgUnitId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM org_unit WHERE id = ${orgUnitId}
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id
    ) SELECT id FROM up ORDER BY depth`.execute(db);
  return rows.rows.map((r) => r.id);
}
