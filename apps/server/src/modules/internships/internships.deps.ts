import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { enterpriseYearFacts } from '../enterprises/index.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import type { DEFAULT_INTERNSHIP_RULES } from './internships.config.ts';

/**
 * An enterprise's staff count (职工总数) for a year, or null when it is not known: then the 10 %
 * share is "cannot check" — a warning at activation (ENTERPRISE_STAFF_UNKNOWN), never a pass.
 */
export type StaffCountLookup = (db: Executor, enterpriseId: string, year: number) => Promise<number | null>;

/** The staff count the enterprise register (企业名录, the enterprises module) has for the year. */
export const registerStaffCount: StaffCountLookup = async (db, enterpriseId, year) =>
  (await enterpriseYearFacts(db, [enterpriseId], year)).get(enterpriseId)?.staff ?? null;

/** The internships module's dependencies: the platform's, the staff look-up and the rules in force. */
export interface InternshipsDeps extends ModuleDeps {
  staffCount: StaffCountLookup;
  rules: typeof DEFAULT_INTERNSHIP_RULES;
}

export const today = (deps: Pick<ModuleDeps, 'clock'>) => chinaDate(deps.clock.now());

/** The actor's own unit, and whether it is an enterprise or a school that places students. */
export async function actorUnit(db: Executor, actor: Actor) {
  const [unit] = await listOrgUnitInfo(db, { ids: [actor.orgUnitId] });
  return {
    unit: unit ?? null,
    isEnterprise: unit?.type === 'enterprise',
    places: !!unit && keepsVocationalRecords(unit) && actor.permissions.has('internship.place'),
  };
}
