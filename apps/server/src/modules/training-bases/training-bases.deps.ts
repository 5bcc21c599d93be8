import { keepsHighLevelBases, keepsVocationalRecords } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listOrgUnitInfo, type OrgUnitInfo } from '../org/index.ts';
import type { ChinaMoment, OpeningHours } from './booking.rules.ts';
import type { ActorUnitFacts } from './training-bases.policy.ts';

/** The module's dependencies: the platform's and the opening hours in force. */
export interface TrainingBasesDeps extends ModuleDeps {
  opening: OpeningHours;
}

export const today = (deps: Pick<ModuleDeps, 'clock'>) => chinaDate(deps.clock.now());

/** Now on the China calendar: today's date and the minute of the day (UTC+8). */
export function chinaNow(deps: Pick<ModuleDeps, 'clock'>): ChinaMoment {
  const now = deps.clock.now();
  const minute = Math.floor(((now.getTime() + 8 * 3600_000) % 86_400_000) / 60_000);
  return { date: chinaDate(now), minute };
}

/** What the actor's own unit is, for the policy. */
export async function actorUnitFacts(
  db: Executor,
  actor: Actor,
): Promise<ActorUnitFacts & { unit: OrgUnitInfo | null }> {
  const [unit] = await listOrgUnitInfo(db, { ids: [actor.orgUnitId] });
  const school = !!unit && keepsVocationalRecords(unit);
  return {
    unit: unit ?? null,
    keeper: !!unit && keepsHighLevelBases(unit) && actor.permissions.has('trainingBase.manage'),
    school,
    books: !!unit && (school || unit.type === 'enterprise') && actor.permissions.has('trainingBase.book'),
  };
}

/** Whether an org unit is a vocational school (中职) or a college of vocational or applied teaching. */
export function isSchoolLike(unit: OrgUnitInfo): boolean {
  return keepsVocationalRecords(unit) || unit.type === 'college';
}
