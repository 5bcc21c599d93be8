import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { DqCriteriaConfig } from './criteria.rules.ts';
import { districtSettings, type DistrictTeacherSettings } from './district-settings.ts';
import type { SettingsBody } from './dq.schema.ts';
import { upsertSetting } from './settings.repository.ts';
import { DEFAULT_DQ_CRITERIA, RECRUITMENT_RULE } from './teachers.config.ts';
import { mayReviewDistrict } from './teachers.policy.ts';

/*
 * The recorded per-district settings of the teachers module: whether enterprise part-time teachers
 * count in the 双师型 ratio, and the district's own per-level criteria (else the defaults). Only
 * `teacher.review` holders of the district change them; every change is audited with before/after.
 */

function view(actor: Actor, s: DistrictTeacherSettings) {
  return {
    ...s,
    defaults: DEFAULT_DQ_CRITERIA,
    recruitmentRule: RECRUITMENT_RULE,
    abilities: { edit: actor.districtId !== null && mayReviewDistrict(actor, actor.districtId) },
  };
}

/** The settings of the actor's district in force, with the defaults and the recruitment rule. */
export async function getSettings(deps: ModuleDeps, actor: Actor) {
  return view(actor, await districtSettings(deps.db, actor.districtId));
}

/** Records the district's settings; `criteria: null` goes back to the defaults. */
export async function updateSettings(deps: ModuleDeps, actor: Actor, input: Static<typeof SettingsBody>) {
  const districtId = actor.districtId;
  if (!districtId || !mayReviewDistrict(actor, districtId)) throw forbidden();
  const criteria: DqCriteriaConfig | null = input.criteria
    ? { source: DEFAULT_DQ_CRITERIA.source, levels: input.criteria }
    : null;
  await deps.transaction(async (trx) => {
    const before = await districtSettings(trx, districtId);
    const now = deps.clock.now();
    await upsertSetting(trx, {
      districtId,
      countPartTime: input.countPartTime,
      criteria,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.settings.updated',
      objectType: 'teacher_setting',
      objectId: districtId,
      details: {
        before: {
          countPartTime: before.countPartTime,
          criteria: before.criteriaOverridden ? before.criteria.levels : null,
        },
        after: { countPartTime: input.countPartTime, criteria: input.criteria },
      },
    });
  });
  return getSettings(deps, actor);
}
