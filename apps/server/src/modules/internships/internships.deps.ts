import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import type { DEFAULT_INTERNSHIP_RULES } from './internships.config.ts';

/**
 * An enterprise's staff count (在岗职工总数) for a year, or null when it is not known. The
 * enterprise register (企业名录, the enterprises module) will answer it; until it is merged the
 * module is built with `unknownStaffCount`, and the 10 % share is then "cannot check" — a warning
 * at activation (ENTERPRISE_STAFF_UNKNOWN), never a pass.
 */
export type StaffCountLookup = (db: Executor, enterpriseId: string, year: number) => Promise<number | null>;

/** The lookup until the enterprise register is wired in: nothing is known. */
export const unknownStaffCount: StaffCountLookup = async () => null;

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
