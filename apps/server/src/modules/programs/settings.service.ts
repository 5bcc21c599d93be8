import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { coverageThreshold } from './coverage.ts';
import { mayReview } from './programs.policy.ts';

/** The district's recorded settings of this module: the resource coverage threshold N. */
export function createSettingsService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;

  /** The settings that apply to the actor's district (defaults where none is recorded). */
  async function getSettings(actor: Actor) {
    const districtId = actor.districtId;
    return {
      resourceCoverageThreshold: districtId ? await coverageThreshold(db, districtId) : 10,
      abilities: { edit: districtId !== null && mayReview(actor, districtId) },
    };
  }

  /** Records the coverage threshold N for the actor's district (audited with the old value). */
  async function updateSettings(actor: Actor, input: { resourceCoverageThreshold: number }) {
    const districtId = actor.districtId;
    if (!districtId || !mayReview(actor, districtId)) throw new AppError('FORBIDDEN', 403);
    const before = await coverageThreshold(db, districtId);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await trx
        .insertInto('programSetting')
        .values({
          districtId,
          key: 'resourceCoverageThreshold',
          value: input.resourceCoverageThreshold,
          updatedBy: actor.userId,
          updatedAt: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['districtId', 'key'])
            .doUpdateSet({ value: input.resourceCoverageThreshold, updatedBy: actor.userId, updatedAt: now }),
        )
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'programs.settings.updated',
        objectType: 'org_unit',
        objectId: districtId,
        details: { resourceCoverageThreshold: { from: before, to: input.resourceCoverageThreshold } },
      });
    });
    return getSettings(actor);
  }

  return { getSettings, updateSettings };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
