import type { Executor } from '../../platform/db/database.ts';
import type { MetricScope } from './stats.repository.ts';

/* SQL of the count metrics: inspections held, interviews and sanctions recorded in a window. */

/**
 * Inspections of the district that were held (started: in progress or completed) with their
 * start date in [from, to], by start date.
 */
export function listHeldInspections(db: Executor, s: MetricScope) {
  return db
    .selectFrom('inspection')
    .select(['id', 'kind', 'title', 'startsOn', 'state'])
    .where('districtId', '=', s.orgUnitId)
    .where('state', '<>', 'planned')
    .where('startsOn', '>=', s.from)
    .where('startsOn', '<=', s.to)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
}

/** Interviews (约谈) of the district (or with the unit) held in [from, to], by date. */
export function listInterviewsHeld(db: Executor, s: MetricScope) {
  return db
    .selectFrom('interview')
    .select(['id', 'orgUnitId', 'heldOn'])
    .where((eb) => eb.or([eb('districtId', '=', s.orgUnitId), eb('orgUnitId', '=', s.orgUnitId)]))
    .where('heldOn', '>=', s.from)
    .where('heldOn', '<=', s.to)
    .orderBy('heldOn')
    .orderBy('id')
    .execute();
}

/** Rewards and penalties (奖惩) of the district (or of the unit) decided in [from, to], by date. */
export function listSanctionsDecided(db: Executor, s: MetricScope) {
  return db
    .selectFrom('sanction')
    .select(['id', 'orgUnitId', 'kind', 'decidedOn'])
    .where((eb) => eb.or([eb('districtId', '=', s.orgUnitId), eb('orgUnitId', '=', s.orgUnitId)]))
    .where('decidedOn', '>=', s.from)
    .where('decidedOn', '<=', s.to)
    .orderBy('decidedOn')
    .orderBy('id')
    .execute();
}
