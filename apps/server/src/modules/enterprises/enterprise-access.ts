import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import type { FieldProblem } from './enterprise-input.ts';
import { canSeeEnterprise, registerScope, type ActorUnit } from './enterprises.policy.ts';
import { findEnterprise } from './enterprises.repository.ts';

/** This calendar year in China. */
export const currentYear = (deps: Pick<ModuleDeps, 'clock'>) =>
  Number(chinaDate(deps.clock.now()).slice(0, 4));

/** The actor's unit (type and groups), for the register's rules. */
export async function actorUnit(deps: Pick<ModuleDeps, 'db'>, actor: Actor): Promise<ActorUnit> {
  const [unit] = await listOrgUnitInfo(deps.db, { ids: [actor.orgUnitId] });
  return unit ? { type: unit.type, groups: unit.groups } : { type: 'other', groups: [] };
}

/** An enterprise the actor sees, with the actor's unit (404 when unseen or unknown). */
export async function loadVisible(deps: Pick<ModuleDeps, 'db'>, actor: Actor, id: string) {
  const [row, unit] = await Promise.all([findEnterprise(deps.db, id), actorUnit(deps, actor)]);
  if (!row || !canSeeEnterprise(registerScope(actor, unit), row)) throw notFound();
  return { row, unit };
}

/** Throws VALIDATION_FAILED with every problem when there are any. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
}
