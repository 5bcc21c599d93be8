import type { Executor } from '../../platform/db/database.ts';
import { findDistrictOf, listOrgUnitInfo } from '../org/index.ts';

/** A unit with its type and district (the nearest district at or above it), or null if unknown. */
export async function unitWithDistrict(db: Executor, unitId: string) {
  const [unit] = await listOrgUnitInfo(db, { ids: [unitId] });
  if (!unit) return null;
  return { id: unit.id, type: unit.type, groups: unit.groups, districtId: await findDistrictOf(db, unitId) };
}

/** The schools at or below a unit, by code, as `{ id, code, name }`. */
export async function schoolsUnder(db: Executor, rootId: string) {
  const units = await listOrgUnitInfo(db, { under: rootId, types: ['school'] });
  return units.map((u) => ({ id: u.id, code: u.code, name: u.name }));
}
