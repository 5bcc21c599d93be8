import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { coverageThreshold, DEFAULT_COVERAGE_THRESHOLD } from './coverage.ts';
import { upsertCoverageThreshold } from './majors.repository.ts';
import { mayReview } from './programs.policy.ts';
import type { SettingsBody } from './programs.schema.ts';

/* The district's recorded settings of this module: the resource coverage threshold N. */

/** The settings that apply to the actor's district (defaults where none is recorded). */
export async function getSettings(deps: ModuleDeps, actor: Actor) {
  const districtId = actor.districtId;
  return {
    resourceCoverageThreshold: districtId
      ? await coverageThreshold(deps.db, districtId)
      : DEFAULT_COVERAGE_THRESHOLD,
    abilities: { edit: districtId !== null && mayReview(actor, districtId) },
  };
}

/** Records the coverage threshold N for the actor's district (audited with the old value). */
export async function updateSettings(deps: ModuleDeps, actor: Actor, input: Static<typeof SettingsBody>) {
  const districtId = actor.districtId;
  if (!districtId || !mayReview(actor, districtId)) throw new AppError('FORBIDDEN', 403);
  const before = await coverageThreshold(deps.db, districtId);
  await deps.transaction(async (trx) => {
    await upsertCoverageThreshold(trx, {
      districtId,
      value: input.resourceCoverageThreshold,
      updatedBy: actor.userId,
      updatedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'programs.settings.updated',
      objectType: 'org_unit',
      objectId: districtId,
      details: { resourceCoverageThreshold: { from: before, to: input.resourceCoverageThreshold } },
    });
  });
  return getSettings(deps, actor);
}
