import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { findDistrictOf, listOrgUnitInfo } from '../org/index.ts';
import type { UnitScope } from './cooperation.repository.ts';
import type { Refusal } from './cooperation.rules.ts';

/** The cooperation module's dependencies: the platform's. */
export type CooperationDeps = ModuleDeps;

export const today = (deps: Pick<ModuleDeps, 'clock'>) => chinaDate(deps.clock.now());

/**
 * The actor's own vocational school and its district, for a record the actor writes: refused 403
 * without `cooperation.manage`, 403 `COOPERATION_NOT_A_SCHOOL` from any other unit.
 */
export async function actorSchool(db: Executor, actor: Actor) {
  if (!actor.permissions.has('cooperation.manage')) throw forbidden();
  const [unit] = await listOrgUnitInfo(db, { ids: [actor.orgUnitId] });
  if (!unit || !keepsVocationalRecords(unit)) throw new AppError('COOPERATION_NOT_A_SCHOOL', 403);
  return { schoolId: unit.id, districtId: (await findDistrictOf(db, unit.id)) ?? unit.id };
}

/**
 * Refuses (400, naming the field) enterprise ids that are not enterprises of the school's district
 * (the enterprise register's units).
 */
export async function checkEnterprises(
  db: Executor,
  districtId: string,
  ids: readonly string[],
  field: (i: number) => string,
) {
  const found = await listOrgUnitInfo(db, {
    ids: [...new Set(ids)],
    types: ['enterprise'],
    under: districtId,
  });
  const known = new Set(found.map((u) => u.id));
  const problems = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          {
            field: field(i),
            code: 'NOT_AN_ENTERPRISE',
            message: '不是本区企业名录中的企业',
            messageEn: 'Not an enterprise of the district’s register',
          },
        ],
  );
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
}

/** Refusals as error details (`{ field, code, message, messageEn }`). */
export const asDetails = (refusals: readonly Refusal[]) =>
  refusals.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en }));

/** Throws 400 with the refusals when there are any (input that can never be right). */
export function rejectInput(refusals: readonly Refusal[]): void {
  if (refusals.length > 0) throw new AppError('VALIDATION_FAILED', 400, asDetails(refusals));
}

/** The units whose records the actor's lists may return. */
export function unitScope(actor: Actor): UnitScope {
  return actor.scope.all ? { all: true } : { all: false, unitIds: actor.scope.orgUnitIds };
}
